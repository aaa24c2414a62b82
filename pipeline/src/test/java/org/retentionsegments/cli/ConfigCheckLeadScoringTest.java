package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.LeadScoring;

/** config check validates lead_scoring.yaml with the other files and states what it scores. */
class ConfigCheckLeadScoringTest {

    private static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            code = Segments.commandLine().execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {String.valueOf(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theDefaultsAreSummarised() {
        String[] r = run("config", "check");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("LEAD SCORING: 12 signals (3 negative) scoring prospects; engagement half-life 30 days;"
                + " cold 0-30, warm 31-50, hot 51-80, sales-ready 81-100\n"), r[1]);
    }

    @Test
    void aBrokenLeadScoringFileFailsTheCheckWithItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(LeadScoring.FILE), ConfigBundle.classpath(LeadScoring.FILE)
                .replace("score: prospects", "score: everyone"));
        String[] r = run("config", "check", "--config", dir.toString());
        assertEquals("1", r[0], r[1]);
        assertTrue(r[2].contains("lead_scoring.yaml: line 10: score must be 'prospects'"), r[2]);
    }
}
