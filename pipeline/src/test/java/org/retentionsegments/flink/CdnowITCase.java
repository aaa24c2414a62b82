package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.input.InputKind;

/**
 * The real CDNOW master file through the shipped adapter: every customer's R/F/M must equal a
 * direct DuckDB SQL computation of the documented semantics on the same file.
 */
class CdnowITCase {

    /** The copy in the repository (datasets/cdnow); the build passes its absolute path. */
    static final Path CDNOW = Path.of(System.getProperty("segments.cdnow", "../datasets/cdnow/CDNOW_master.txt"));

    @TempDir Path dir;

    @Test
    void rfmEqualsDirectSqlOnTheRealFile() throws Exception {
        assertTrue(Files.isRegularFile(CDNOW), "the CDNOW data set is missing at " + CDNOW.toAbsolutePath()
                + ": it is part of the repository (datasets/cdnow/CDNOW_master.txt); the pom sets -Dsegments.cdnow");
        Path db = dir.resolve("cdnow.duckdb");
        BoundedRun.Result result = BoundedRun.run(new BoundedRun.Options(
                new RunInputs(Map.of(InputKind.ORDERS, CDNOW), List.of("cdnow")), null, "jdbc:duckdb:" + db, null),
                System.err);

        assertEquals(LocalDate.of(1998, 7, 1), result.asOf());
        InputCounts orders = result.counts().get("orders");
        assertEquals(69_659, orders.read());
        assertEquals(69_659, orders.accepted() + orders.rejected() + orders.duplicates());
        assertEquals(0, orders.rejected());
        assertEquals(23_570, result.customers());

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw AS SELECT string_split_regex(trim(line), '\\s+') AS f FROM read_csv('"
                    + CDNOW.toAbsolutePath() + "', delim = '|', header = false, skip = 1, columns = {'line': 'VARCHAR'})");
            s.execute("CREATE TABLE orders AS SELECT f[1] AS customer_id, strptime(f[2], '%Y%m%d') AS ts, "
                    + "SUM(CAST(f[4] AS DECIMAL(18, 2))) AS amount FROM raw GROUP BY 1, 2");
            s.execute("CREATE TABLE expected AS SELECT customer_id, "
                    + "date_diff('day', MAX(ts) FILTER (WHERE amount > 0), TIMESTAMP '1998-07-01') AS recency_days, "
                    + "COUNT(*) FILTER (WHERE amount > 0 AND ts > TIMESTAMP '1998-07-01' - INTERVAL 365 DAY "
                    + "  AND ts < TIMESTAMP '1998-07-01') AS frequency, "
                    + "GREATEST(0, COALESCE(SUM(amount) FILTER (WHERE ts > TIMESTAMP '1998-07-01' - INTERVAL 365 DAY "
                    + "  AND ts < TIMESTAMP '1998-07-01'), 0)) AS monetary FROM orders GROUP BY 1");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM expected e FULL JOIN customer_segment a "
                    + "USING (customer_id) WHERE a.customer_id IS NULL OR e.customer_id IS NULL "
                    + "OR a.recency_days IS DISTINCT FROM e.recency_days OR a.frequency <> e.frequency "
                    + "OR abs(a.monetary - e.monetary) > 0.005")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "customers whose R/F/M differ from the direct SQL");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT segment) FROM customer_segment")) {
                rs.next();
                assertEquals(23_570, rs.getLong(1));
                assertTrue(rs.getLong(2) >= 8, "the customers spread over the segments");
            }
        }
    }
}
