package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.fixtures.RunFixtures.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseFixtures;
import org.retentionsegments.warehouse.WarehouseWriter;

/**
 * The report's Budget and Segment validation sections on the warehouse of a whole run of a
 * generated business with a planted lift (the demo's shape: one winback program 90 days before the
 * end, so its spend falls in a 120-day period and none in the default 30 days), on DuckDB: every
 * figure against the rows of budget_allocation, treatment and segment_validation, read apart from
 * the report; an empty spend and an empty configuration on both engines.
 */
class BudgetValidationReportITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConfigBundle CONFIG = ConfigBundle.loadDefault();
    /** Covers the winback entries 90 days before the end of the generated data. */
    private static final int PERIOD = 120;

    /** The treatment arm's delivered entries of the period up to the latest refresh. */
    private static final String PERIOD_ROWS = " CROSS JOIN (SELECT MAX(as_of) AS as_of FROM customer_segment) r"
            + " WHERE t.arm = 'treatment' AND t.source = 'input' AND CAST(t.treated_ts AS DATE) > r.as_of - " + PERIOD
            + " AND CAST(t.treated_ts AS DATE) <= r.as_of";

    private static String url;
    private static StrategyReport report;

    /** The generated inputs; JUnit removes the folder after the class. */
    @TempDir static Path dir;

    @BeforeAll
    static void run() throws Exception {
        RunFixtures.generate(GeneratorConfig.of(8_000, 400, 44).withPlantedLift(0.07), dir);
        url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        RunFixtures.run(RunFixtures.generatedInputs(dir), url);
        try (Warehouse w = Warehouse.open(url)) {
            Models.bundled().apply(w);
            report = StrategyReport.load(w, CONFIG, null, true, PERIOD);
        }
    }

    @Test
    void theBudgetMovesTodaysSpreadAsBudgetAllocationRanksIt() throws Exception {
        JsonNode budget = JSON.readTree(report.json()).get("budget");
        assertEquals(PERIOD, budget.get("period_days").asInt());
        // today's spread, read apart: the treatment arm's cost of the period up to the latest refresh, of
        // entries delivered (the treatments input); the pipeline's own always_on assignments cost nothing
        double spread = number(rows(url, "SELECT SUM(t.cost) AS spread FROM treatment t" + PERIOD_ROWS).get(0), "spread");
        assertTrue(spread > 0, "the winback's entries fall in the period");
        assertEquals(spread, budget.get("today_spend").asDouble(), 1e-6 * spread);
        assertTrue(budget.get("note").isNull(), budget.toString());

        Map<String, Map<String, Object>> view = new HashMap<>();
        for (Map<String, Object> r : rows(url, "SELECT * FROM budget_allocation")) {
            view.put((String) r.get("segment"), r);
        }
        Set<String> suppressed = new HashSet<>();
        for (Map<String, Object> r : rows(url, "SELECT segment FROM segment_config WHERE in_config AND suppress")) {
            suppressed.add((String) r.get("segment"));
        }
        assertFalse(suppressed.isEmpty(), "the shipped strategies suppress Hibernating and Lost");
        JsonNode changes = budget.get("changes");
        assertEquals(view.size(), changes.size(), changes.toString());
        double allocated = 0;
        double retained = 0;
        int funded = 0;
        for (JsonNode c : changes) {
            Map<String, Object> v = view.get(c.get("segment").asText());
            double money = c.get("allocated").asDouble();
            allocated += money;
            assertEquals(String.valueOf(v.get("reason")), c.get("reason").isNull() ? "null" : c.get("reason").asText(), c.toString());
            if (v.get("reason") != null) {
                assertEquals(0.0, money, c.toString());
                assertEquals("nothing", c.get("verdict").asText(), c.toString());
                continue;
            }
            assertTrue(money <= number(v, "capacity") + 1e-6, "over capacity: " + c);
            if (money > 0) {
                funded++;
                retained += money / number(v, "cost_per_customer") * number(v, "shrunk_lift");
            }
        }
        assertTrue(funded >= 1, changes.toString());
        assertTrue(allocated <= spread + 1e-6, allocated + " > " + spread);
        for (String s : suppressed) {
            JsonNode c = change(changes, s);
            assertEquals(0.0, c.get("allocated").asDouble(), "a suppressed segment is never funded: " + c);
            assertEquals("suppressed", c.get("reason").asText(), c.toString());
        }
        JsonNode buys = budget.get("plan").get("incremental_retained");
        assertEquals(retained, buys.get("value").asDouble(), 1e-6 * Math.max(1, retained));
        assertTrue(buys.get("ci_low").asDouble() < retained && retained < buys.get("ci_high").asDouble(), buys.toString());
        // what today's spread buys: the customers it reached times each segment's shrunk lift
        double today = 0;
        for (Map<String, Object> r : rows(url, "SELECT t.segment, COUNT(DISTINCT t.customer_id) AS reached FROM treatment t"
                + PERIOD_ROWS + " GROUP BY t.segment")) {
            Map<String, Object> v = view.get((String) r.get("segment"));
            if (v != null && v.get("shrunk_lift") != null) {
                today += number(r, "reached") * number(v, "shrunk_lift");
            }
        }
        assertEquals(today, budget.get("plan").get("today_incremental_retained").get("value").asDouble(), 1e-6 * today);

        String text = report.text();
        String block = text.substring(text.indexOf("BUDGET\n------\n"), text.indexOf("SEGMENT VALIDATION\n"));
        String flowing = block.replaceAll("\n  ", " ");
        assertTrue(flowing.contains("Today's spread, " + Fmt.money(spread) + " on treatments in the last 120 days"), block);
        for (String s : suppressed) {
            double cost = change(changes, s).get("today_cost").asDouble();
            String named = cost >= 0.5 ? "- Nothing for " + s + ": $0 instead of " + Fmt.money(cost)
                    + " (suppressed by its strategy)." : s;
            assertTrue(flowing.contains(named), named + " in " + block);
        }
        assertTrue(flowing.contains("Moved, the same " + Fmt.money(spread) + " buys " + Math.round(retained)
                + " incremental retained customers (95 % "), block);

        String html = report.html();
        assertTrue(html.contains("<li><a href=\"#budget\">Budget</a></li>"), "in the contents");
        assertTrue(html.contains("<h2 id=\"budget\">Budget</h2>\n<p>Today&#39;s spread") || html.contains(
                "<h2 id=\"budget\">Budget</h2>\n<p>Today's spread"), html);
        JsonNode chart = ClusterPlotsTest.options(html).get("pic-budget");
        List<String> labels = new ArrayList<>();
        chart.at("/yAxis/data").forEach(n -> labels.add(n.asText()));
        for (int i = 0; i < labels.size(); i++) {
            JsonNode c = change(changes, labels.get(i));
            assertEquals(ChartParts.round(c.get("today_cost").asDouble()), chart.at("/series/0/data/" + i).asDouble());
            assertEquals(ChartParts.round(c.get("allocated").asDouble()), chart.at("/series/1/data/" + i).asDouble());
        }
        assertTrue(labels.containsAll(suppressed), "today's money on the suppressed segments is drawn: " + labels);
    }

    @Test
    void withoutSpendInTheDefaultPeriodTheBudgetIsOneSentence() throws Exception {
        StrategyReport thirty;
        try (Warehouse w = Warehouse.open(url)) {
            thirty = StrategyReport.load(w, CONFIG, null, false);
        }
        JsonNode budget = JSON.readTree(thirty.json()).get("budget");
        assertEquals(30, budget.get("period_days").asInt());
        assertTrue(budget.get("plan").isNull() && budget.get("changes").isEmpty(), budget.toString());
        String note = "No treatment cost was recorded in the 30 days up to the latest refresh";
        assertTrue(budget.get("note").asText().startsWith(note), budget.toString());
        String text = thirty.text();
        String block = text.substring(text.indexOf("BUDGET\n------\n"), text.indexOf("SEGMENT VALIDATION\n"));
        assertTrue(block.replace("\n", " ").contains("./segments budget --amount 50000."), block);
        assertFalse(block.contains("Rank"), "no table: " + block);
    }

    @Test
    void everySegmentGetsTheFiveChecksOfSegmentValidation() throws Exception {
        Map<String, Long> members = new HashMap<>();
        for (Map<String, Object> r : rows(url, "SELECT segment, COUNT(*) AS n FROM customer_segment GROUP BY segment")) {
            members.put((String) r.get("segment"), ((Number) r.get("n")).longValue());
        }
        List<Map<String, Object>> view = rows(url, "SELECT * FROM segment_validation");
        JsonNode validation = JSON.readTree(report.json()).get("segment_validation");
        assertEquals(view.size(), validation.get("segments").size(), validation.toString());
        long passing = view.stream().filter(v -> ((Number) v.get("criteria_met")).intValue() == 5).count();
        assertEquals(passing, validation.get("passing").asLong());
        String small = null;
        for (Map<String, Object> v : view) {
            String segment = (String) v.get("segment");
            JsonNode s = segment(validation.get("segments"), segment);
            long customers = members.getOrDefault(segment, 0L);
            assertEquals(customers, s.get("customers").asLong(), s.toString());
            JsonNode checks = s.get("checks");
            assertEquals(customers >= 1000, checks.at("/sizeable/passed").asBoolean(), s.toString());
            for (String[] c : new String[][] {{"measurable", "measurable"}, {"accessible", "accessible"},
                {"actionable", "actionable"}}) {
                assertEquals(v.get(c[1]), checks.at("/" + c[0] + "/passed").asBoolean(), s.toString());
            }
            assertEquals(v.get("differentiable") == null, checks.at("/differentiable/passed").isNull(), s.toString());
            assertEquals(((Number) v.get("criteria_met")).intValue() == 5, s.get("passes_all").asBoolean(), s.toString());
            if (customers > 0 && customers < 1000) {
                small = segment;
            }
        }
        assertTrue(small != null, "a run of 8,000 customers has a segment under 1,000: " + members);

        String text = report.text();
        String block = text.substring(text.indexOf("SEGMENT VALIDATION\n"), text.indexOf("SCORE VALIDATION\n"));
        assertTrue(block.contains(passing + " of " + view.size() + " segments pass every check"), block);
        String reason = Fmt.customers(members.get(small)) + ", below the minimum of 1,000";
        assertTrue(block.replaceAll("\n  ", " ").contains("- " + small + ": sizeable FAIL: " + reason), block);
        assertTrue(block.contains("\n" + Fmt.left(small, 22) + " FAIL "), "its row in the table: " + block);
        String html = report.html();
        assertTrue(html.contains("<h2 id=\"segment-validation\">Segment validation</h2>"), "the section");
        assertTrue(html.contains("<td class=\"fail\"><b>FAIL</b> " + reason + "</td>"), "the small segment's cell");
    }

    /** No treatment and no configured segment: plain sentences, on both engines (the sections' reads run on PostgreSQL). */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWarehouseWithoutSpendOrConfigurationGetsPlainSentences(Engine engine) throws Exception {
        String fresh = WAREHOUSES.freshUrl(engine);
        StrategyReport empty;
        try (Warehouse w = Warehouse.open(fresh)) {
            new WarehouseWriter(w).write(List.of(WarehouseFixtures.activity("a1", LocalDate.parse("2024-05-01"), 1, 10.0),
                    WarehouseFixtures.assignment("a1", LocalDate.parse("2024-06-01"), "Loyal", true)));
            Models.bundled().apply(w);
            empty = StrategyReport.load(w, CONFIG, null, false);
        }
        JsonNode json = JSON.readTree(empty.json());
        assertTrue(json.at("/budget/plan").isNull(), json.toString());
        assertTrue(json.at("/budget/note").asText().startsWith("No treatment cost was recorded in the 30 days"), json.toString());
        assertEquals(0, json.at("/segment_validation/segments_checked").asInt(), json.toString());
        String text = empty.text();
        assertTrue(text.contains("SEGMENT VALIDATION\n------------------\nNo segment of the configuration is in the"
                + " warehouse yet: run ./segments run first.\n"), text);
    }

    private static JsonNode change(JsonNode changes, String segment) {
        return segment(changes, segment);
    }

    private static JsonNode segment(JsonNode list, String name) {
        for (JsonNode s : list) {
            if (s.get("segment").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " not in " + list);
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }
}
