package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * The real CDNOW master file through the shipped adapter: every customer's R/F/M must equal a
 * direct DuckDB SQL computation of the documented semantics on the same file.
 */
class CdnowITCase {

    /** The copy in the repository (datasets/cdnow); the build passes its absolute path. */
    static final Path CDNOW = Path.of(System.getProperty("segments.cdnow", "../datasets/cdnow/CDNOW_master.txt"));

    @RegisterExtension
    static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @Test
    void rfmEqualsDirectSqlOnTheRealFile() throws Exception {
        assertTrue(Files.isRegularFile(CDNOW), "the CDNOW data set is missing at " + CDNOW.toAbsolutePath()
                + ": it is part of the repository (datasets/cdnow/CDNOW_master.txt); the pom sets -Dsegments.cdnow");
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        BoundedRun.Result result = RunFixtures.run(new RunInputs(Map.of(InputKind.ORDERS, CDNOW), List.of("cdnow")), url);

        assertEquals(LocalDate.of(1998, 7, 1), result.asOf());
        InputCounts orders = result.counts().get("orders");
        assertEquals(69_659, orders.read());
        assertEquals(69_659, orders.accepted() + orders.rejected() + orders.duplicates());
        assertEquals(0, orders.rejected());
        assertEquals(23_570, result.customers());

        // the path reaches SQL as a quoted literal
        RunFixtures.execute(url,
                "CREATE TABLE raw AS SELECT string_split_regex(trim(line), '\\s+') AS f FROM read_csv("
                        + SqlScripts.literal(CDNOW.toAbsolutePath().toString())
                        + ", delim = '|', header = false, skip = 1, columns = {'line': 'VARCHAR'})",
                "CREATE TABLE orders AS SELECT f[1] AS customer_id, strptime(f[2], '%Y%m%d') AS ts, "
                        + "SUM(CAST(f[4] AS DECIMAL(18, 2))) AS amount FROM raw GROUP BY 1, 2",
                "CREATE TABLE expected AS SELECT customer_id, "
                        + "date_diff('day', MAX(ts) FILTER (WHERE amount > 0), TIMESTAMP '1998-07-01') AS recency_days, "
                        + "COUNT(*) FILTER (WHERE amount > 0 AND ts > TIMESTAMP '1998-07-01' - INTERVAL 365 DAY "
                        + "  AND ts < TIMESTAMP '1998-07-01') AS frequency, "
                        + "GREATEST(0, COALESCE(SUM(amount) FILTER (WHERE ts > TIMESTAMP '1998-07-01' - INTERVAL 365 DAY "
                        + "  AND ts < TIMESTAMP '1998-07-01'), 0)) AS monetary FROM orders GROUP BY 1");
        assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM expected e FULL JOIN customer_segment a "
                + "USING (customer_id) WHERE a.customer_id IS NULL OR e.customer_id IS NULL "
                + "OR a.recency_days IS DISTINCT FROM e.recency_days OR a.frequency <> e.frequency "
                + "OR abs(a.monetary - e.monetary) > 0.005"), "customers whose R/F/M differ from the direct SQL");
        assertEquals(23_570, RunFixtures.count(url, "SELECT COUNT(*) FROM customer_segment"));
        assertTrue(RunFixtures.count(url, "SELECT COUNT(DISTINCT segment) FROM customer_segment") >= 8,
                "the customers spread over the segments");
    }
}
