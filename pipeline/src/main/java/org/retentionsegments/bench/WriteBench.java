package org.retentionsegments.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseWriter;

/**
 * Write throughput of {@link WarehouseWriter} on a backfill's rows ({@link BackfillRows}), in the
 * bounded run's sink's batches of 200,000 rows: into a fresh DuckDB file and a fresh PostgreSQL schema, new rows
 * and then the same rows again (a replay, which changes nothing). Prints rows/s per run and the
 * median of RUNS runs after a first one that warms the JVM up (printed apart).
 * Usage: {@code WriteBench [ROWS] [RUNS] [duckdb|postgres|both] [POSTGRES_URL]}.
 */
public final class WriteBench {

    /**
     * Rows per write call, as a bounded run's sink buffers them ({@code StreamStage.SINK_BUFFER_ROWS},
     * 200,000 since 2026-12-03; this benchmark kept the 50,000 of before until 2026-12-05).
     */
    static final int SINK_BUFFER_ROWS = 200_000;

    private WriteBench() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String engines = args.length > 2 ? args[2] : "both";
        String postgres = args.length > 3 ? args[3] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        List<WarehouseRow> data = BackfillRows.generate(rows, Math.max(1, rows / 25), 20240301L);
        System.out.printf("%,d rows (%,d customers), batches of %,d%n", data.size(), Math.max(1, rows / 25), SINK_BUFFER_ROWS);
        if (!engines.equals("postgres")) {
            report("duckdb", data, runs, new DuckDbFile());
        }
        if (!engines.equals("duckdb")) {
            report("postgres", data, runs, new PostgresSchema(postgres));
        }
    }

    /** A fresh, empty database for one run, removed after it. */
    private interface Target {
        String open() throws Exception;

        void remove() throws Exception;
    }

    private static void report(String engine, List<WarehouseRow> data, int runs, Target target) throws Exception {
        List<Double> fresh = new ArrayList<>();
        List<Double> replay = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            try (Warehouse warehouse = Warehouse.open(target.open())) {
                warehouse.prepareForBulkWrites();
                WarehouseWriter writer = new WarehouseWriter(warehouse);
                fresh.add(rowsPerSecond(writer, data));
                replay.add(rowsPerSecond(writer, data));
            } finally {
                target.remove();
            }
            System.out.printf(Locale.ROOT, "%-8s %s: new %,.0f rows/s, replay %,.0f rows/s%n",
                    engine, run == 0 ? "warm-up" : "run " + run, fresh.get(run), replay.get(run));
        }
        System.out.printf(Locale.ROOT, "%-8s median of %d: new %,.0f rows/s, replay %,.0f rows/s%n",
                engine, runs, median(fresh.subList(1, fresh.size())), median(replay.subList(1, replay.size())));
    }

    private static double rowsPerSecond(WarehouseWriter writer, List<WarehouseRow> data) {
        long t0 = System.nanoTime();
        for (int from = 0; from < data.size(); from += SINK_BUFFER_ROWS) {
            writer.write(data.subList(from, Math.min(data.size(), from + SINK_BUFFER_ROWS)));
        }
        return data.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static final class DuckDbFile implements Target {
        private Path dir;

        @Override
        public String open() throws Exception {
            dir = Files.createTempDirectory("writebench");
            return "jdbc:duckdb:" + dir.resolve("bench.duckdb");
        }

        @Override
        public void remove() throws Exception {
            Files.deleteIfExists(dir.resolve("bench.duckdb.wal"));
            Files.deleteIfExists(dir.resolve("bench.duckdb"));
            Files.delete(dir);
        }
    }

    private static final class PostgresSchema implements Target {
        private final String server;
        private String schema;

        PostgresSchema(String server) {
            this.server = server;
        }

        @Override
        public String open() throws Exception {
            schema = "writebench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            execute("CREATE SCHEMA \"" + schema + "\"");
            return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        public void remove() throws Exception {
            execute("DROP SCHEMA \"" + schema + "\" CASCADE");
        }

        /** Runs DDL on a schema name made here of letters, digits and '_' (quoted all the same). */
        private void execute(String ddl) throws java.sql.SQLException {
            try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
                s.execute(ddl);
            }
        }
    }
}
