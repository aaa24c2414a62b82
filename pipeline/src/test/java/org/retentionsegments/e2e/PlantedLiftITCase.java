package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.fixtures.RunFixtures.rows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.generate.GenerationSummary;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;

/**
 * The lift planted by the generator is what holdout_lift measures after a whole run: its 95 %
 * interval covers the true effect (so does holdout_lift_cuped's narrower CUPED interval), and without
 * an effect the interval covers zero. The same run
 * of a generated business checks the default lead scoring against what the prospects did: the
 * hotter a class, the more its prospects engaged and the more of them bought.
 */
class PlantedLiftITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @TempDir Path dir;

    @Test
    void measuredLiftCoversThePlantedLift() throws Exception {
        GeneratorConfig config = GeneratorConfig.of(CUSTOMERS, 400, 42).withPlantedLift(0.07);
        GenerationSummary generated = RunFixtures.generate(config, dir);
        Map<String, Object> lift = liftOfAll(config, generated);

        double expected = generated.expectedLift();
        assertEquals(0.07, expected, 0.001);
        assertTrue((double) lift.get("lift_ci_low") <= expected && expected <= (double) lift.get("lift_ci_high"),
                "the 95 % interval covers the true lift " + expected + ": " + lift);
        assertTrue((double) lift.get("lift") > 0, lift.toString());
        assertTrue((double) lift.get("p_value") < 0.05, lift.toString());
        cupedIsNarrowerAndStillCovers(config, lift, expected);
        leadClassesFollowEngagementAndConversion(url);
        theDefaultMapMeansItsNames(url);
    }

    /**
     * On the same run, issue 11 item 4: holdout_lift_cuped's 'ALL' row keeps holdout_lift's lift, and
     * its CUPED interval (adjusted for the customers' activity before treatment) is narrower than both
     * holdout_lift's interval and the unadjusted Wald interval, and still covers the planted lift.
     */
    private void cupedIsNarrowerAndStillCovers(GeneratorConfig config, Map<String, Object> lift, double expected)
            throws Exception {
        List<Map<String, Object>> all = rows(url, "SELECT * FROM holdout_lift_cuped WHERE program_id = '"
                + config.programId() + "' AND segment = 'ALL'");
        assertEquals(1, all.size(), all.toString());
        Map<String, Object> cuped = all.get(0);
        System.err.println("holdout_lift_cuped " + cuped);
        double low = (double) cuped.get("lift_cuped_ci_low");
        double high = (double) cuped.get("lift_cuped_ci_high");
        assertEquals((double) lift.get("lift"), (double) cuped.get("lift"), 1e-9, "the unadjusted lift is holdout_lift's");
        assertTrue(low <= expected && expected <= high, "the CUPED interval covers the true lift " + expected + ": " + cuped);
        assertTrue(high - low < (double) lift.get("lift_ci_high") - (double) lift.get("lift_ci_low"),
                "narrower than holdout_lift's interval: " + cuped + " against " + lift);
        assertTrue(high - low < 2 * 1.959963984540054 * (double) cuped.get("lift_se"),
                "narrower than the unadjusted Wald interval: " + cuped);
        // this seed: 17 % of the variance (5,690 treated, 1,432 held out); a tenth is the floor
        assertTrue((double) cuped.get("variance_reduction") > 0.10, "the activity before treatment takes out variance: "
                + cuped);
    }

    /**
     * On the same run: each default segment holds only the lifecycle stages its name promises, the
     * shipped contracts (expect: in segments.yaml) hold, and no big spender of all time (lifetime
     * M 5) is in a suppressed segment, while those who went quiet fill Can't Lose Them.
     */
    private static void theDefaultMapMeansItsNames(String url) throws Exception {
        Map<String, java.util.Set<String>> promised = Map.ofEntries(
                Map.entry("Prospects", java.util.Set.of("prospect")),
                Map.entry("New", java.util.Set.of("new")),
                Map.entry("Reactivated", java.util.Set.of("reactivated")),
                Map.entry("Champions", java.util.Set.of("active")),
                Map.entry("Loyal", java.util.Set.of("active")),
                Map.entry("Potential Loyalist", java.util.Set.of("active")),
                Map.entry("Promising", java.util.Set.of("active")),
                Map.entry("Can't Lose Them", java.util.Set.of("lapsing", "lapsed")),
                Map.entry("At Risk", java.util.Set.of("lapsing")),
                Map.entry("Hibernating", java.util.Set.of("lapsed")),
                Map.entry("Lost", java.util.Set.of("lapsed")));
        for (Map<String, Object> row : rows(url, "SELECT DISTINCT segment, lifecycle_stage FROM segment_snapshot")) {
            String segment = (String) row.get("segment");
            assertTrue(promised.get(segment).contains((String) row.get("lifecycle_stage")),
                    segment + " holds a " + row.get("lifecycle_stage") + " customer");
        }
        assertEquals(0L, ((Number) rows(url, "SELECT COUNT(*) AS n FROM customer_segment s JOIN segment_config c"
                + " ON c.segment = s.segment WHERE c.suppress AND s.lifetime_m_score = 5").get(0).get("n")).longValue(),
                "no big spender of all time in a suppressed segment");
        long quiet = ((Number) rows(url, "SELECT COUNT(*) AS n FROM customer_segment WHERE segment = 'Can''t Lose Them'")
                .get(0).get("n")).longValue();
        assertTrue(quiet >= 100, "big spenders who went quiet fill the top priority: " + quiet);
        List<Map<String, Object>> criteria = rows(url, "SELECT segment, criteria FROM segment_summary"
                + " WHERE as_of = (SELECT MAX(as_of) FROM segment_summary)");
        assertTrue(criteria.size() >= 8 && criteria.stream().allMatch(r -> r.get("criteria") != null), criteria.toString());
        assertTrue(criteria.stream().anyMatch(r -> r.get("segment").equals("Champions")
                && ((String) r.get("criteria")).matches("F 4-5 \\(\\d+\\+ orders in 365 days\\), M 4-5 \\(over \\$[0-9,.]+"
                        + " in 365 days\\), lifecycle active")), "segment_summary reads the rule in orders and money: " + criteria);
        try (Warehouse w = Warehouse.openExisting(url)) {
            org.retentionsegments.warehouse.ContractQueries.Checked checked = org.retentionsegments.warehouse.ContractQueries
                    .current(w, org.retentionsegments.core.config.ConfigBundle.loadDefault().segments().contracts());
            assertTrue(checked.results().size() >= 7, checked.results().toString());
            assertEquals(0, checked.failed(), "the shipped contracts hold: " + checked.results());
        }
    }

    /** On the run of the planted lift (no second run): lead_scoring_validation and the snapshots by class. */
    private static void leadClassesFollowEngagementAndConversion(String url) throws Exception {
        List<Map<String, Object>> classes = rows(url, "SELECT lead_class, SUM(scored) AS scored,"
                + " CAST(SUM(converted) AS DOUBLE) / SUM(scored) AS rate FROM lead_scoring_validation"
                + " WHERE horizon_days = 30 GROUP BY lead_class");
        List<Map<String, Object>> engagement = rows(url, "SELECT lead_class, AVG(engagement_30d) AS e30,"
                + " COUNT(*) AS n FROM segment_snapshot WHERE lead_class IS NOT NULL GROUP BY lead_class");
        System.err.println("lead classes " + classes + " engagement " + engagement);
        List<String> order = List.of("cold", "warm", "hot", "sales_ready");
        double previousRate = -1;
        double previousEngagement = -1;
        int compared = 0;
        for (String c : order) {
            Map<String, Object> r = classes.stream().filter(m -> c.equals(m.get("lead_class"))).findFirst().orElse(null);
            Map<String, Object> e = engagement.stream().filter(m -> c.equals(m.get("lead_class"))).findFirst().orElse(null);
            if (r == null || ((Number) r.get("scored")).longValue() < 50) {
                continue; // too few trials to rank
            }
            double rate = ((Number) r.get("rate")).doubleValue();
            double e30 = ((Number) e.get("e30")).doubleValue();
            assertTrue(rate > previousRate, c + " converts more than the class below: " + classes);
            assertTrue(e30 > previousEngagement, c + " engaged more than the class below: " + engagement);
            previousRate = rate;
            previousEngagement = e30;
            compared++;
        }
        assertTrue(compared >= 2, "at least cold and warm have enough prospects to compare: " + classes);
        List<Map<String, Object>> known = rows(url, "SELECT COUNT(country) AS with_country, COUNT(*) AS customers"
                + " FROM customer_segment");
        long withCountry = ((Number) known.get(0).get("with_country")).longValue();
        long customers = ((Number) known.get(0).get("customers")).longValue();
        assertTrue(withCountry >= 0.9 * customers, "the customers input's country reaches customer_segment: " + known);
    }

    @Test
    void withoutAnEffectNoLiftIsFound() throws Exception {
        GeneratorConfig config = GeneratorConfig.of(CUSTOMERS / 2, 400, 43);
        GenerationSummary generated = RunFixtures.generate(config, dir);
        Map<String, Object> lift = liftOfAll(config, generated);

        assertEquals(0.0, generated.expectedLift());
        // One draw of a no-effect experiment falls outside its own 95 % interval one time in
        // twenty (this seed does: -2.7 pts, p 0.036), so "no spurious lift" is asserted at the
        // 99.9 % level: |lift| below 3.29 standard errors, the SE read off the reported interval.
        double low = (double) lift.get("lift_ci_low");
        double high = (double) lift.get("lift_ci_high");
        double se = (high - low) / (2 * 1.959963984540054);
        assertTrue(Math.abs((double) lift.get("lift")) < 3.2905 * se, lift.toString());
        assertTrue(high - low < 0.08, "the interval is narrow enough to mean something: " + lift);
    }

    private static final int CUSTOMERS = 20_000;

    /** Runs, applies the models, and reads the program's 'ALL' row of holdout_lift. */
    private String url;

    private Map<String, Object> liftOfAll(GeneratorConfig config, GenerationSummary generated) throws Exception {
        url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        RunFixtures.run(RunFixtures.generatedInputs(dir), url);
        try (Warehouse warehouse = Warehouse.open(url)) {
            Models.bundled().apply(warehouse);
        }
        List<Map<String, Object>> all = rows(url, "SELECT * FROM holdout_lift WHERE program_id = '"
                + config.programId() + "' AND segment = 'ALL'");
        assertEquals(1, all.size(), "one 'ALL' row for " + config.programId() + ": " + all);
        Map<String, Object> lift = all.get(0);
        System.err.println("holdout_lift " + lift);
        assertEquals(generated.treated(), ((Number) lift.get("treated_customers")).longValue(), "every treated entry measured");
        assertEquals(generated.holdout(), ((Number) lift.get("holdout_customers")).longValue(), "every holdout entry measured");
        assertEquals("delivered", lift.get("measured_as"), "the generated treatments input is a delivered campaign");
        return lift;
    }
}
