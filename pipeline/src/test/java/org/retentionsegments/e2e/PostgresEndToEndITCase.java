package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.fixtures.RunFixtures.map;
import static org.retentionsegments.fixtures.RunFixtures.rows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/** The same generated retailer run into DuckDB and into PostgreSQL gives the same segmentation. */
class PostgresEndToEndITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @TempDir Path dir;

    @Test
    void duckDbAndPostgresAgreeOnEveryCustomer() throws Exception {
        RunFixtures.generate(GeneratorConfig.of(3_000, 400, 7), dir);
        String postgres = WAREHOUSES.freshUrl(Engine.POSTGRES);
        String duckdb = WAREHOUSES.freshUrl(Engine.DUCKDB);

        BoundedRun.Result onDuckDb = RunFixtures.run(RunFixtures.generatedInputs(dir), duckdb);
        BoundedRun.Result onPostgres = RunFixtures.run(RunFixtures.generatedInputs(dir), postgres);

        assertEquals(onDuckDb.asOf(), onPostgres.asOf());
        assertEquals(onDuckDb.customers(), onPostgres.customers());
        assertTrue(onDuckDb.customers() > 2_500, "customers segmented: " + onDuckDb.customers());

        String bySegment = "SELECT segment, COUNT(*) FROM customer_segment GROUP BY segment";
        Map<String, Object> segments = map(duckdb, bySegment);
        assertEquals(segments, map(postgres, bySegment));
        assertTrue(segments.size() >= 8, "the customers spread over the segments: " + segments);

        Map<String, List<Object>> customers = customers(duckdb);
        assertEquals(onDuckDb.customers(), customers.size());
        assertEquals(customers, customers(postgres), "R/F/M, scores, segment and arm per customer");

        String activity = "SELECT 'activity_daily', COUNT(*) FROM activity_daily UNION ALL "
                + "SELECT 'segment_snapshot', COUNT(*) FROM segment_snapshot UNION ALL "
                + "SELECT 'treatment', COUNT(*) FROM treatment UNION ALL "
                + "SELECT 'score_boundary', COUNT(*) FROM score_boundary";
        assertEquals(map(duckdb, activity), map(postgres, activity));
    }

    /** customer_id -> recency, frequency, monetary, rfm_cell, segment, arm (sorted in Java: collations differ). */
    private static Map<String, List<Object>> customers(String url) throws Exception {
        Map<String, List<Object>> out = new TreeMap<>();
        for (Map<String, Object> row : rows(url, "SELECT customer_id, recency_days, frequency, monetary, rfm_cell, "
                + "segment, arm FROM customer_segment")) {
            List<Object> values = new ArrayList<>(row.values());
            out.put((String) values.remove(0), values);
        }
        return out;
    }
}
