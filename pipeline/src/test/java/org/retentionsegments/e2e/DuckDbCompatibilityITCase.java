package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.fixtures.DuckDbOneClient;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * A DuckDB file the pipeline writes (DuckDB 2) opens in a DuckDB 1.x client (the driver of
 * {@code duckdb.compat.version} in pom.xml), which reads every table and every model view, and
 * the comments.
 */
class DuckDbCompatibilityITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    /** Every table and view of the warehouse's schema, as the pipeline's own DuckDB lists them. */
    private static final String RELATIONS = "SELECT table_name FROM information_schema.tables"
            + " WHERE table_catalog = current_database() AND table_schema = current_schema() ORDER BY table_name";

    @TempDir
    Path tmp;

    @Test
    void aDuckDbOneClientReadsEveryTableAndViewOfARun() throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        Path file = Path.of(url.substring("jdbc:duckdb:".length()));
        Captured run = RunFixtures.cli("run", "--orders", orders().toString(), "--warehouse", url);
        assertEquals(0, run.exitCode(), run.err());
        Captured models = RunFixtures.cli("models", "apply", "--warehouse", url);
        assertEquals(0, models.exitCode(), models.err());
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, Object> relation : RunFixtures.rows(url, RELATIONS)) {
            String name = (String) relation.get("table_name");
            counts.put(name, RunFixtures.count(url, "SELECT count(*) FROM \"" + name + "\""));
        }
        assertEquals(12L, counts.get("customer_segment"), counts.toString());
        assertTrue(counts.get("segment_summary") > 0, counts.toString());

        try (DuckDbOneClient old = DuckDbOneClient.load()) {
            String version = (String) old.rows(file, "SELECT version() AS v").get(0).get("v");
            assertTrue(version.startsWith("v1."), version);
            Map<String, Long> oldCounts = new TreeMap<>();
            for (String name : counts.keySet()) {
                Object count = old.rows(file, "SELECT count(*) AS n FROM \"" + name + "\"").get(0).get("n");
                oldCounts.put(name, ((Number) count).longValue());
            }
            assertEquals(counts, oldCounts, "DuckDB " + version + " reads every table and view alike");
            assertEquals(List.of(Map.of("customer_id", "c00")),
                    old.rows(file, "SELECT customer_id FROM customer_segment ORDER BY customer_id LIMIT 1"));
            String comment = (String) old.rows(file, "SELECT comment FROM duckdb_views()"
                    + " WHERE view_name = 'segment_summary'").get(0).get("comment");
            assertTrue(comment.startsWith("grain: one row per as_of and segment"), "its comments too: " + comment);
        }
    }

    /** 12 customers; customer i has i % 4 + 1 orders, on days 2024-01-01 + (7i + 13k) mod 60. */
    private Path orders() throws Exception {
        List<String> lines = new ArrayList<>(List.of("order_id,customer_id,order_ts,amount"));
        for (int i = 0; i < 12; i++) {
            for (int k = 0; k <= i % 4; k++) {
                LocalDate day = LocalDate.of(2024, 1, 1).plusDays((7 * i + 13 * k) % 60);
                lines.add("o" + i + "_" + k + ",c" + (i < 10 ? "0" : "") + i + "," + day + "T10:00:00Z,"
                        + (10 + 7 * i + 3 * k) + ".50");
            }
        }
        return RunFixtures.lines(tmp.resolve("orders.csv"), lines.toArray(String[]::new));
    }

}
