package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_SEGMENTS;
import static org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_STRATEGIES;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.retentionsegments.fixtures.ChildCli;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/** The command line end to end: --allow-config-findings on a real run, SEGMENTS_DEBUG in a real process. */
class CommandLineITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @TempDir
    Path tmp;

    @Test
    void withAllowConfigFindingsARunGoesAheadAndSaysSo() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("findings"));
        Files.writeString(config.resolve("segments.yaml"), replaceOnce(CLASSIC_SEGMENTS, "when: { r: 5, f: 1 }",
                "when: { r: 5, f: 1, lifecycle: [new, reactivated] }"));
        Files.writeString(config.resolve("strategies.yaml"), CLASSIC_STRATEGIES);
        Path orders = Files.writeString(tmp.resolve("orders.csv"), "order_id,customer_id,order_ts,amount\n"
                + "o1,c1,2024-01-05T10:00:00Z,20.00\no2,c2,2024-02-10T10:00:00Z,15.00\n");
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        Captured run = RunFixtures.capture(() -> Segments.commandLine().execute("run", "--orders", orders.toString(),
                "--config", config.toString(), "--allow-config-findings", "--warehouse", url));
        assertEquals(0, run.exitCode(), run.err());
        List<String> warnings = run.err().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(List.of("warning: running with segment rules that segments config check --config " + config
                + " fails (240 monotonicity violations, e.g. R5->R4 at F1 M1 (active, flags none): Lost -> Promising,"
                + " a more engaged segment), as --allow-config-findings asks"), warnings);
        assertTrue(run.out().contains("2 customers segmented as of 2024-02-11"), run.out());

        Captured report = RunFixtures.capture(() -> Segments.commandLine().execute("report", "--warehouse", url,
                "--config", config.toString()));
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("SEGMENTATION STRATEGY"), report.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false", "", "no"})
    void segmentsDebugOtherThan1OrTruePrintsNoStackTrace(String value) throws Exception {
        ChildCli.Result failed = new ChildCli(tmp).run(Map.of("SEGMENTS_DEBUG", value),
                "models", "apply", "--warehouse", "jdbc:postgresql://127.0.0.1:1/test?user=postgres");
        assertEquals(1, failed.exit(), failed.output());
        assertEquals(List.of("error: cannot reach PostgreSQL at 127.0.0.1:1 (connection refused): start it with"
                + " infra/start-postgres.sh or pass --warehouse"), failed.output().lines().toList());
    }

    @Test
    void aMalformedUrlIsOneLineWithoutTheDriversWarnings() throws Exception {
        ChildCli.Result failed = new ChildCli(tmp).run(Map.of(), "models", "apply", "--warehouse",
                "jdbc:postgresql://127.0.0.1:port/test?user=postgres");
        assertEquals(1, failed.exit(), failed.output());
        assertEquals(List.of("error: malformed PostgreSQL URL 'jdbc:postgresql://127.0.0.1:port/test?user=postgres':"
                + " use jdbc:postgresql://HOST:PORT/DATABASE?user=USER"), failed.output().lines().toList());
    }

    @Test
    void segmentsDebugTruePrintsTheStackTrace() throws Exception {
        ChildCli.Result failed = new ChildCli(tmp).run(Map.of("SEGMENTS_DEBUG", "True"),
                "models", "apply", "--warehouse", "jdbc:postgresql://127.0.0.1:1/test?user=postgres");
        assertEquals(1, failed.exit(), failed.output());
        assertTrue(failed.output().startsWith("error: cannot reach PostgreSQL at 127.0.0.1:1"), failed.output());
        assertTrue(failed.output().contains("\tat org.retentionsegments.warehouse.Warehouse.open"), failed.output());
        assertFalse(failed.output().lines().skip(1).anyMatch(l -> l.startsWith("error:")), failed.output());
    }
}
