package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.fixtures.ChildCli;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.TableChecksums;
import org.retentionsegments.generate.Generator;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;

/**
 * A run killed with {@code kill -9} and started again with the same arguments leaves the
 * warehouse as a clean run does: the CLI runs as a child JVM on a generated business with
 * treatments; a clean run gives the reference checksums of every table; then on a fresh
 * warehouse the same run is killed at five random moments in a row (seeded; the seed is printed),
 * and one more run finishes. Its tables must equal the clean run's, the killed runs' accounting
 * and rejected rows must be gone, and no temporary folder of theirs is left.
 */
class KilledRunITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final int KILLS = 5;

    @TempDir static Path dir;
    private static Path data;
    private static ChildCli cli;
    private static Path tmp;

    @BeforeAll
    static void business() throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        RunFixtures.generate(GeneratorConfig.of(1_500, 400, 11), data);
        // a bad line, so that the rejected rows of killed runs would show if they were left behind
        Files.writeString(data.resolve(Generator.ORDERS_FILE), "bad-order,,2024-01-01T00:00:00Z,1.00\n",
                java.nio.file.StandardOpenOption.APPEND);
        tmp = Files.createDirectories(dir.resolve("tmp"));
        cli = new ChildCli(dir).withJvmOption("-Djava.io.tmpdir=" + tmp);
    }

    private static String[] run(String url) {
        return new String[] {"run", "--orders", data.resolve(Generator.ORDERS_FILE).toString(),
            "--engagement", data.resolve(Generator.ENGAGEMENT_FILE).toString(),
            "--treatments", data.resolve(Generator.TREATMENTS_FILE).toString(),
            "--customers", data.resolve(Generator.CUSTOMERS_FILE).toString(),
            "--warehouse", url, "--parallelism", "2", "--flink", "execution.checkpointing.interval=2s"};
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRunKilledAtRandomMomentsAndStartedAgainEqualsACleanRun(Engine engine) throws Exception {
        String clean = WAREHOUSES.freshUrl(engine);
        Path cleanLog = dir.resolve("clean-" + engine + ".log");
        Process cleanRun = cli.start(cleanLog, Map.of(), run(clean));
        List<Long> arrivals = lineArrivals(cleanRun, cleanLog);
        String reference = Files.readString(cleanLog);
        assertEquals(0, cleanRun.exitValue(), reference);
        Map<String, String> expected = TableChecksums.of(clean);
        assertEquals(1, RunFixtures.count(clean, "SELECT COUNT(*) FROM rejected_input"), expected.toString());

        // kill points: after a random progress line of the run (as the clean run printed them),
        // plus a random delay of up to half the time the clean run took to its next line; the
        // last line a run prints before it finishes is the sink's total (no delay after it)
        List<String> lines = reference.lines().toList();
        int ready = indexOf(lines, " is ready ");
        List<String> milestones = progressLines(reference);
        String url = WAREHOUSES.freshUrl(engine);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> kills = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            int after = random.nextInt(milestones.size() + 1) - 1; // -1: before the warehouse is ready
            long gap = after == milestones.size() - 1 ? 0
                    : arrivals.get(ready + after + 1) - (after < 0 ? 0 : arrivals.get(ready + after));
            long delay = gap <= 1 ? 0 : random.nextLong(gap / 2 + 1);
            kills.add((after < 0 ? "start" : milestones.get(after).strip()) + " +" + delay + " ms");
            Path log = dir.resolve("killed-" + engine + "-" + i + ".log");
            Process process = cli.start(log, Map.of(), run(url));
            awaitProgress(process, log, after);
            Thread.sleep(delay);
            if (!process.isAlive()) {
                // this run went faster than the clean one (which a busy machine may have slowed):
                // it finished, which proves nothing; the same point again, killed at the line
                kills.set(i, kills.get(i) + " (finished first; again +0 ms)");
                process = cli.start(log, Map.of(), run(url));
                awaitProgress(process, log, after);
            }
            assertTrue(process.isAlive(), "the run ended before it was killed (" + kills.get(i) + "): "
                    + Files.readString(log));
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            process.waitFor();
        }
        System.err.printf("%s: killed at %s (seed %d)%n", engine, kills, seed);

        ChildCli.Result last = cli.run(Map.of(), run(url));
        assertEquals(0, last.exit(), last.output());
        // a run that finished before its kill is a complete run of its own: it keeps its
        // accounting and its rejected rows, each the same as the clean run's
        long finishedFirst = kills.stream().filter(k -> k.contains("finished first")).count();
        Map<String, String> actual = new java.util.LinkedHashMap<>(TableChecksums.of(url));
        Map<String, String> wanted = new java.util.LinkedHashMap<>(expected);
        for (String perRun : List.of("refresh_run", "rejected_input")) {
            actual.remove(perRun);
            wanted.remove(perRun);
        }
        String context = " after runs killed at " + kills + " (seed " + seed + ") and a complete one";
        assertEquals(wanted, actual, "tables" + context + ", against a clean run");
        List<Map<String, Object>> finished = RunFixtures.rows(url,
                "SELECT DISTINCT run_id FROM refresh_run WHERE finished_at IS NOT NULL");
        assertEquals(finishedFirst + 1, finished.size(), "complete runs" + context);
        String accounting = "SELECT source, as_of, read_rows, accepted, rejected, duplicates, customers FROM refresh_run";
        String rejected = "SELECT source, input_line, raw_text, reason FROM rejected_input";
        for (Map<String, Object> run : finished) {
            String only = " WHERE run_id = '" + run.get("run_id") + "' ORDER BY 1, 2";
            assertEquals(RunFixtures.rows(clean, accounting + " ORDER BY 1, 2"), RunFixtures.rows(url, accounting + only),
                    "the accounting of run " + run.get("run_id") + context);
            assertEquals(RunFixtures.rows(clean, rejected + " ORDER BY 1, 2"), RunFixtures.rows(url, rejected + only),
                    "the rejected rows of run " + run.get("run_id") + context);
        }
        assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM refresh_run WHERE finished_at IS NULL"),
                "no unfinished run is left in the accounting");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("segments-run-")).toList(),
                    "the killed runs' temporary folders are removed");
        }
    }

    /** Waits for the run to end; returns when (ms after the start) each line of its output appeared. */
    private static List<Long> lineArrivals(Process process, Path log) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        List<Long> arrivals = new ArrayList<>();
        while (true) {
            boolean ended = !process.isAlive();
            long now = (System.nanoTime() - start) / 1_000_000;
            for (long n = Files.readAllLines(log).size(); arrivals.size() < n; ) {
                arrivals.add(now);
            }
            if (ended) {
                return arrivals;
            }
            assertTrue(System.nanoTime() < deadline, "the clean run did not end in 10 minutes");
            Thread.sleep(20);
        }
    }

    /** The progress lines a run prints once the warehouse is ready, up to the sink's total. */
    private static List<String> progressLines(String output) {
        List<String> lines = output.lines().toList();
        int ready = indexOf(lines, " is ready ");
        int written = indexOf(lines, " rows written in ");
        assertTrue(ready >= 0 && written > ready, output);
        return lines.subList(ready + 1, written + 1);
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    /** Waits until the run has printed {@code lines} lines after "is ready" (none for -1). */
    private static void awaitProgress(Process process, Path log, int lines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (lines >= 0) {
            List<String> printed = Files.readAllLines(log);
            int ready = indexOf(printed, " is ready ");
            if (ready >= 0 && printed.size() - ready - 1 >= lines + 1) {
                return;
            }
            assertTrue(process.isAlive() && System.nanoTime() < deadline, "the run ended or hung before its "
                    + (lines + 1) + ". progress line: " + String.join("\n", printed));
            Thread.sleep(20);
        }
    }

    @Test
    void aRunOnADuckDbFileAnotherProcessHoldsSaysSoInOneLine() throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        try (Warehouse held = Warehouse.open(url)) {
            ChildCli.Result result = cli.run(Map.of(), run(url));
            assertEquals(1, result.exit(), result.output());
            List<String> errors = result.output().lines().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(1, errors.size(), result.output());
            assertTrue(errors.get(0).contains("another process has it open") && errors.get(0).contains("stop it"),
                    errors.get(0));
            assertTrue(result.output().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + result.output());
        }
    }
}
