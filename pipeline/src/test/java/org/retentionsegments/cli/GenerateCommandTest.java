package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheFilesAndSummarisesThem() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new GenerateCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute("--customers", "500", "--days", "365", "--seed", "1", "--planted-lift", "0.05",
                        "--end-date", "2024-06-30", "--out", tmp.toString());
        assertEquals(0, exit, err.toString());
        for (String file : new String[] {"customers.csv", "orders.csv", "engagement.csv", "treatments.csv"}) {
            assertTrue(Files.size(tmp.resolve(file)) > 0, file);
            assertTrue(out.toString().contains(file), out.toString());
        }
        assertTrue(err.toString().startsWith("generating: 500 customers in "), err.toString());
        assertTrue(out.toString().contains("winback_2024q2"), out.toString());
        assertTrue(Files.readString(tmp.resolve("orders.csv")).contains("2024-06-"));
    }

    @Test
    void rejectsInvalidOptionsAsUsageErrors() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new GenerateCommand())
                .setErr(new PrintWriter(err))
                .execute("--customers", "0", "--out", tmp.toString());
        assertEquals(2, exit);
        assertTrue(err.toString().contains("customers must be at least 1"), err.toString());
    }
}
