package org.retentionsegments.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.cli.Segments;
import org.retentionsegments.core.predict.BgNbd;
import org.retentionsegments.core.predict.BgNbdFit;
import org.retentionsegments.core.predict.GammaGammaFit;
import org.retentionsegments.core.predict.PurchaseHistory;
import org.retentionsegments.core.predict.SpendHistory;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.flink.SqlScripts;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * {@code ./segments predict} on real runs: the order days it reads from the warehouse, the fits it
 * writes and each customer's prediction must equal an independent computation from the input file.
 */
class PredictITCase {

    static final Path CDNOW = Path.of(System.getProperty("segments.cdnow", "../datasets/cdnow/CDNOW_master.txt"));

    @RegisterExtension
    static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @TempDir
    Path tmp;

    /**
     * 40 customers; customer i orders on (i % 5) + 1 days of 2024, day (11i + 17k) mod 200 for the
     * k-th, for 10 + i + 3k, and once more the same day for 5 (one order day, two orders).
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void predictsFromTheOrderDaysOfTheRun(Engine engine) throws Exception {
        List<String> lines = new ArrayList<>(List.of("order_id,customer_id,order_ts,amount"));
        List<PurchaseHistory> histories = new ArrayList<>();
        List<SpendHistory> spends = new ArrayList<>();
        LocalDate asOf = LocalDate.of(2024, 7, 20);
        for (int i = 0; i < 40; i++) {
            java.util.TreeMap<LocalDate, Double> days = new java.util.TreeMap<>();
            for (int k = 0; k <= i % 5; k++) {
                LocalDate day = LocalDate.of(2024, 1, 1).plusDays((11L * i + 17L * k) % 200);
                String customer = "c" + (i < 10 ? "0" : "") + i;
                lines.add("o" + i + "_" + k + "," + customer + "," + day + "T10:00:00Z," + (10 + i + 3 * k));
                lines.add("p" + i + "_" + k + "," + customer + "," + day + "T11:00:00Z,5");
                days.merge(day, 15.0 + i + 3 * k, Double::sum);
            }
            LocalDate first = days.firstKey();
            int x = days.size() - 1;
            histories.add(new PurchaseHistory(x, (days.lastKey().toEpochDay() - first.toEpochDay()) / 7.0,
                    (asOf.minusDays(1).toEpochDay() - first.toEpochDay()) / 7.0));
            if (x > 0) {
                double repeat = days.values().stream().mapToDouble(Double::doubleValue).sum() - days.firstEntry().getValue();
                spends.add(new SpendHistory(x, repeat / x));
            }
        }
        String url = WAREHOUSES.freshUrl(engine);
        RunInputs inputs = new RunInputs(Map.of(InputKind.ORDERS, RunFixtures.lines(tmp.resolve("orders.csv"),
                lines.toArray(String[]::new))), List.of());
        org.retentionsegments.flink.BoundedRun.run(new org.retentionsegments.flink.BoundedRun.Options(inputs, null, url,
                asOf), System.err);

        Captured c = RunFixtures.capture(() -> Segments.commandLine().execute("predict", "--warehouse", url,
                "--horizon-days", "91"));
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().contains("PREDICTED VALUE as of 2024-07-20"), c.out());

        BgNbdFit fit = BgNbdFit.fit(histories);
        GammaGammaFit spend = GammaGammaFit.fit(spends);
        // the run predicted at its kept refreshes; predict replaced those of 2024-07-20 (another horizon)
        Map<String, Object> row = RunFixtures.rows(url, "SELECT * FROM prediction_fit WHERE as_of = DATE '2024-07-20'")
                .get(0);
        assertEquals(91, ((Number) row.get("horizon_days")).intValue());
        assertEquals(40L, ((Number) row.get("customers")).longValue());
        assertEquals(fit.model().r(), ((Number) row.get("bgnbd_r")).doubleValue(), 1e-9);
        assertEquals(fit.model().b(), ((Number) row.get("bgnbd_b")).doubleValue(), 1e-9);
        assertEquals(fit.logLikelihood(), ((Number) row.get("bgnbd_log_likelihood")).doubleValue(), 1e-6);
        assertEquals((long) spends.size(), ((Number) row.get("spend_customers")).longValue());
        assertEquals(spend.model().q(), ((Number) row.get("spend_q")).doubleValue(), 1e-9);

        // customer c07: 3 order days (the 7 % 5 + 1), two orders each; age from the first to 2024-07-19
        Map<String, Object> c07 = RunFixtures.rows(url, "SELECT * FROM customer_prediction WHERE customer_id = 'c07'"
                + " AND as_of = DATE '2024-07-20'").get(0);
        PurchaseHistory h = histories.get(7);
        assertEquals(2, ((Number) c07.get("repeat_orders")).intValue());
        assertEquals(h.recency(), ((Number) c07.get("recency_units")).doubleValue(), 1e-12);
        assertEquals(h.age(), ((Number) c07.get("age_units")).doubleValue(), 1e-12);
        BgNbd m = fit.model();
        assertEquals(m.probabilityAlive(h), ((Number) c07.get("p_alive")).doubleValue(), 1e-9);
        double orders = m.expectedPurchases(h, 13);
        assertEquals(orders, ((Number) c07.get("expected_orders")).doubleValue(), 1e-9);
        double spendPerDay = spend.model().expectedSpend(2, (25.0 + 28.0) / 2);
        assertEquals(orders * spendPerDay, ((Number) c07.get("predicted_value")).doubleValue(), 1e-6);
        String latest = " WHERE as_of = DATE '2024-07-20'";
        assertEquals(40, RunFixtures.count(url, "SELECT COUNT(*) FROM customer_prediction" + latest));

        // the report shows it, by segment, once predictions exist
        Captured report = RunFixtures.capture(() -> Segments.commandLine().execute("report", "--warehouse", url));
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("PREDICTED VALUE"), report.out());
        assertTrue(report.out().contains("As of 2024-07-20, the 40 customers with orders are expected to order on"),
                report.out());

        Captured json = RunFixtures.capture(() -> Segments.commandLine().execute("report", "--json", "--warehouse", url));
        com.fasterxml.jackson.databind.JsonNode predicted = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out()).path("predicted_value");
        assertEquals("2024-07-20", predicted.path("as_of").asText());
        assertEquals(fit.model().r(), predicted.path("fit").path("bgnbd_r").asDouble(), 1e-9);
        assertEquals(40, java.util.stream.StreamSupport.stream(predicted.path("segments").spliterator(), false)
                .mapToLong(s -> s.path("customers").asLong()).sum());

        // again: the refresh's rows are replaced, not added to
        assertEquals(0, RunFixtures.capture(() -> Segments.commandLine().execute("predict", "--warehouse", url,
                "--horizon-days", "91")).exitCode());
        assertEquals(40, RunFixtures.count(url, "SELECT COUNT(*) FROM customer_prediction" + latest));
        assertEquals(1, RunFixtures.count(url, "SELECT COUNT(*) FROM prediction_fit" + latest));
    }

    /**
     * The CDNOW cohort at the end of the papers' 39-week calibration period: the fit from the
     * warehouse equals a fit on order days computed by DuckDB straight from the file.
     */
    @Test
    void theCdnowCalibrationFitEqualsOneFromTheFile() throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        RunFixtures.run(new RunInputs(Map.of(InputKind.ORDERS, CDNOW), List.of("cdnow")), url);
        Captured c = RunFixtures.capture(() -> Segments.commandLine().execute("predict", "--warehouse", url,
                "--as-of", "1997-10-01", "--horizon-days", "273"));
        assertEquals(0, c.exitCode(), c.err());

        RunFixtures.execute(url,
                "CREATE TABLE raw AS SELECT string_split_regex(trim(line), '\\s+') AS f FROM read_csv("
                        + SqlScripts.literal(CDNOW.toAbsolutePath().toString())
                        + ", delim = '|', header = false, skip = 1, columns = {'line': 'VARCHAR'})",
                "CREATE TABLE days AS SELECT f[1] AS customer_id, CAST(strptime(f[2], '%Y%m%d') AS DATE) AS day, "
                        + "SUM(CAST(f[4] AS DECIMAL(18, 2))) AS amount FROM raw GROUP BY 1, 2 "
                        + "HAVING SUM(CAST(f[4] AS DECIMAL(18, 2))) > 0",
                "CREATE TABLE hist AS SELECT customer_id, COUNT(*) - 1 AS x, "
                        + "date_diff('day', MIN(day), MAX(day)) / 7.0 AS t_x, "
                        + "date_diff('day', MIN(day), DATE '1997-09-30') / 7.0 AS age FROM days "
                        + "WHERE day < DATE '1997-10-01' GROUP BY 1");
        List<PurchaseHistory> histories = new ArrayList<>();
        for (Map<String, Object> r : RunFixtures.rows(url, "SELECT x, t_x, age FROM hist ORDER BY customer_id")) {
            histories.add(new PurchaseHistory(((Number) r.get("x")).intValue(), ((Number) r.get("t_x")).doubleValue(),
                    ((Number) r.get("age")).doubleValue()));
        }
        BgNbdFit fit = BgNbdFit.fit(histories);
        String calibration = " WHERE as_of = DATE '1997-10-01'";
        Map<String, Object> row = RunFixtures.rows(url, "SELECT * FROM prediction_fit" + calibration).get(0);
        assertEquals(histories.size(), ((Number) row.get("customers")).longValue());
        assertEquals(fit.model().r(), ((Number) row.get("bgnbd_r")).doubleValue(), 1e-6);
        assertEquals(fit.model().alpha(), ((Number) row.get("bgnbd_alpha")).doubleValue(), 1e-5);
        assertEquals(fit.model().a(), ((Number) row.get("bgnbd_a")).doubleValue(), 1e-6);
        assertEquals(fit.model().b(), ((Number) row.get("bgnbd_b")).doubleValue(), 1e-6);
        assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM customer_prediction p JOIN hist h USING (customer_id)"
                + " WHERE p.as_of = DATE '1997-10-01' AND (p.repeat_orders <> h.x OR abs(p.recency_units - h.t_x) > 1e-9"
                + " OR abs(p.age_units - h.age) > 1e-9)"));
        // measured: the cohort's order days in the 39 weeks after, against what the model expected
        double expected = ((Number) RunFixtures.rows(url, "SELECT SUM(expected_orders) AS e FROM customer_prediction"
                + calibration).get(0)
                .get("e")).doubleValue();
        long made = RunFixtures.count(url, "SELECT COUNT(*) FROM days WHERE day >= DATE '1997-10-01'"
                + " AND day < DATE '1997-10-01' + INTERVAL 273 DAY");
        assertEquals(made, expected, 0.16 * made, "expected " + expected + " order days, made " + made);
        assertTrue(RunFixtures.count(url, "SELECT COUNT(*) FROM customer_prediction WHERE p_alive < 0 OR p_alive > 1"
                + " OR expected_orders < 0 OR predicted_value < 0") == 0);
    }
}
