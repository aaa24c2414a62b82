package org.retentionsegments.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The DuckDB side of the benchmark: runs {@code bench/duckdb/} files in an in-memory DuckDB and
 * prints the one-row summary as an {@link RfmSummary} line.
 * Usage: {@code SqlBaseline ORDERS_CSV SQL_FILE...} (every file but the last a statement such as
 * the layout's view {@code order_lines}, the last the summary query; {@code ${orders}} is the
 * orders file's path), or {@code SqlBaseline --warehouse FILE.duckdb SQL_FILE} to read the
 * pipeline's summary back from its warehouse, read-only.
 */
public final class SqlBaseline {

    private SqlBaseline() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SqlBaseline ORDERS_CSV SQL_FILE... | --warehouse FILE SQL_FILE");
        }
        boolean warehouse = args[0].equals("--warehouse");
        String url = "jdbc:duckdb:";
        Properties properties = new Properties();
        List<String> files = List.of(args).subList(warehouse ? 2 : 1, args.length);
        Map<String, String> values = Map.of();
        if (warehouse) {
            url += Path.of(args[1]).toAbsolutePath();
            properties.setProperty("duckdb.read_only", "true");
        } else {
            values = BenchSql.orders(args[0]);
        }
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, properties); Statement s = c.createStatement()) {
            for (String statement : files.subList(0, files.size() - 1)) {
                s.execute(BenchSql.load(Path.of(statement), values));
            }
            try (ResultSet rs = s.executeQuery(BenchSql.load(Path.of(files.get(files.size() - 1)), values))) {
                rs.next();
                RfmSummary summary = new RfmSummary(warehouse ? "pipeline" : "duckdb", rs.getLong(1), rs.getLong(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), RfmSummary.since(t0));
                System.out.println(summary.line());
            }
        }
    }
}
