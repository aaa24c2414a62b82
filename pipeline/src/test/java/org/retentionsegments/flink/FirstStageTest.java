package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.input.InputKind;

/**
 * The first stage in Java on its own thread, while the run opens the warehouse: it stages what the
 * run reads afterwards, its failure reaches the run as the exception it threw, and a run that fails
 * before it waits stops it.
 */
class FirstStageTest {

    @TempDir Path tmp;

    private static final RunInputs.Validation VALIDATION = new RunInputs.Validation(ZoneOffset.UTC,
            LocalDateTime.of(2030, 1, 1, 0, 0), LocalDate.of(2000, 1, 1), StandardCharsets.UTF_8);

    private Path orders(int lines) throws Exception {
        StringBuilder csv = new StringBuilder("order_id,customer_id,order_ts,amount\n");
        for (int i = 0; i < lines; i++) {
            csv.append("o").append(i).append(",c").append(i % 997).append(",2024-0").append(1 + i % 9)
                    .append("-1").append(i % 10).append(" 10:00:00,").append(10 + i % 90).append(".50\n");
        }
        return Files.writeString(tmp.resolve("orders.csv"), csv);
    }

    private FirstStage start(Path orders, Path staging, ByteArrayOutputStream said) throws Exception {
        RunInputs inputs = new RunInputs(Map.of(InputKind.ORDERS, orders), List.of());
        RunInputs.Plan plan = inputs.plan(staging, VALIDATION);
        return FirstStage.start(inputs, plan, VALIDATION, staging, new Configuration(),
                new PrintStream(said, true, StandardCharsets.UTF_8), RunProgress.NONE);
    }

    @Test
    void stagesTheInputsOnItsOwnThreadForTheRunToRead() throws Exception {
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        FirstStage first = start(orders(5_000), staging, said);
        first.await(new PrintStream(said, true, StandardCharsets.UTF_8));
        InputCounts counts = InputCounts.read(staging).get("orders");
        assertEquals(5_000, counts.read());
        assertEquals(5_000, counts.accepted());
        String printed = said.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("[1/2] reading, validating and rolling up the inputs ...\n"), printed);
        assertTrue(printed.matches("(?s).*      done in \\d+\\.\\d s\n"), printed);
        first.stop(); // after the wait: nothing to stop
    }

    @Test
    void whatFailsInItReachesTheRunAsItWasThrown() throws Exception {
        Path orders = orders(10);
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        // the file becomes a folder after the plan has checked its header: reading it fails on the stage's thread
        RunInputs inputs = new RunInputs(Map.of(InputKind.ORDERS, orders), List.of());
        RunInputs.Plan plan = inputs.plan(staging, VALIDATION);
        Files.delete(orders);
        Files.createDirectory(orders);
        FirstStage first = FirstStage.start(inputs, plan, VALIDATION, staging, new Configuration(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), RunProgress.NONE);
        // the reader's own exception (as the main thread got it before), not a wrapper of it
        java.io.IOException thrown = assertThrows(java.io.IOException.class, () -> first.await(System.err));
        assertEquals("Is a directory", thrown.getMessage());
    }

    @Test
    void aRunThatFailsBeforeItWaitsStopsTheReading() throws Exception {
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        Path big = orders(400_000); // several seconds of reading on this machine's kind
        FirstStage first = start(big, staging, new ByteArrayOutputStream());
        long t0 = System.nanoTime();
        first.stop();
        long stoppedMs = (System.nanoTime() - t0) / 1_000_000;
        Thread reading = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("first stage")).findFirst().orElse(null);
        assertTrue(reading == null || !reading.isAlive(), "the stage's thread ended");
        assertTrue(stoppedMs < 5_000, "stopped in " + stoppedMs + " ms");
        assertFalse(InputCounts.read(staging).containsKey("orders"), "a stopped stage counts no input as read");
    }
}
