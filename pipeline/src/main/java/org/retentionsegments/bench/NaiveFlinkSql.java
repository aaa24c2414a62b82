package org.retentionsegments.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * The naive Flink SQL side of the benchmark: what a data engineer writes in an afternoon. Flink SQL
 * in batch mode on an embedded MiniCluster (parallelism = the machine's cores, as the pipeline's
 * default), the {@code filesystem} connector with the {@code csv} format over the orders file, and
 * one R/F/M GROUP BY with NTILE(5) scores; only the one-row summary is collected.
 * Usage: {@code NaiveFlinkSql ORDERS_CSV SQL_FILE...}: every file but the last is a DDL statement
 * (the layout's table and view {@code order_lines}), the last the summary query
 * ({@code bench/flink/rfm_summary.sql}). {@code ${orders}} in a file is the orders file's path.
 */
public final class NaiveFlinkSql {

    private NaiveFlinkSql() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: NaiveFlinkSql ORDERS_CSV SQL_FILE...");
        }
        long t0 = System.nanoTime();
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, Runtime.getRuntime().availableProcessors());
        TableEnvironment tEnv = TableEnvironment.create(
                EnvironmentSettings.newInstance().inBatchMode().withConfiguration(conf).build());
        Map<String, String> values = BenchSql.orders(args[0]);
        List<String> files = List.of(args).subList(1, args.length);
        for (String ddl : files.subList(0, files.size() - 1)) {
            tEnv.executeSql(BenchSql.load(Path.of(ddl), values));
        }
        String query = BenchSql.load(Path.of(files.get(files.size() - 1)), values);
        try (CloseableIterator<Row> rows = tEnv.executeSql(query).collect()) {
            Row row = rows.next();
            RfmSummary summary = new RfmSummary("naive-flink", ((Number) row.getField(0)).longValue(),
                    ((Number) row.getField(1)).longValue(), (BigDecimal) row.getField(2),
                    (BigDecimal) row.getField(3), RfmSummary.since(t0));
            System.out.println(summary.line());
        }
    }
}
