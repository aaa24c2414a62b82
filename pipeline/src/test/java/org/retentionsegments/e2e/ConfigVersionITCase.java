package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.ConfigTexts;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * Provenance after a bounded run of the Online Retail fixture, on DuckDB and PostgreSQL: every
 * row that depends on the configuration carries the digest of the configuration the run was
 * given, config_version keeps that configuration's texts once, and a second run with the same
 * configuration leaves config_version as it was (first_seen_at included).
 */
class ConfigVersionITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final List<String> STAMPED = List.of("customer_segment", "segment_snapshot", "segment_transition",
            "score_boundary", "refresh_run", "segment_config", "purchase_cycle", "segment_criteria");

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyConfiguredRowNamesTheConfigurationWhoseTextsAreKeptOnce(Engine engine) throws Exception {
        RunFixtures.RetailFile file = RunFixtures.onlineRetail(dir.resolve("Online Retail.csv"));
        String url = WAREHOUSES.freshUrl(engine);
        RunInputs inputs = new RunInputs(Map.of(InputKind.ORDERS, file.path()), List.of("online_retail"));
        RunFixtures.run(inputs, url);
        ConfigTexts config = BoundedRun.configTexts(null);
        String version = config.version();
        for (String table : STAMPED) {
            assertTrue(RunFixtures.count(url, "SELECT COUNT(*) FROM " + table) > 0, table + " has rows");
            assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM " + table
                    + " WHERE config_version IS NULL OR config_version <> '" + version + "'"), table);
        }
        assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM treatment WHERE config_version <> '" + version + "'"));
        List<Map<String, Object>> kept = RunFixtures.rows(url, "SELECT config_version, pipeline_yaml, segments_yaml,"
                + " strategies_yaml, lead_scoring_yaml, cluster_model_json, CAST(first_seen_at AS VARCHAR) AS first_seen"
                + " FROM config_version");
        assertEquals(1, kept.size(), kept::toString);
        assertEquals(version, kept.get(0).get("config_version"));
        assertEquals(config.pipeline(), kept.get(0).get("pipeline_yaml"));
        assertEquals(config.segments(), kept.get(0).get("segments_yaml"));
        assertEquals(config.strategies(), kept.get(0).get("strategies_yaml"));
        assertEquals(config.leadScoring(), kept.get(0).get("lead_scoring_yaml"));
        assertEquals(null, kept.get(0).get("cluster_model_json"));

        RunFixtures.run(inputs, url);
        assertEquals(kept, RunFixtures.rows(url, "SELECT config_version, pipeline_yaml, segments_yaml,"
                + " strategies_yaml, lead_scoring_yaml, cluster_model_json, CAST(first_seen_at AS VARCHAR) AS first_seen"
                + " FROM config_version"), "a second run with the same configuration leaves config_version as it was");
    }
}
