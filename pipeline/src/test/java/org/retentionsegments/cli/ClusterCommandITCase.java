package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.fixtures.ClusterWarehouses;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;

/** {@code ./segments cluster} on a warehouse of each engine holding two kept refreshes. */
class ClusterCommandITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    static final LocalDate EARLIER = ClusterWarehouses.EARLIER;
    static final LocalDate LATEST = ClusterWarehouses.LATEST;

    @TempDir Path dir;

    /** The fixture's two kept refreshes of 605 customers with an order and 50 prospects ({@link ClusterWarehouses}). */
    static String warehouseWithSnapshots(Engine engine) throws Exception {
        return ClusterWarehouses.withSnapshots(WAREHOUSES, engine);
    }

    @Test
    void trainsOnTheLatestRefreshWritesTheModelEverywhereAndGivesTheSameModelOnBothEngines() throws Exception {
        String version = null;
        for (Engine engine : Engine.values()) {
            String url = warehouseWithSnapshots(engine);
            Path file = dir.resolve(engine + "/model.json");
            Captured run = RunFixtures.capture(() -> Segments.commandLine().execute("cluster", "--warehouse", url,
                    "--k-range", "2-5", "--out", file.toString()));
            assertEquals(0, run.exitCode(), run.err());
            ClusterModel model = ClusterModel.fromJson(Files.readString(file));
            assertEquals(LATEST.toString(), model.asOf());
            assertEquals(605, model.inputRows(), "the prospects without an order are not clustered");
            assertEquals(Map.of("PAMPER", 5L, "UPSELL", 0L, "DELIGHT", 0L), model.outliers().counts());
            assertEquals(3, model.k());
            assertTrue(run.out().contains("<- chosen"), run.out());
            assertTrue(run.out().contains("Reward") && run.out().contains("Re-Engage") && run.out().contains("Nurture"),
                    run.out());
            if (version != null) {
                assertEquals(version, model.version(), "the same customers give the same model on " + engine);
            }
            version = model.version();

            assertEquals(model.json(), RunFixtures.rows(url, "SELECT model_json FROM cluster_model").get(0)
                    .get("model_json"));
            assertEquals(1, RunFixtures.count(url, "SELECT COUNT(*) FROM cluster_model WHERE k = 3 AND input_rows = 605"
                    + " AND clustered_rows = 600 AND outlier_rows = 5 AND as_of = DATE '2025-01-01'"));
            assertEquals(4, RunFixtures.count(url, "SELECT COUNT(*) FROM cluster_diagnostics WHERE model_version = '"
                    + version + "' AND fit_customers = 600 AND silhouette_customers = 600"));
            assertEquals(3, RunFixtures.count(url, "SELECT k FROM cluster_diagnostics WHERE chosen"));
            assertEquals(605, RunFixtures.count(url, "SELECT COUNT(*) FROM cluster_assignment WHERE as_of = DATE"
                    + " '2025-01-01' AND (cluster >= 0 AND distance IS NOT NULL OR cluster = -1 AND distance IS NULL)"));
            assertEquals(Map.of("-1", 5L, "0", 200L, "1", 200L, "2", 200L), counts(RunFixtures.map(url,
                    "SELECT CAST(cluster AS VARCHAR(4)), customers FROM cluster_profile")));
            assertEquals(1.0, ((Number) RunFixtures.rows(url, "SELECT SUM(customer_share) AS s FROM cluster_profile")
                    .get(0).get("s")).doubleValue(), 1e-9);
            assertEquals(200, RunFixtures.count(url, "SELECT COUNT(*) FROM cluster_assignment a JOIN cluster_profile p"
                    + " ON p.cluster = a.cluster WHERE a.customer_id LIKE 'top%' AND p.label = 'Reward'"));

            // training again on the same refresh changes nothing
            Captured again = RunFixtures.capture(() -> Segments.commandLine().execute("cluster", "--warehouse", url,
                    "--k-range", "2-5", "--out", file.toString()));
            assertEquals(0, again.exitCode(), again.err());
            assertEquals(1, RunFixtures.count(url, "SELECT COUNT(*) FROM cluster_model"));
            assertEquals(605, RunFixtures.count(url, "SELECT COUNT(*) FROM cluster_assignment"));

            // an earlier refresh with a given k is another model beside it, here with its charts
            Path plots = dir.resolve(engine + "/plots");
            Captured earlier = RunFixtures.capture(() -> Segments.commandLine().execute("cluster", "--warehouse", url,
                    "--as-of", EARLIER.toString(), "--k", "4", "--out", file.toString(), "--plots", plots.toString()));
            assertEquals(0, earlier.exitCode(), earlier.err());
            Path page = plots.resolve("clusters.html");
            assertTrue(earlier.err().contains("diagnostic charts written to " + page), earlier.err());
            String html = Files.readString(page);
            assertTrue(html.length() > 500_000 && html.contains("<div class=\"chart\" id=\"pca\">")
                    && html.contains("model " + ClusterModel.fromJson(Files.readString(file)).version()), "the page");
            assertEquals(2, RunFixtures.count(url, "SELECT COUNT(*) FROM cluster_model"));
            assertEquals(1, RunFixtures.count(url, "SELECT COUNT(*) FROM cluster_model WHERE k = 4 AND as_of = DATE"
                    + " '2024-12-01' AND chosen_by = 'given (--k)'"));
        }
    }

    private static Map<String, Long> counts(Map<String, Object> rows) {
        Map<String, Long> out = new java.util.TreeMap<>();
        rows.forEach((k, v) -> out.put(k.strip(), ((Number) v).longValue()));
        return out;
    }

    @Test
    void saysWhatToDoWhenThereIsNothingToCluster() throws Exception {
        String empty = WAREHOUSES.freshUrl(Engine.DUCKDB);
        try (Warehouse w = Warehouse.open(empty)) {
            // migrated, no refresh
        }
        Captured none = RunFixtures.capture(() -> Segments.commandLine().execute("cluster", "--warehouse", empty,
                "--out", dir.resolve("m.json").toString()));
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("has no refresh kept as a snapshot: run `./segments run` first"), none.err());

        String url = warehouseWithSnapshots(Engine.DUCKDB);
        Captured missing = RunFixtures.capture(() -> Segments.commandLine().execute("cluster", "--warehouse", url,
                "--as-of", "2024-12-15", "--out", dir.resolve("m.json").toString()));
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no refresh was kept as a snapshot on 2024-12-15; the latest are [2025-01-01,"
                + " 2024-12-01]"), missing.err());
        Captured badRange = RunFixtures.capture(() -> Segments.commandLine().execute("cluster", "--warehouse", url,
                "--k-range", "5", "--out", dir.resolve("m.json").toString()));
        assertEquals(1, badRange.exitCode());
        assertTrue(badRange.err().contains("--k-range takes FROM-TO, e.g. 2-10, not '5'"), badRange.err());
        Captured both = RunFixtures.capture(() -> Segments.commandLine().execute("cluster", "--warehouse", url,
                "--k", "3", "--k-range", "2-4"));
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        assertTrue(!Files.exists(dir.resolve("m.json")), "nothing written on an error");
    }
}
