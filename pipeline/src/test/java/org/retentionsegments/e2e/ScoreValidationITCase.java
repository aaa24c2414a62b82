package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.fixtures.RunFixtures.rows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * score_validation_summary after a bounded run of the Online Retail fixture, on DuckDB and
 * PostgreSQL: for the latest snapshot whose 90-day horizon has passed, each score's AUC equals a
 * brute-force count over every pair of a retained and a not retained customer (ties 1/2), and its
 * Spearman correlation with later revenue equals commons-math3's (average ranks for ties), both
 * computed here from the rows of segment_snapshot and activity_daily; score_validation's rows of
 * each score add up to the same customers and retained.
 */
class ScoreValidationITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final int HORIZON = 90;
    private static final List<String> DIMENSIONS = List.of("recency", "frequency", "monetary", "composite");

    @TempDir Path dir;

    /** A customer scored at the snapshot, with what followed in the horizon. */
    private record Trial(double[] scores, boolean retained, double revenue) {}

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aucAndSpearmanEqualAnIndependentComputation(Engine engine) throws Exception {
        RunFixtures.RetailFile file = RunFixtures.onlineRetail(dir.resolve("Online Retail.csv"));
        String url = WAREHOUSES.freshUrl(engine);
        RunFixtures.run(new RunInputs(Map.of(InputKind.ORDERS, file.path()), List.of("online_retail")), url);

        List<Map<String, Object>> latest = rows(url, "SELECT CAST(MAX(as_of) AS VARCHAR) AS as_of "
                + "FROM score_validation_summary WHERE horizon_days = " + HORIZON);
        assertNotNull(latest.get(0).get("as_of"), "a snapshot whose 90-day horizon has passed");
        LocalDate asOf = LocalDate.parse((String) latest.get(0).get("as_of"));
        List<Trial> trials = trials(url, asOf);
        long retained = trials.stream().filter(Trial::retained).count();
        assertTrue(retained > 5 && retained < trials.size() - 5, "both outcomes occur: " + retained + " of " + trials.size());

        Map<String, Map<String, Object>> summary = new HashMap<>();
        for (Map<String, Object> row : rows(url, "SELECT * FROM score_validation_summary WHERE as_of = DATE '" + asOf
                + "' AND horizon_days = " + HORIZON)) {
            summary.put((String) row.get("dimension"), row);
        }
        assertEquals(DIMENSIONS.size(), summary.size(), summary::toString);
        for (int d = 0; d < DIMENSIONS.size(); d++) {
            String dimension = DIMENSIONS.get(d);
            Map<String, Object> row = summary.get(dimension);
            assertEquals(trials.size(), ((Number) row.get("customers")).longValue(), dimension);
            assertEquals(retained, ((Number) row.get("retained")).longValue(), dimension);
            assertEquals(pairwiseAuc(trials, d), ((Number) row.get("auc")).doubleValue(), 1e-12, dimension + " auc");
            assertEquals(spearman(trials, d), ((Number) row.get("spearman_revenue")).doubleValue(), 1e-12,
                    dimension + " spearman_revenue");

            List<Map<String, Object>> values = rows(url, "SELECT SUM(customers) AS customers, SUM(retained) AS retained"
                    + " FROM score_validation WHERE as_of = DATE '" + asOf + "' AND horizon_days = " + HORIZON
                    + " AND dimension = '" + dimension + "'");
            assertEquals(trials.size(), ((Number) values.get(0).get("customers")).longValue(), dimension);
            assertEquals(retained, ((Number) values.get(0).get("retained")).longValue(), dimension);
        }
        assertTrue(((Number) summary.get("recency").get("auc")).doubleValue() > 0.5,
                "recent buyers buy again more often: " + summary.get("recency"));
    }

    /** The customers with scores at the snapshot, and their orders in [asOf, asOf + 90 days), read apart from the models. */
    private static List<Trial> trials(String url, LocalDate asOf) throws Exception {
        Map<String, double[]> outcome = new HashMap<>();
        for (Map<String, Object> row : rows(url, "SELECT customer_id, SUM(orders) AS orders, SUM(revenue) AS revenue"
                + " FROM activity_daily WHERE activity_date >= DATE '" + asOf + "' AND activity_date < DATE '"
                + asOf.plusDays(HORIZON) + "' GROUP BY customer_id")) {
            outcome.put((String) row.get("customer_id"), new double[] {((Number) row.get("orders")).doubleValue(),
                    ((Number) row.get("revenue")).doubleValue()});
        }
        List<Trial> trials = new ArrayList<>();
        for (Map<String, Object> row : rows(url, "SELECT customer_id, r_score, f_score, m_score, composite_score"
                + " FROM segment_snapshot WHERE as_of = DATE '" + asOf + "' AND r_score IS NOT NULL")) {
            double[] o = outcome.getOrDefault((String) row.get("customer_id"), new double[] {0, 0});
            // the composite to 6 decimals, as the model ranks it: (4 + 5 + 3) / 3 and 4 tie
            double composite = Math.round(((Number) row.get("composite_score")).doubleValue() * 1e6) / 1e6;
            trials.add(new Trial(new double[] {((Number) row.get("r_score")).doubleValue(),
                    ((Number) row.get("f_score")).doubleValue(), ((Number) row.get("m_score")).doubleValue(), composite},
                    o[0] > 0, o[1]));
        }
        return trials;
    }

    /** P(a retained customer scores higher than a not retained one), ties 1/2, over every such pair. */
    private static double pairwiseAuc(List<Trial> trials, int d) {
        double wins = 0;
        long pairs = 0;
        for (Trial p : trials) {
            if (!p.retained()) {
                continue;
            }
            for (Trial q : trials) {
                if (q.retained()) {
                    continue;
                }
                pairs++;
                wins += p.scores()[d] > q.scores()[d] ? 1 : p.scores()[d] == q.scores()[d] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    private static double spearman(List<Trial> trials, int d) {
        double[] score = trials.stream().mapToDouble(t -> t.scores()[d]).toArray();
        double[] revenue = trials.stream().mapToDouble(Trial::revenue).toArray();
        return new SpearmansCorrelation(new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE))
                .correlation(score, revenue);
    }
}
