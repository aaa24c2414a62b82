package org.retentionsegments.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs {@code bench/duckdb_baseline.sql} on an orders file in an in-memory DuckDB and prints the
 * wall time: the batch-SQL baseline the pipeline's backfill is compared with.
 * Usage: {@code SqlBaseline SQL_FILE ORDERS_CSV}.
 */
public final class SqlBaseline {

    private SqlBaseline() {}

    public static void main(String[] args) throws Exception {
        // ${orders} sits inside a SQL string literal: a quote in the path is doubled, so it stays a path.
        String orders = Path.of(args[1]).toAbsolutePath().toString().replace("'", "''");
        String sql = Files.readString(Path.of(args[0])).replace("${orders}", orders);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("duckdb baseline: %,d customers, %,d orders in window, monetary %.2f in %.1f s%n",
                    rs.getLong(1), rs.getLong(2), rs.getDouble(3), seconds);
        }
    }
}
