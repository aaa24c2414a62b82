package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF;
import static org.retentionsegments.warehouse.WarehouseFixtures.T0;
import static org.retentionsegments.warehouse.WarehouseFixtures.activity;
import static org.retentionsegments.warehouse.WarehouseFixtures.treatment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.cli.Segments;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.RefreshRun;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.Strategy;
import org.retentionsegments.core.fixtures.ConfigTexts;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.warehouse.WarehouseFixtures;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseException;
import org.retentionsegments.warehouse.WarehouseWriter;

/** The report on known warehouse rows, on DuckDB and PostgreSQL. */
class StrategyReportITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final ConfigBundle CONFIG = org.retentionsegments.core.fixtures.ConfigTexts.classic();
    private static final LocalDate EARLIER = AS_OF.minusMonths(1);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everySegmentInPriorityOrderWithCountsSharesAndCriteria(Engine engine) {
        String text = report(engine, null);
        assertTrue(text.startsWith("SEGMENTATION STRATEGY\n=====================\nApproach:    RFM scores 1-5 (quantile"
                + " tiers recalibrated at every refresh"), text);
        assertTrue(text.contains("Segments:    12 defined, 4 with customers, plus 1 in the warehouse that segments.yaml no longer\n"
                + "             defines"), text);
        String unwrapped = text.replaceAll("\n {12,}", " ");
        assertTrue(unwrapped.contains("refresh as of 2024-03-01 (previous kept 2024-02-01); 6 customers; latest run"
                + " run-2 (as of 2024-03-01): engagement 40 read / 40 accepted / 0 rejected; orders 10 read / 7"
                + " accepted / 2 rejected / 1 duplicates\n"), text);

        List<String> expectedOrder = new ArrayList<>(CONFIG.strategies().all().values().stream()
                .sorted(Comparator.comparingInt(Strategy::priority)).map(Strategy::segment).toList());
        expectedOrder.add("Old VIP");
        List<String> order = text.lines().filter(l -> l.startsWith("Segment: "))
                .map(l -> l.substring("Segment: ".length(), l.indexOf("   ["))).toList();
        assertEquals(expectedOrder, order);
        assertEquals("Can't Lose Them", order.get(0));

        assertTrue(text.contains("Segment: Champions   [priority 3, high-touch]\n"
                + "  Size:     2 customers / 33.3 % of customers / 40.0 % of revenue ($400) / revenue at risk $0\n"
                + "  Criteria: R 4-5, F 4-5, M 4-5\n"
                + "  Profile:  The best customers; advocates who respond to new launches; measured: avg recency 15 d,\n"
                + "            4.0 orders and $200 in the 365-day window; top category shoes (100 %); 50 % high return\n"
                + "            rate; 6.0 engagement events in 90 d\n"), text);
        assertTrue(text.contains("Segment: Can't Lose Them   [priority 1, high-touch]\n"
                + "  Size:     1 customer / 16.7 % of customers / 60.0 % of revenue ($600) / revenue at risk $600\n"
                + "  Criteria: R 1-2, F 4-5, M 4-5\n"), text);
        assertTrue(unwrapped.contains("  Strategy: Win back the highest-value customers before they are gone for good."
                + " \"We miss you - here is what is new, and something just for you.\" via phone, personal outreach"
                + " within 7 days of entry, then weekly email for 4 weeks; incentive credit 20 % (cap $50); holdout"
                + " 10 % of always_on\n"), text);
        assertTrue(text.contains("Segment: Loyal   [priority 4]\n  Size:     0 customers\n"), text);
        assertTrue(text.contains("Segment: Lost   [priority 12, suppressed]\n  Size:     1 customer / 16.7 % of"
                + " customers / 0.0 % of revenue ($0) / revenue at risk $0\n"
                + "  Criteria: R 1, F 1-2, M 1-2 (catch-all: everyone no earlier rule matched)\n"), text);
        assertTrue(unwrapped.contains("\"None (suppressed); an occasional brand newsletter at most.\" no contact; no paid"
                + " incentive (suppressed); no always-on program\n"), text);
        assertTrue(unwrapped.contains("  KPIs:     reactivation rate, incremental revenue, cost per retained customer\n"), text);
        assertTrue(text.contains("Segment: Prospects   [priority 10]\n  Size:     1 customer / 16.7 % of customers"
                + " / 0.0 % of revenue ($0) / revenue at risk $0\n  Criteria: lifecycle prospect\n"), text);
        assertTrue(unwrapped.contains("measured: avg recency -, 0.0 orders and $0"), "NULL recency of prospects: " + text);
        assertTrue(text.contains("Segment: Old VIP   [not in segments.yaml: customers kept from an earlier"
                + " configuration]\n  Size:     1 customer / 16.7 %"), text);
        assertTrue(text.lines().filter(l -> !l.startsWith("Data Source: jdbc:"))
                .allMatch(l -> l.length() <= 105), "about 100 columns wide (a long URL aside)");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void movementSinceThePreviousKeptRefresh(Engine engine) {
        String text = report(engine, null);
        assertTrue(text.contains("SEGMENT MOVEMENT   (since the previous kept refresh: 2024-02-01 -> 2024-03-01)\n"
                + "----------------\n"
                + "  2 customers stayed in their segment (50.0 % of those seen before), 2 moved, 2 are new.\n"), text);
        assertTrue(text.contains("  Champions              -> Can't Lose Them                1     50.0 %   down (less"
                + " engaged)\n"), text);
        assertTrue(text.contains("  Loyal                  -> Champions                      1    100.0 %   up (more"
                + " engaged)\n"), text);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void holdoutLiftOfAHandComputedCaseAndDashesForNull(Engine engine) {
        String text = report(engine, null);
        String lift = text.substring(text.indexOf("HOLDOUT LIFT"));
        // 30 of 100 treated retained against 20 of 100 held out: lift 10 points, Newcombe's interval
        // from the Wilson intervals [21.9, 39.6] and [13.3, 28.9]: 10 - sqrt(8.1^2 + 8.9^2) = -2.0 to
        // 10 + sqrt(9.6^2 + 6.7^2) = 21.7; pooled z-test p 0.102; revenue (1500/100 - 800/100) * 100;
        // cost 200 / 10.
        // incremental revenue +/- 1.959964 x Welch's 100 sqrt((52500/99 + 25600/99) / 100) = 550.50
        assertTrue(lift.contains("winback   (horizon 60 days)\n"
                + "  ALL                    100      100  30.0 / 20.0  +10.0 [-2.0, +21.7]   0.102   $700 +/- 550     $20.00\n"
                + "  At Risk                100      100  30.0 / 20.0  +10.0 [-2.0, +21.7]   0.102   $700 +/- 550     $20.00\n"
                + "  Reading: +10.0 pts, not distinguishable from zero at 5 % (p 0.102, 95 % CI -2.0 to +21.7 pts); a\n"),
                lift);
        String unwrapped = lift.replaceAll("\n {2,}", " ");
        assertTrue(unwrapped.contains("Counts: the ALL row counts each of its 100 treated customers once, at their first"
                + " entry into the program; each entered one segment only, so its segment row holds the same customers."),
                lift);
        assertTrue(lift.contains("tiny   (horizon 60 days)\n"
                + "  ALL                      2        0      0.0 / -                    -       -              -          -\n"
                + "  Champions                2        0      0.0 / -                    -       -              -          -\n"
                + "  Reading: cannot be measured: no holdout customers whose horizon has ended.\n"), lift);
        assertTrue(unwrapped.contains("always_on   (horizon 60 days) always_on: assigned only - 2 customers entered its"
                + " segments (1 assigned to treatment, 1 to the holdout) but no contact was recorded (no treatments"
                + " input, no audience export of their segment within the horizon, no send to the transitions topic),"
                + " so no lift is claimed.\ntiny"), lift);
        assertTrue(lift.indexOf("tiny") < lift.indexOf("winback"), "programs by name");
        // CUPED: nobody was active before treatment, so nothing to adjust with: the Wald interval
        // 10 -+ 1.959964 sqrt(.3 * .7 / 100 + .2 * .8 / 100) * 100 = -1.9 to +21.9, no narrower.
        assertTrue(lift.replace("\n  ", " ").contains("- winback: CUPED-adjusted +10.0 pts (-1.9 to +21.9); what its"
                + " customers ordered and engaged in the 60 days before treatment did not predict retention, so the"
                + " interval is no narrower."), lift);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEarlierKeptRefreshByAsOf(Engine engine) {
        String text = report(engine, EARLIER);
        assertTrue(text.replaceAll("\n {12,}", " ").contains("refresh as of 2024-02-01; 4 customers;"), text);
        assertTrue(text.contains("Segments:    12 defined, 3 with customers"), text);
        assertTrue(text.contains("Segment: Champions   [priority 3, high-touch]\n  Size:     2 customers / 50.0 %"),
                text);
        assertTrue(text.contains("No earlier kept refresh: movement shows from the second kept refresh on."), text);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAsOfThatIsNotAKeptRefreshListsTheKeptOnes(Engine engine) {
        try (Warehouse w = filled(engine)) {
            WarehouseException e = assertThrows(WarehouseException.class,
                    () -> StrategyReport.load(w, CONFIG, LocalDate.parse("2024-02-15")));
            assertTrue(e.getMessage().contains("no kept refresh as of 2024-02-15")
                    && e.getMessage().contains("--as-of one of 2024-03-01, 2024-02-01"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEmptyWarehouseSaysWhatToRun(Engine engine) {
        try (Warehouse w = WAREHOUSES.open(engine)) {
            StrategyReport report = StrategyReport.load(w, CONFIG, null);
            assertTrue(report.empty());
            assertEquals(1, report.text().lines().count());
            assertTrue(report.text().contains("./segments run") && report.text().contains("./segments demo"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRunThatHasNotFinishedIsFlagged(Engine engine) {
        try (Warehouse w = filled(engine)) {
            assertFalse(StrategyReport.load(w, CONFIG, null).text().contains("has not finished"));
            new WarehouseWriter(w).write(List.of(
                    new RefreshRun("run-3", "orders", T0.plusSeconds(3600), null, AS_OF, 10, 10, 0, 0, 0)));
            String text = StrategyReport.load(w, CONFIG, null).text();
            String flowing = text.replaceAll("\\s+", " "); // the report wraps its lines
            assertTrue(flowing.contains("latest run run-3") && flowing.contains("WARNING: this run has not finished"), text);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withoutTheModelsItSaysToApplyThem(Engine engine) {
        try (Warehouse w = WAREHOUSES.open(engine)) {
            new WarehouseWriter(w).write(rows());
            // a new DuckDB warehouse has the bundled models (the build's template): take them away
            java.util.List<String> views = org.retentionsegments.warehouse.Models.bundled().order();
            for (int i = views.size() - 1; i >= 0; i--) {
                w.dsl().dropViewIfExists(views.get(i)).execute();
            }
            WarehouseException e = assertThrows(WarehouseException.class, () -> StrategyReport.load(w, CONFIG, null));
            assertTrue(e.getMessage().contains("./segments models apply"), e.getMessage());
            assertFalse(e.getMessage().contains("password="), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void htmlIsSelfContainedWithChartsAndTheSameFigures(Engine engine) throws Exception {
        String html;
        try (Warehouse w = filled(engine)) {
            html = StrategyReport.load(w, CONFIG, null).html();
        }
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"), html);
        String page = html.replace(ClusterPlots.echarts(), "");
        for (String external : List.of("<script src", "src=", "url(", "<link", "href=\"http", "href=\"/")) {
            assertFalse(page.contains(external), "no external assets or scripts: " + external);
        }
        assertEquals(1, html.split(java.util.regex.Pattern.quote(ClusterPlots.echarts()), -1).length - 1,
                "ECharts inlined once, for the pictures");
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), html);
        assertTrue(html.contains("<text x=\"162\" y=\"43\" text-anchor=\"end\" font-size=\"12\">Can&#39;t Lose Them</text>"),
                "the first bar is the top-priority segment, escaped: " + html);
        assertTrue(html.contains(">60.0 %</text>"), "Can't Lose Them's revenue share bar: " + html);
        assertTrue(html.contains("<h3>Champions <span class=\"tag\">[priority 3, high-touch]</span></h3>"), html);
        assertTrue(html.contains("<dd>2 customers / 33.3 % of customers / 40.0 % of revenue ($400) / revenue at risk $0</dd>"),
                html);
        assertTrue(html.contains("<td>ALL</td><td class=\"n\">100</td><td class=\"n\">100</td><td class=\"n\">30.0 / 20.0"
                + "</td><td class=\"n\">+10.0 [-2.0, +21.7]</td><td class=\"n\">0.102</td><td class=\"n\">$700 [$150, $1,250]</td>"
                + "<td class=\"n\">$20.00 [$9.23, no limit]</td>"), html);
        assertTrue(html.contains("always_on: assigned only - 2 customers entered its segments"), html);
        assertTrue(html.contains("<td class=\"n\">0.0 / -</td><td class=\"n\">-</td><td class=\"n\">-</td>"), html);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportCommandPrintsTheTextAndWritesTheHtml(Engine engine, @TempDir Path dir) throws Exception {
        String url;
        try (Warehouse w = filled(engine)) {
            url = w.url();
        }
        Path html = dir.resolve("out/report.html");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Segments.commandLine().execute("report", "--warehouse", url, "--as-of", "2024-02-01",
                    "--html", html.toString());
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, code);
        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("SEGMENTATION STRATEGY\n") && text.contains("refresh as of 2024-02-01"), text);
        assertTrue(Files.readString(html).contains("<title>Segmentation strategy as of 2024-02-01</title>"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportJsonHoldsTheFiguresOfTheWarehouseUnderStableKeys(Engine engine, @TempDir Path tmp) throws Exception {
        String url = WAREHOUSES.freshUrl(engine);
        try (Warehouse w = Warehouse.open(url)) {
            new WarehouseWriter(w).write(rows());
            Models.bundled().apply(w);
        }
        Path config = Files.createDirectories(tmp.resolve("classic"));
        Files.writeString(config.resolve("segments.yaml"), ConfigTexts.CLASSIC_SEGMENTS);
        Files.writeString(config.resolve("strategies.yaml"), ConfigTexts.CLASSIC_STRATEGIES);

        Captured cli = RunFixtures.capture(() -> Segments.commandLine().execute("report", "--json", "--warehouse", url,
                "--config", config.toString()));

        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(1, cli.out().lines().count(), "one line");
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertEquals("2024-03-01", json.get("as_of").asText());
        assertEquals("2024-02-01", json.get("previous_as_of").asText());
        assertEquals(6, json.get("customers").asLong());
        assertEquals("run-2", json.at("/run/run_id").asText());
        JsonNode orders = find(json.at("/run/inputs"), "source", "orders");
        assertEquals(List.of(10L, 7L, 2L, 1L), List.of(orders.get("read").asLong(), orders.get("accepted").asLong(),
                orders.get("rejected").asLong(), orders.get("duplicates").asLong()));
        JsonNode segments = json.get("segments");
        assertEquals("Can't Lose Them", segments.get(0).get("segment").asText(), "priority order");
        assertEquals("Old VIP", segments.get(segments.size() - 1).get("segment").asText());
        assertFalse(segments.get(segments.size() - 1).get("defined").asBoolean());
        assertTrue(segments.get(segments.size() - 1).get("strategy").isNull());
        JsonNode champions = find(segments, "segment", "Champions");
        assertEquals(2, champions.get("customers").asLong());
        assertEquals(2.0 / 6, champions.get("customer_share").asDouble(), 1e-9);
        assertEquals(400.0, champions.get("revenue").asDouble(), 1e-9);
        assertEquals(0.4, champions.get("revenue_share").asDouble(), 1e-9);
        Strategy strategy = CONFIG.strategies().forSegment("Champions");
        assertEquals(strategy.priority(), champions.at("/strategy/priority").asInt());
        assertEquals(strategy.programId(), champions.at("/strategy/program_id").asText());
        assertEquals(strategy.holdoutShare(), champions.at("/strategy/holdout_share").asDouble(), 1e-12);
        assertEquals(segments.size(), CONFIG.segments().segments().size() + 1);
        long sum = 0;
        for (JsonNode s : segments) {
            sum += s.get("customers").asLong();
        }
        assertEquals(6, sum);

        JsonNode all = null;
        for (JsonNode r : json.get("lift")) {
            if (r.get("program_id").asText().equals("winback") && r.get("segment").asText().equals("ALL")) {
                all = r;
            }
        }
        assertEquals(100, all.get("treated_customers").asLong(), json.get("lift").toString());
        assertEquals(100, all.get("holdout_customers").asLong());
        assertEquals(60, all.get("horizon_days").asInt());
        assertEquals(0.3, all.get("treated_retention_rate").asDouble(), 1e-9);
        assertEquals(0.2, all.get("holdout_retention_rate").asDouble(), 1e-9);
        assertEquals(0.102, all.get("p_value").asDouble(), 5e-4);
        assertEquals(20.0, all.get("cost_per_retained").asDouble(), 1e-9);
        assertEquals("delivered", all.get("measured_as").asText());
        assertEquals(200.0, all.get("contact_cost").asDouble(), 1e-9, "a treatments-input campaign: the tool's cost");
        assertEquals(0.0, all.get("incentive_cost").asDouble(), 1e-9);
        assertEquals(700 - 550.4983, all.get("incremental_revenue_ci_low").asDouble(), 1e-3, "Welch, by hand");
        assertEquals(200 / 21.67343540, all.get("cost_per_retained_ci_low").asDouble(), 1e-6);
        assertTrue(all.get("cost_per_retained_ci_high").isNull(), "unbounded: the lift interval reaches below 0");
        JsonNode assigned = find(json.get("lift"), "program_id", "always_on");
        assertEquals("assigned", assigned.get("measured_as").asText());
        assertFalse(assigned.has("lift"), "no lift claimed for an assignment: " + assigned);
        assertTrue(json.get("lift_counts").get("winback").asText().contains("100 treated customers once"));
        JsonNode cuped = null;
        for (JsonNode r : json.get("lift_cuped")) {
            if (r.get("program_id").asText().equals("winback") && r.get("segment").asText().equals("ALL")) {
                cuped = r;
            }
        }
        assertEquals(0.1, cuped.get("lift").asDouble(), 1e-9, json.get("lift_cuped").toString());
        assertEquals(Math.sqrt(0.0037), cuped.get("lift_se").asDouble(), 1e-9);
        assertEquals(0.1 - 0.1192200, cuped.get("lift_cuped_ci_low").asDouble(), 1e-6);
        assertEquals(0.0, cuped.get("variance_reduction").asDouble(), 1e-12);
        for (JsonNode r : json.get("lift_cuped")) {
            assertFalse(r.get("program_id").asText().equals("always_on"),
                    "no CUPED lift for an assigned program: " + json.get("lift_cuped"));
        }
        assertTrue(json.has("contracts") && json.has("moves") && json.has("score_validation"), cli.out());
        assertEquals(1, find(json.get("moves"), "from", "Loyal").get("customers").asLong());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportJsonOfAWarehouseWithoutARefreshHasNoSegments(Engine engine) throws Exception {
        try (Warehouse w = WAREHOUSES.open(engine)) {
            JsonNode json = new ObjectMapper().readTree(StrategyReport.load(w, CONFIG, null).json());
            assertTrue(json.get("as_of").isNull());
            assertEquals(0, json.get("segments").size());
        }
    }

    private static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode n : array) {
            if (n.get(key).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + key + " " + value + " in " + array);
    }

    private static String report(Engine engine, LocalDate asOf) {
        try (Warehouse w = filled(engine)) {
            return StrategyReport.load(w, CONFIG, asOf).text();
        }
    }

    private static Warehouse filled(Engine engine) {
        Warehouse w = WAREHOUSES.open(engine);
        new WarehouseWriter(w).write(rows());
        Models.bundled().apply(w);
        return w;
    }

    /** Two kept refreshes, two programs, two runs (see the assertions for what they add up to). */
    private static List<WarehouseRow> rows() {
        List<WarehouseRow> rows = new ArrayList<>();
        rows.add(customer("c1", EARLIER, "Champions", 15, 5, 300, LifecycleStage.ACTIVE, false));
        rows.add(customer("c2", EARLIER, "Loyal", 30, 3, 90, LifecycleStage.ACTIVE, false));
        rows.add(customer("c3", EARLIER, "Champions", 20, 6, 700, LifecycleStage.ACTIVE, false));
        rows.add(customer("c4", EARLIER, "Lost", 400, 1, 0, LifecycleStage.LAPSED, false));
        rows.add(customer("c1", AS_OF, "Champions", 10, 5, 300, LifecycleStage.ACTIVE, true));
        rows.add(customer("c2", AS_OF, "Champions", 20, 3, 100, LifecycleStage.ACTIVE, false));
        rows.add(customer("c3", AS_OF, "Can't Lose Them", 200, 6, 600, LifecycleStage.LAPSING, false));
        rows.add(customer("c4", AS_OF, "Lost", 430, 1, 0, LifecycleStage.LAPSED, false));
        rows.add(new SegmentAssignment("p1", AS_OF, null, 0, 0.0, null, null, null, null, null,
                LifecycleStage.PROSPECT, false, false, false, false, null, null, 1, 2, "Prospects",
                "convert_first_purchase", Arm.TREATMENT, true, true));
        rows.add(customer("c6", AS_OF, "Old VIP", 100, 2, 0, LifecycleStage.LAPSED, false));
        rows.addAll(WarehouseFixtures.thirtyOfHundredAgainstTwentyOfHundred());
        rows.add(new Treatment("tiny", "c1", T0, Arm.TREATMENT, null, "email", null, "input"));
        rows.add(new Treatment("tiny", "c2", T0, Arm.TREATMENT, null, "email", null, "input"));
        // the pipeline's own assignments, nothing sent: 'assigned', no lift claimed
        rows.add(new Treatment("always_on", "c3", T0, Arm.TREATMENT, "Can't Lose Them", "email", 0.5, "always_on"));
        rows.add(new Treatment("always_on", "c6", T0, Arm.HOLDOUT, "Can't Lose Them", null, null, "always_on"));
        Instant earlier = T0.minusSeconds(86_400 * 30);
        rows.add(new RefreshRun("run-1", "orders", earlier, earlier.plusSeconds(60), EARLIER, 5, 5, 0, 0, 4));
        rows.add(new RefreshRun("run-2", "orders", T0, T0.plusSeconds(60), AS_OF, 10, 7, 2, 1, 6));
        rows.add(new RefreshRun("run-2", "engagement", T0, T0.plusSeconds(60), AS_OF, 40, 40, 0, 0, 6));
        return rows;
    }

    private static SegmentAssignment customer(String id, LocalDate asOf, String segment, int recency, int frequency,
            double monetary, LifecycleStage stage, boolean highReturns) {
        return new SegmentAssignment(id, asOf, recency, frequency, monetary, 3, 3, 3, "333", 3.0, stage,
                highReturns, false, false, false, "shoes", 0.6, 2, 6, segment, "s", Arm.TREATMENT, true, true);
    }
}
