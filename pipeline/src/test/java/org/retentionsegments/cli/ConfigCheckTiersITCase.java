package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.ConfigTexts.PIPELINE;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * {@code config check --warehouse} and the report on a real run where most customers have one
 * order: quantile frequency tiers 1, 1, 2, 3 leave F 2 empty; {@code method: distinct} fills it.
 */
class ConfigCheckTiersITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    /** The refresh of the run: the day after the last order, 2024-01-01 + 56 days. */
    private static final String AS_OF = "2024-02-27";

    @TempDir
    Path tmp;

    /**
     * One line per order: customer i (0-based) has {@code orders[i]} orders, order k on day
     * 2024-01-01 + (7i + 13k) mod 60 for 10.50 + 7i + 3k.
     */
    private Path orders(int... orders) throws Exception {
        List<String> lines = new ArrayList<>(List.of("order_id,customer_id,order_ts,amount"));
        for (int i = 0; i < orders.length; i++) {
            for (int k = 0; k < orders[i]; k++) {
                LocalDate day = LocalDate.of(2024, 1, 1).plusDays((7 * i + 13 * k) % 60);
                lines.add("o" + i + "_" + k + ",c" + (i < 10 ? "0" : "") + i + "," + day + "T10:00:00Z,"
                        + (10 + 7 * i + 3 * k) + ".50");
            }
        }
        return Files.write(tmp.resolve("orders.csv"), lines);
    }

    /** 7 customers with one order, 2 with two, 2 with three, one with four, one with six. */
    private Path mostlyOneOrder() throws Exception {
        return orders(1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6);
    }

    /** The classic grid (config/classic), whose F 2 rules these cases starve; written once per test. */
    private String classic() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("classic"));
        Files.writeString(dir.resolve("segments.yaml"), org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_SEGMENTS);
        Files.writeString(dir.resolve("strategies.yaml"), org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_STRATEGIES);
        return dir.toString();
    }


    private static void run(Path orders, String url, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--orders", orders.toString(), "--warehouse", url));
        args.addAll(List.of(more));
        Captured run = RunFixtures.cli(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("13 customers segmented as of " + AS_OF), run.out());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theCheckNamesTheEmptyTierAndTheRulesThatUseItAndTheReportCarriesTheNote(Engine engine) throws Exception {
        String url = WAREHOUSES.freshUrl(engine);
        run(mostlyOneOrder(), url, "--config", classic());

        Captured check = RunFixtures.cli("config", "check", "--config", classic(), "--warehouse", url);
        assertEquals(0, check.exitCode(), "tier warnings alone do not fail: " + check.err());
        String out = check.out();
        assertTrue(out.contains("TIERS AT THE LATEST REFRESH, " + AS_OF + " (score_boundary):\n"), out);
        // nearest rank over 1x7, 2x2, 3x2, 4, 6 (N = 13): ranks 3, 6, 8, 11 -> 1, 1, 2, 3
        assertTrue(out.contains("  frequency (orders in the window), quantile, 13 customers: 2 problem tiers\n"
                + "    F1 <= 1: 7, F2 (1, 1]: 0, F3 (1, 2]: 2, F4 (2, 3]: 2, F5 > 3: 2\n"
                + "    F 1 holds 53.8 % of the 13 customers (quantile tiers aim at an even split)\n"
                + "    F 2 is empty: its boundaries are equal, F1 <= 1, F2 (1, 1], so customers tied at 1 all score 1\n"),
                out);
        assertTrue(out.contains("  Potential Loyalist uses F 2, which no customer had at " + AS_OF + ": boundaries"
                + " F1 <= 1, F2 (1, 1] (1 of its 2 alternatives can never match)\n"), out);
        assertTrue(out.contains("  About to Sleep uses F 2, which no customer had at " + AS_OF), out);
        assertTrue(out.contains("  Hibernating uses F 2, which no customer had at " + AS_OF), out);
        assertTrue(out.contains("SEGMENTS UNREACHABLE AT " + AS_OF + ": none\n"), out);
        assertTrue(out.contains("    frequency: { method: fixed, thresholds: [1, 2, 3, 4] }   # F1..5: 7, 2, 2, 1, 1"
                + " customers\n"), out);
        assertTrue(out.contains("TIERS RESULT: WARNINGS (every segment still reachable)\n"), out);

        Path html = tmp.resolve("report.html");
        Captured report = RunFixtures.cli("report", "--warehouse", url, "--config", classic(), "--html", html.toString());
        assertEquals(0, report.exitCode(), report.err());
        String text = report.out().replaceAll("\n {13}", " ");
        assertTrue(text.contains("Tiers:       F 1 holds 53.8 % of the 13 customers (quantile tiers aim at an even"
                + " split). F 2 is empty: its boundaries are equal, F1 <= 1, F2 (1, 1], so customers tied at 1 all"
                + " score 1; it starves Potential Loyalist; About to Sleep, Hibernating use it but still match through other"
                + " tiers. Remedy: ./segments config"
                + " check --warehouse URL suggests fixed thresholds"), report.out());
        String page = Files.readString(html);
        assertTrue(page.contains("<dt>Tiers</dt><dd>F 1 holds 53.8 % of the 13 customers"), page);
        assertTrue(page.contains("F1 &lt;= 1, F2 (1, 1], so customers tied at 1 all score 1; it starves Potential"
                + " Loyalist; About to Sleep, Hibernating use it but still match through other tiers."), page);
    }

    @Test
    void methodDistinctFillsTheTierTiesLeftEmpty() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("distinct"));
        Files.writeString(config.resolve("segments.yaml"), org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_SEGMENTS);
        Files.writeString(config.resolve("strategies.yaml"), org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_STRATEGIES);
        Files.writeString(config.resolve("pipeline.yaml"), replaceOnce(PIPELINE, "  frequency:\n    method: quantile",
                "  frequency:\n    method: distinct"));
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        run(mostlyOneOrder(), url, "--config", config.toString());

        Captured check = RunFixtures.cli("config", "check", "--config", config.toString(), "--warehouse", url);
        assertEquals(0, check.exitCode(), check.err());
        // distinct: 1, then the next values 2, 3, 4 instead of 1, 2, 3 (seven customers tied at 1 stay in F 1)
        assertTrue(check.out().contains("  frequency (orders in the window), distinct, 13 customers: 1 problem tier\n"
                + "    F1 <= 1: 7, F2 (1, 2]: 2, F3 (2, 3]: 2, F4 (3, 4]: 1, F5 > 4: 1\n"), check.out());
        assertTrue(check.out().contains("RULES THAT USE A TIER NO CUSTOMER HAD: none\n"), check.out());

        Captured report = RunFixtures.cli("report", "--warehouse", url, "--config", config.toString());
        assertTrue(report.out().contains("Approach:    RFM scores 1-5 (R quantile, F distinct, M quantile tiers;"),
                report.out());
        assertFalse(report.out().replaceAll("\n {13}", " ").contains("starves"), report.out());
    }

    @Test
    void aSegmentNoCustomerCanReachFailsTheCheck() throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        // 10 of 13 with one order: boundaries 1, 1, 1, 1 leave F 2-4 empty; Potential Loyalist needs F 2 or F 3
        run(orders(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 5), url, "--config", classic());
        Captured check = RunFixtures.cli("config", "check", "--config", classic(), "--warehouse", url);
        assertEquals(1, check.exitCode(), check.out());
        assertTrue(check.out().contains("SEGMENTS UNREACHABLE AT " + AS_OF + ": Potential Loyalist\n"), check.out());
        assertEquals(List.of("error: at the latest refresh, " + AS_OF + ", no customer can reach Potential Loyalist:"
                + " every rule of it needs a tier no customer had (see TIERS above); use the suggested thresholds or"
                + " method distinct in pipeline.yaml, or change segments.yaml"), check.err().lines().toList());
    }

    @Test
    void aMissingDuckDbFileIsOneLineAndIsNotCreated() {
        Path missing = tmp.resolve("missing.duckdb");
        Captured check = RunFixtures.cli("config", "check", "--warehouse", "jdbc:duckdb:" + missing);
        assertEquals(1, check.exitCode());
        assertEquals("", check.out(), "nothing printed before the refusal");
        assertEquals(List.of("error: no warehouse at " + missing + ": run `./segments run` or `./segments demo`"
                + " first, or pass --warehouse (the demo's is jdbc:duckdb:demo/segments.duckdb)"),
                check.err().lines().toList());
        assertFalse(Files.exists(missing));
    }
}
