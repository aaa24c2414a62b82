package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_SEGMENTS;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.retentionsegments.core.config.ConfigException;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.core.fixtures.ConfigTexts;
import org.retentionsegments.fixtures.RunFixtures.Captured;

/** Mistakes on the command line: each is one line saying what is wrong, with no Java in it. */
class CommandLineErrorsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "TRUE", " True "})
    void segmentsDebugIsOnFor1OrTrue(String value) {
        assertTrue(Errors.debugging(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false", "FALSE", "", " ", "no", "2", "yes"})
    void segmentsDebugIsOffForAnythingElse(String value) {
        assertFalse(Errors.debugging(value));
        assertFalse(Errors.debugging(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "report --as-of 2011-02-30 | error: Invalid value for option '--as-of': '2011-02-30' is not a date: 2011-02 has"
                + " days 1 to 28; see ./segments report --help",
        "report --as-of yesterday | '--as-of': 'yesterday' is not a date: write it as yyyy-MM-dd, e.g. 2011-12-10",
        "report --as-of 2011-13-01 | '--as-of': '2011-13-01' is not a date: there is no month 13",
        "run --orders o.csv --as-of 2024-04-31 | '--as-of': '2024-04-31' is not a date: 2024-04 has days 1 to 30;"
                + " see ./segments run --help",
        "generate --end-date 2025-02-29 | '--end-date': '2025-02-29' is not a date: 2025-02 has days 1 to 28",
        "demo --customers 12x | '--customers': '12x' is not a whole number; see ./segments demo --help",
        "demo --days 1e3 | '--days': '1e3' is not a whole number",
        "demo --customers 3000000000 | '--customers': '3000000000' is out of range -2147483648..2147483647",
        "generate --seed 99999999999999999999 | '--seed': '99999999999999999999' is out of range",
        "demo --planted-lift abc | '--planted-lift': 'abc' is not a number",
        "demo --planted-lift NaN | '--planted-lift': 'NaN' is not a number",
        "generate --holdout-share 1e999 | '--holdout-share': '1e999' is too large a number",
        "demo --planted-lift 1.5 | error: planted lift must be in [0, 1), got 1.5; see ./segments demo --help",
        "demo --customers 0 | error: customers must be at least 1, got 0",
        "demo --continuous --customers 0 | error: customers must be at least 1, got 0; see ./segments demo --help",
        "generate --kafka 127.0.0.1:1 --partitions 0 | error: --partitions 0 must be at least 1; see ./segments"
                + " generate --help",
        "generate --kafka 127.0.0.1:1 --rate -5 | error: --rate -5.0 must be 0 (as fast as possible) or more",
        "run | error: Missing required option: '--orders=FILE'; see ./segments run --help",
        "stream | error: Missing required option: '--bootstrap-servers=HOST:PORT'; see ./segments stream --help",
        "explain --json | error: Missing required option: '--customer=ID'; see ./segments explain --help",
        "explain --customer c1 --as-of 2024-02-30 | '--as-of': '2024-02-30' is not a date: 2024-02 has days 1 to 29",
        "report --warehous x | error: Unknown options: '--warehous', 'x' (did you mean --warehouse?)",
        "frobnicate | error: Unmatched argument at index 0: 'frobnicate'",
        "models frobnicate | error: Unmatched argument at index 1: 'frobnicate' (did you mean"})
    void aBadOptionIsOneLineSayingWhatIsWrong(String args, String expected) {
        Captured cli = RunFixtures.capture(() -> Segments.commandLine().execute(args.split(" ")));
        assertEquals(2, cli.exitCode(), cli.err());
        assertOneLine(cli.err(), expected);
        assertEquals("", cli.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "stream --bootstrap-servers localhost:9092 | error: a continuous job needs a PostgreSQL warehouse (--warehouse"
                + " jdbc:postgresql://...): DuckDB allows one writer",
        "stream --bootstrap-servers localhost:9092 --parallelism 0 --warehouse jdbc:postgresql://localhost/x | error:"
                + " --parallelism 0 must be at least 1"})
    void aContinuousJobThatCannotRunIsRefusedInOneLineBeforeItStarts(String args, String expected) {
        Captured cli = RunFixtures.capture(() -> Segments.commandLine().execute(args.split(" ")));
        assertEquals(1, cli.exitCode(), cli.err());
        assertOneLine(cli.err(), expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "models apply", "models test", "explain --customer c1"})
    void commandsThatReadAWarehouseRefuseADuckDbFileThatIsNotThere(String command) {
        Path missing = tmp.resolve("nowhere.duckdb");
        String[] args = (command + " --warehouse jdbc:duckdb:" + missing).split(" ");
        Captured cli = RunFixtures.capture(() -> Segments.commandLine().execute(args));
        assertEquals(1, cli.exitCode(), cli.err());
        assertOneLine(cli.err(), "error: no warehouse at " + missing + ": run `./segments run` or `./segments demo`"
                + " first, or pass --warehouse (the demo's is jdbc:duckdb:demo/segments.duckdb)");
        assertFalse(Files.exists(missing), "no empty warehouse is created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"models apply", "models test"})
    void aModelFileThatIsNoViewNameIsRefusedBeforeTheWarehouseIsOpened(String command) throws Exception {
        Path models = Files.createDirectories(tmp.resolve("wm/models"));
        Files.writeString(models.resolve("x'; drop table customer_segment; --.sql"), "SELECT 1 AS x");
        String[] args = (command + " --warehouse jdbc:duckdb:" + tmp.resolve("w.duckdb") + " --models "
                + tmp.resolve("wm")).split(" ");
        Captured cli = RunFixtures.capture(() -> Segments.commandLine().execute(args));
        assertEquals(1, cli.exitCode(), cli.err());
        assertOneLine(cli.err(), "error: the model file '" + models + "/x'; drop table customer_segment; --.sql' is not"
                + " named after a view");
    }

    @Test
    void runAndDemoRefuseSegmentRulesWithFindings() throws Exception {
        Path config = findings();
        Path orders = Files.writeString(tmp.resolve("orders.csv"), "order_id,customer_id,order_ts,amount\n");
        Path db = tmp.resolve("w.duckdb");
        Captured run = RunFixtures.capture(() -> Segments.commandLine().execute("run", "--orders", orders.toString(),
                "--config", config.toString(), "--warehouse", "jdbc:duckdb:" + db));
        assertEquals(1, run.exitCode(), run.err());
        assertOneLine(run.err(), "error: the segment rules have findings (240 monotonicity violations, e.g. R5->R4 at F1"
                + " M1 (active, flags none): Lost -> Promising, a more engaged segment): see ./segments config check"
                + " --config " + config + ", fix segments.yaml, or pass --allow-config-findings to run anyway");
        assertFalse(Files.exists(db), "refused before anything is written");

        Path demo = tmp.resolve("demo");
        Captured refused = RunFixtures.capture(() -> Segments.commandLine().execute("demo", "--config",
                config.toString(), "--dir", demo.toString()));
        assertEquals(1, refused.exitCode(), refused.err());
        assertOneLine(refused.err(), "error: the segment rules have findings (240 monotonicity violations");
        assertFalse(Files.exists(demo), "refused before generating anything");
    }

    @Test
    void withTheFlagFindingsAreAWarningLine() throws Exception {
        Path config = findings();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConfigGate.check(config, true, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("warning: running with segment rules that segments config check --config " + config
                + " fails (240 monotonicity violations, e.g. R5->R4 at F1 M1 (active, flags none): Lost -> Promising,"
                + " a more engaged segment), as --allow-config-findings asks\n", err.toString(StandardCharsets.UTF_8));
        assertThrows(ConfigException.class, () -> ConfigGate.check(config, false, System.err));
    }

    @Test
    void theBuiltInRulesPassTheGateSilently() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConfigGate.check(null, false, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    /** A --config folder whose rules put R5 F1 customers below R4 ones (config check fails). */
    private Path findings() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("findings"));
        Files.writeString(config.resolve("segments.yaml"), replaceOnce(CLASSIC_SEGMENTS, "when: { r: 5, f: 1 }",
                "when: { r: 5, f: 1, lifecycle: [new, reactivated] }"));
        Files.writeString(config.resolve("strategies.yaml"), ConfigTexts.CLASSIC_STRATEGIES);
        return config;
    }

    private static void assertOneLine(String stderr, String expected) {
        List<String> lines = stderr.lines().toList();
        assertEquals(1, lines.size(), stderr);
        assertTrue(lines.get(0).contains(expected), () -> "expected '" + expected + "' in: " + lines.get(0));
        for (String java : List.of("java.", "Exception", "LocalDate", "\tat ")) {
            assertFalse(stderr.contains(java), stderr);
        }
    }
}
