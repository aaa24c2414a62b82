package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retentionsegments.warehouse.Secrets;

class MaskingOutputTest {

    @BeforeEach
    void aSecretOfThisProcess() {
        Secrets.register("Wr1tten-Secret");
    }

    @Test
    void aSecretSplitAcrossWritesOfOneLineIsMasked() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MaskingOutput out = new MaskingOutput(bytes);
        byte[] text = "a Wr1tten-Secret here, ünïcode kept\nnext".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length; i += 3) {
            out.write(text, i, Math.min(3, text.length - i));
        }
        assertEquals("a *** here, ünïcode kept\n", bytes.toString(StandardCharsets.UTF_8),
                "a line is written once it ends; the rest waits");
        out.flush();
        assertEquals("a *** here, ünïcode kept\nnext", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printStreamsAndStackTracesAreMasked() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new MaskingOutput(bytes), true, StandardCharsets.UTF_8);
        out.println("url jdbc:postgresql://h/db?user=u&password=never-registered");
        new IllegalStateException("failed with Wr1tten-Secret").printStackTrace(out);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("url jdbc:postgresql://h/db?user=u&password=***\n"), printed);
        assertTrue(printed.contains("failed with ***"), printed);
        assertFalse(printed.contains("never-registered") || printed.contains("Wr1tten"), printed);
    }

    @Test
    void aLog4jConsoleAppenderCreatedAfterInstallWritesThroughTheMask() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = System.err;
        ConsoleAppender console;
        try {
            System.setErr(MaskingOutput.wrap(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
            // follow: the appender writes to System.err as it is when it writes (whatever log4j set up
            // before, in this JVM), which in the CLI is the mask from the start on
            console = ConsoleAppender.newBuilder().setName("masked").setTarget(ConsoleAppender.Target.SYSTEM_ERR)
                    .setFollow(true).setLayout(PatternLayout.newBuilder().withPattern("%p %m%n").build()).build();
            console.start();
            console.append(Log4jLogEvent.newBuilder().setLevel(Level.WARN)
                    .setMessage(new SimpleMessage("sink failed on jdbc:postgresql://h/db?password=Wr1tten-Secret")).build());
            console.stop();
        } finally {
            System.setErr(err);
        }
        assertEquals("WARN sink failed on jdbc:postgresql://h/db?password=***\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
