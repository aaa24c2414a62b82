package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.cli.Segments;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.config.SegmentRules;
import org.retentionsegments.core.config.Strategies;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * The whole clustering round trip, as seed 002 and issue 9 describe it: a run with the rules, a
 * model trained on its last refresh, then a run of the same inputs with {@code segmentation:
 * clusters} (the shipped config/clusters and that model), which must put every customer in the
 * cluster the training put them in, with the clusters' strategies.
 */
class ClusterModeITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @TempDir Path dir;

    @Test
    void aRunInClustersModePlacesEveryCustomerWhereTheTrainingDid() throws Exception {
        RunFixtures.generate(GeneratorConfig.of(1_500, 400, 7), dir.resolve("data"));
        RunInputs inputs = RunFixtures.generatedInputs(dir.resolve("data"));
        String rules = WAREHOUSES.freshUrl(Engine.DUCKDB);
        BoundedRun.Result first = RunFixtures.run(inputs, rules);

        Path config = Files.createDirectories(dir.resolve("config"));
        for (String file : List.of(PipelineConfig.FILE, SegmentRules.FILE, Strategies.FILE)) {
            Files.writeString(config.resolve(file), ConfigBundle.classpath("clusters/" + file));
        }
        Path modelFile = config.resolve("cluster-model.json");
        Captured trained = RunFixtures.capture(() -> Segments.commandLine().execute("cluster", "--warehouse", rules,
                "--k-range", "2-6", "--out", modelFile.toString()));
        assertEquals(0, trained.exitCode(), trained.err());
        ClusterModel model = ClusterModel.fromJson(Files.readString(modelFile));
        assertEquals(first.asOf().toString(), model.asOf());

        String clusters = WAREHOUSES.freshUrl(Engine.DUCKDB);
        BoundedRun.Result second = BoundedRun.run(new BoundedRun.Options(inputs, config, clusters, null), System.err);
        assertEquals(first.asOf(), second.asOf());

        String last = "DATE '" + first.asOf() + "'";
        Map<String, String> training = labels(rules, "SELECT customer_id, cluster || ' ' || label FROM cluster_assignment"
                + " WHERE model_version = '" + model.version() + "' AND as_of = " + last);
        Map<String, String> refreshed = labels(clusters, "SELECT customer_id, cluster || ' ' || label FROM"
                + " cluster_assignment WHERE model_version = '" + model.version() + "' AND as_of = " + last);
        assertEquals(model.inputRows(), training.size());
        assertEquals(training, refreshed, "the run's last refresh puts every customer where the training did");

        // the segment of every customer with an order is its cluster's; the others are prospects
        assertEquals(0, RunFixtures.count(clusters, "SELECT COUNT(*) FROM customer_segment s JOIN cluster_assignment a"
                + " ON a.customer_id = s.customer_id AND a.as_of = s.as_of WHERE s.segment <> a.label"));
        assertEquals(training.size(), RunFixtures.count(clusters, "SELECT COUNT(*) FROM customer_segment WHERE"
                + " recency_days IS NOT NULL"));
        assertEquals(0, RunFixtures.count(clusters, "SELECT COUNT(*) FROM customer_segment WHERE recency_days IS NULL"
                + " AND segment <> 'Prospects'"));
        // every kept refresh has a cluster row for each of its customers with an order
        assertEquals(0, RunFixtures.count(clusters, "SELECT COUNT(*) FROM (SELECT as_of, COUNT(*) AS n FROM"
                + " segment_snapshot WHERE recency_days IS NOT NULL GROUP BY as_of) s LEFT JOIN (SELECT as_of, COUNT(*)"
                + " AS n FROM cluster_assignment GROUP BY as_of) a ON a.as_of = s.as_of WHERE a.n IS NULL OR a.n <> s.n"));
        assertTrue(RunFixtures.count(clusters, "SELECT COUNT(DISTINCT as_of) FROM cluster_assignment") > 5);
        // the clusters' strategies act: transitions into cluster segments, always-on treatments
        assertTrue(RunFixtures.count(clusters, "SELECT COUNT(*) FROM segment_transition WHERE to_segment IN ('Reward',"
                + " 'Retain', 'Nurture', 'Re-Engage')") > 0);
        assertTrue(RunFixtures.count(clusters, "SELECT COUNT(*) FROM customer_segment WHERE strategy ="
                + " 'protect_and_reward'") > 0);
        assertTrue(RunFixtures.count(clusters, "SELECT COUNT(*) FROM treatment WHERE source = 'always_on' AND segment"
                + " IN ('Reward', 'Retain', 'Nurture', 'Re-Engage', 'PAMPER', 'UPSELL', 'DELIGHT')") > 0);

        Captured report = RunFixtures.capture(() -> Segments.commandLine().execute("report", "--warehouse", clusters,
                "--config", config.toString()));
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("K-Means clusters of log recency, frequency and monetary (model "
                + model.version()), report.out());
        assertTrue(report.out().contains("Criteria: cluster Reward"), report.out());
        // a persona card per cluster segment, with the persona of config/clusters/segments.yaml
        assertTrue(report.out().contains("PERSONA: Reward   ["), report.out());
        assertTrue(report.out().contains("    Value Prop:     A time-limited offer to welcome you back\n"), report.out());

        // explain reads the customer's cluster and judges the cluster rules with it, as the refresh did
        for (Map<String, Object> row : RunFixtures.rows(clusters, "SELECT customer_id, segment FROM customer_segment"
                + " WHERE recency_days IS NOT NULL ORDER BY customer_id LIMIT 3")) {
            Captured explain = RunFixtures.capture(() -> Segments.commandLine().execute("explain", "--customer",
                    (String) row.get("customer_id"), "--json", "--config", config.toString(), "--warehouse", clusters));
            assertEquals(0, explain.exitCode(), explain.err());
            JsonNode json = new ObjectMapper().readTree(explain.out());
            assertEquals(row.get("segment"), json.get("segment").asText());
            assertTrue(json.get("config_agrees").asBoolean(), explain.out());
            assertEquals(row.get("segment"), json.get("cluster").get("label").asText(), explain.out());
            assertEquals(model.version(), json.get("cluster").get("model_version").asText());
        }
    }

    private static Map<String, String> labels(String url, String query) throws Exception {
        Map<String, String> out = new TreeMap<>();
        RunFixtures.map(url, query).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
