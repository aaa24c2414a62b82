package org.retentionsegments.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * A bounded run writes the predictions itself, after its segments: one prediction_fit row per kept
 * refresh (segment_snapshot's as_of) at which someone had a repeat order, and a customer_prediction
 * row for every customer who ordered before it. Started again, on a warehouse whose last
 * prediction was cut short (as a killed run leaves it), a run leaves the rows of one clean run;
 * {@code predictions: latest} predicts the last refresh only, {@code off} none.
 */
class KeptPredictionsITCase {

    @RegisterExtension
    static final TestWarehouses WAREHOUSES = new TestWarehouses();

    static final LocalDate AS_OF = LocalDate.of(2024, 7, 20);

    static final String PREDICTIONS = "SELECT as_of, customer_id, repeat_orders, recency_units, age_units, p_alive,"
            + " expected_orders, expected_spend, predicted_value FROM customer_prediction ORDER BY as_of, customer_id";

    static final String FITS = "SELECT as_of, unit_days, horizon_days, customers, bgnbd_r, bgnbd_alpha, bgnbd_a, bgnbd_b,"
            + " bgnbd_log_likelihood, spend_customers, spend_p, spend_q, spend_gamma_scale, fitted_on"
            + " FROM prediction_fit ORDER BY as_of";

    @TempDir
    Path tmp;

    /** 40 customers; customer i orders on (i % 5) + 1 days of 2024, day (11i + 17k) mod 200 for the k-th. */
    private RunInputs orders() throws Exception {
        List<String> lines = new ArrayList<>(List.of("order_id,customer_id,order_ts,amount"));
        for (int i = 0; i < 40; i++) {
            for (int k = 0; k <= i % 5; k++) {
                LocalDate day = LocalDate.of(2024, 1, 1).plusDays((11L * i + 17L * k) % 200);
                lines.add("o" + i + "_" + k + ",c" + (i < 10 ? "0" : "") + i + "," + day + "T10:00:00Z," + (10 + i + 3 * k));
            }
        }
        return new RunInputs(Map.of(InputKind.ORDERS, RunFixtures.lines(tmp.resolve("orders.csv"),
                lines.toArray(String[]::new))), List.of());
    }

    private static void run(RunInputs inputs, Path config, String url) throws Exception {
        BoundedRun.run(new BoundedRun.Options(inputs, config, url, AS_OF), System.err);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRunPredictsAtEveryKeptRefresh(Engine engine) throws Exception {
        RunInputs inputs = orders();
        String url = WAREHOUSES.freshUrl(engine);
        run(inputs, null, url);

        List<Map<String, Object>> kept = RunFixtures.rows(url, "SELECT DISTINCT as_of FROM segment_snapshot ORDER BY as_of");
        assertTrue(kept.size() >= 7, "kept refreshes: " + kept);
        int predicted = 0;
        for (Map<String, Object> k : kept) {
            String at = String.valueOf(k.get("as_of"));
            long ordered = RunFixtures.count(url, "SELECT COUNT(DISTINCT customer_id) FROM activity_daily"
                    + " WHERE orders > 0 AND activity_date < DATE '" + at + "'");
            long repeaters = RunFixtures.count(url, "SELECT COUNT(*) FROM (SELECT customer_id FROM activity_daily"
                    + " WHERE orders > 0 AND activity_date < DATE '" + at + "' GROUP BY customer_id"
                    + " HAVING COUNT(*) > 1) r");
            long fits = RunFixtures.count(url, "SELECT COUNT(*) FROM prediction_fit WHERE as_of = DATE '" + at + "'");
            assertEquals(repeaters > 0 ? 1 : 0, fits, "prediction_fit at " + at);
            if (repeaters > 0) {
                predicted++;
                assertEquals(ordered, RunFixtures.count(url, "SELECT COUNT(*) FROM customer_prediction"
                        + " WHERE as_of = DATE '" + at + "'"), "customers predicted at " + at);
                assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM activity_daily a WHERE a.orders > 0"
                        + " AND a.activity_date < DATE '" + at + "' AND NOT EXISTS (SELECT 1 FROM customer_prediction p"
                        + " WHERE p.as_of = DATE '" + at + "' AND p.customer_id = a.customer_id)"), "everyone who ordered");
            }
        }
        assertTrue(predicted >= 6, predicted + " of " + kept.size() + " kept refreshes predicted");
        assertEquals(predicted, RunFixtures.count(url, "SELECT COUNT(*) FROM prediction_fit"), "no other refresh");
        assertEquals(predicted, RunFixtures.count(url, "SELECT COUNT(*) FROM prediction_fit WHERE fitted_on = 'all'"
                + " AND unit_days = 7 AND horizon_days = 365"));
        assertEquals(40, RunFixtures.count(url, "SELECT COUNT(*) FROM customer_prediction WHERE as_of = DATE '" + AS_OF
                + "'"), "the last refresh, always kept");
        // the models over them: the validation has a row per prediction whose horizon has passed (none yet here)
        // and the segments' predicted value one per predicted refresh
        assertEquals(predicted, RunFixtures.count(url, "SELECT COUNT(DISTINCT as_of) FROM segment_predicted_value"));

        List<Map<String, Object>> clean = RunFixtures.rows(url, PREDICTIONS);
        List<Map<String, Object>> cleanFits = RunFixtures.rows(url, FITS);

        // a run killed while writing the last refresh's predictions: some rows, no fit row
        RunFixtures.execute(url, "DELETE FROM prediction_fit WHERE as_of = DATE '" + AS_OF + "'",
                "DELETE FROM customer_prediction WHERE as_of = DATE '" + AS_OF + "' AND customer_id > 'c20'");
        run(inputs, null, url);
        assertEquals(clean, RunFixtures.rows(url, PREDICTIONS), "the predictions of one clean run");
        assertEquals(cleanFits, RunFixtures.rows(url, FITS));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void pipelineYamlTurnsThemDown(Engine engine) throws Exception {
        RunInputs inputs = orders();
        Path latest = Files.createDirectories(tmp.resolve("latest"));
        Files.writeString(latest.resolve("pipeline.yaml"), "predictions: latest\n");
        String url = WAREHOUSES.freshUrl(engine);
        run(inputs, latest, url);
        assertEquals(List.of(AS_OF.toString()), RunFixtures.rows(url, "SELECT as_of FROM prediction_fit").stream()
                .map(r -> String.valueOf(r.get("as_of"))).toList());
        assertEquals(40, RunFixtures.count(url, "SELECT COUNT(*) FROM customer_prediction"));

        Path off = Files.createDirectories(tmp.resolve("off"));
        Files.writeString(off.resolve("pipeline.yaml"), "predictions: off\n");
        String none = WAREHOUSES.freshUrl(engine);
        run(inputs, off, none);
        assertEquals(0, RunFixtures.count(none, "SELECT COUNT(*) FROM prediction_fit"));
        assertEquals(0, RunFixtures.count(none, "SELECT COUNT(*) FROM customer_prediction"));

        // what a continuous job's warehouse gets from a scheduled `predict --kept`: every kept refresh
        // predicted as a run predicts it, whatever was there before; a second call adds nothing
        for (String w : List.of(url, none)) {
            RunFixtures.Captured predict = RunFixtures.cli("predict", "--kept", "--warehouse", w);
            assertEquals(0, predict.exitCode(), predict.err());
        }
        assertTrue(RunFixtures.count(none, "SELECT COUNT(*) FROM prediction_fit") >= 6);
        assertEquals(RunFixtures.rows(url, FITS), RunFixtures.rows(none, FITS));
        assertEquals(RunFixtures.rows(url, PREDICTIONS), RunFixtures.rows(none, PREDICTIONS));
        RunFixtures.Captured again = RunFixtures.cli("predict", "--kept", "--warehouse", none);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("predicted 0 kept refreshes (every kept refresh has a prediction already)"),
                again.out());
        RunFixtures.Captured both = RunFixtures.cli("predict", "--kept", "--as-of", "2024-07-01", "--warehouse", none);
        assertTrue(both.exitCode() != 0 && both.err().contains("leave out --as-of"), both.err());
    }
}
