package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.fixtures.RunFixtures.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;

/**
 * {@code ./segments budget} (and {@code review}) on the warehouse of a whole run of a generated
 * business with a planted lift: the budget never goes to a suppressed segment or one whose lift
 * interval lies below zero, never exceeds a segment's capacity, and sums to at most the amount.
 */
class BudgetReviewITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String url;

    /** The generated inputs; JUnit removes the folder after the class. */
    @TempDir static Path dir;

    @BeforeAll
    static void run() throws Exception {
        RunFixtures.generate(GeneratorConfig.of(8_000, 400, 44).withPlantedLift(0.07), dir);
        url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        RunFixtures.run(RunFixtures.generatedInputs(dir), url);
        try (Warehouse warehouse = Warehouse.open(url)) {
            Models.bundled().apply(warehouse);
        }
    }

    @Test
    void budgetGoesOnlyToFundableSegmentsWithinCapacityAndAmount() throws Exception {
        JsonNode plan = budget("50000");
        assertFundableOnly(plan, 50_000);
        JsonNode first = plan.get("segments").get(0);
        assertEquals(1, first.get("funding_rank").asInt(), plan.toString());
        assertTrue(first.get("allocated").asDouble() > 0, plan.toString());

        // half the first segment's capacity: all of it goes there, nothing further
        double half = first.get("capacity").asDouble() / 2;
        JsonNode small = budget(Double.toString(half));
        assertEquals(half, small.get("allocated").asDouble(), 1e-6 * half);
        assertEquals(half, small.get("segments").get(0).get("allocated").asDouble(), 1e-6 * half);
        assertFundableOnly(small, half);

        String top = first.get("segment").asText();
        RunFixtures.execute(url, "UPDATE segment_config SET suppress = TRUE WHERE segment = '" + top.replace("'", "''") + "'");
        try {
            JsonNode suppressed = budget("50000");
            assertEquals(0.0, segment(suppressed, top).get("allocated").asDouble(), suppressed.toString());
            assertEquals("suppressed", segment(suppressed, top).get("reason").asText());
            assertFundableOnly(suppressed, 50_000);
        } finally {
            RunFixtures.execute(url, "UPDATE segment_config SET suppress = FALSE WHERE segment = '" + top.replace("'", "''") + "'");
        }

        // a larger program in the top segment that lowered retention from 100 % to 0 %: its lift
        // interval lies below zero, so the segment gets nothing
        RunFixtures.execute(url, "INSERT INTO treatment (program_id, customer_id, treated_ts, arm, segment, channel, cost, source)"
                + " SELECT 'test_harm', 'test_harm_' || arm || CAST(i AS VARCHAR), TIMESTAMP '2000-01-01 10:00:00', arm, '"
                + top.replace("'", "''") + "', 'email', 1.00, 'input'"
                + " FROM (VALUES ('treatment'), ('holdout')) AS a (arm) CROSS JOIN generate_series(1, 5000) AS g(i)",
                "INSERT INTO activity_daily (customer_id, activity_date, orders, return_orders, revenue, returns, engagement_events)"
                + " SELECT 'test_harm_holdout' || CAST(i AS VARCHAR), DATE '2000-01-10', 1, 0, 20.00, 0.00, 0"
                + " FROM generate_series(1, 5000) AS g(i)");
        try {
            Map<String, Object> harmed = rows(url, "SELECT lift_ci_high FROM holdout_lift WHERE program_id = 'test_harm'"
                    + " AND segment <> 'ALL'").get(0);
            assertTrue(((Number) harmed.get("lift_ci_high")).doubleValue() < 0, harmed.toString());
            JsonNode negative = budget("50000");
            assertEquals(0.0, segment(negative, top).get("allocated").asDouble(), negative.toString());
            assertEquals("negative_lift", segment(negative, top).get("reason").asText());
            assertFundableOnly(negative, 50_000);
        } finally {
            RunFixtures.execute(url, "DELETE FROM treatment WHERE program_id = 'test_harm'",
                    "DELETE FROM activity_daily WHERE customer_id LIKE 'test_harm_%'");
        }
    }

    @Test
    void budgetRefusesAWrongAmountOrPeriod() {
        assertEquals(2, RunFixtures.cli("budget", "--amount", "-5", "--warehouse", url).exitCode());
        assertEquals(2, RunFixtures.cli("budget", "--amount", "100", "--period", "month", "--warehouse", url).exitCode());
        assertEquals(2, RunFixtures.cli("budget", "--warehouse", url).exitCode());
        String text = RunFixtures.succeeds("budget", "--amount", "1000", "--period", "60d", "--warehouse", url).out();
        assertTrue(text.startsWith("BUDGET $1,000 per 60 days"), text);
        assertTrue(text.matches("(?s).*\nSummary: \\$[0-9,]+ of \\$1,000 allocated buys [-0-9]+ incremental retained customers \\(95 % .*"),
                text);
    }

    @Test
    void reviewNamesTheUnderpoweredHoldoutsAndValidatesEverySegment() throws Exception {
        String text = RunFixtures.succeeds("review", "--warehouse", url).out();
        String holdouts = text.substring(text.indexOf("Holdouts that cannot see their target"),
                text.indexOf("Lifts to question")).replaceAll("\n {4}", " ");
        int flagged = 0;
        for (Map<String, Object> p : rows(url, "SELECT program_id, segment, underpowered FROM holdout_power"
                + " WHERE segment <> 'ALL' AND underpowered IS NOT NULL")) {
            String named = "  - " + p.get("program_id") + ", " + p.get("segment") + ": its holdout sees lifts of ";
            assertEquals(Boolean.TRUE.equals(p.get("underpowered")), holdouts.contains(named), p + " in " + holdouts);
            flagged += Boolean.TRUE.equals(p.get("underpowered")) ? 1 : 0;
        }
        assertTrue(flagged >= 1, "a run of 8,000 customers has an underpowered segment holdout: " + holdouts);

        double cycle = ((Number) rows(url, "SELECT cycle_days FROM purchase_cycle ORDER BY as_of DESC").get(0)
                .get("cycle_days")).doubleValue();
        assertTrue(text.replaceAll("\n {4}", " ").contains("Refresh the segments at least every "
                + Math.max(1, (int) Math.floor(cycle / 4)) + " days"), text);

        JsonNode review = JSON.readTree(RunFixtures.succeeds("review", "--json", "--warehouse", url).out());
        Map<String, Long> members = new HashMap<>();
        for (Map<String, Object> r : rows(url, "SELECT segment, COUNT(*) AS n FROM customer_segment GROUP BY segment")) {
            members.put((String) r.get("segment"), ((Number) r.get("n")).longValue());
        }
        long configured = RunFixtures.count(url, "SELECT COUNT(*) FROM segment_config WHERE in_config");
        assertEquals(configured, review.get("segment_validation").size(), review.get("segment_validation").toString());
        for (JsonNode v : review.get("segment_validation")) {
            long customers = members.getOrDefault(v.get("segment").asText(), 0L);
            assertEquals(customers, v.get("customers").asLong(), v.toString());
            assertEquals(1000, v.get("min_segment_size").asLong(), "the default minimum, written by the run: " + v);
            assertEquals(customers >= 1000, v.get("size_ok").asBoolean(), v.toString());
            assertTrue(v.get("actionable").asBoolean(), "every shipped segment has a strategy with a channel: " + v);
        }
    }

    /** The statements of budget and review run on PostgreSQL too; an empty warehouse gives plain answers. */
    @Test
    void budgetAndReviewReadAnEmptyPostgresWarehouse() {
        String empty = WAREHOUSES.freshUrl(Engine.POSTGRES);
        try (Warehouse warehouse = Warehouse.open(empty)) {
            Models.bundled().apply(warehouse);
        }
        String budget = RunFixtures.succeeds("budget", "--amount", "500", "--warehouse", empty).out();
        assertTrue(budget.contains("Summary: $0 of $500 allocated buys 0 incremental retained customers"), budget);
        String review = RunFixtures.succeeds("review", "--budget", "500", "--warehouse", empty).out();
        assertTrue(review.contains("No purchase cycle is written yet"), review);
        assertTrue(review.contains("Every holdout measured can see its target lift."), review);
        assertTrue(review.contains("0 of 0 segments meet all five criteria."), review);
    }

    private static JsonNode budget(String amount) throws Exception {
        return JSON.readTree(RunFixtures.succeeds("budget", "--amount", amount, "--json", "--warehouse", url).out());
    }

    private static JsonNode segment(JsonNode plan, String name) {
        for (JsonNode s : plan.get("segments")) {
            if (s.get("segment").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " not in " + plan);
    }

    /** Read from the tables and holdout_lift, not from budget_allocation's own reasons. */
    private static void assertFundableOnly(JsonNode plan, double amount) throws Exception {
        Set<String> suppressed = new HashSet<>();
        for (Map<String, Object> r : rows(url, "SELECT segment FROM segment_config WHERE suppress")) {
            suppressed.add((String) r.get("segment"));
        }
        Map<String, Double> liftHigh = new HashMap<>();
        for (Map<String, Object> r : rows(url, "SELECT segment, lift_ci_high, program_id FROM holdout_lift"
                + " WHERE segment <> 'ALL' AND lift_ci_high IS NOT NULL")) {
            liftHigh.merge((String) r.get("segment") + "|" + r.get("program_id"),
                    ((Number) r.get("lift_ci_high")).doubleValue(), Math::min);
        }
        double total = 0;
        int funded = 0;
        for (JsonNode s : plan.get("segments")) {
            double allocated = s.get("allocated").asDouble();
            total += allocated;
            if (allocated <= 0) {
                continue;
            }
            funded++;
            String name = s.get("segment").asText();
            assertFalse(suppressed.contains(name), "budget to the suppressed " + name + ": " + plan);
            Double high = liftHigh.get(name + "|" + s.get("program_id").asText());
            assertTrue(high != null && high >= 0, "budget to " + name + " whose lift interval is " + high + ": " + plan);
            assertTrue(allocated <= s.get("capacity").asDouble() + 1e-6, "over capacity: " + s);
        }
        assertTrue(funded >= 1, plan.toString());
        assertTrue(total <= amount + 1e-6, total + " > " + amount);
        assertEquals(total, plan.get("allocated").asDouble(), 1e-6);
    }
}
