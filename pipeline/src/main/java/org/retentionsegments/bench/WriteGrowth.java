package org.retentionsegments.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseWriter;

/**
 * The warehouse writer as a DuckDB file grows: a backfill's rows ({@link BackfillRows}) written in
 * calls of 200,000 rows (a run's transactions) into one new file, with the rows per second of
 * each further million printed, then the final checkpoint's time. A backfill of many customers
 * writes into tables of many millions of rows, where costs that grow with the table show, which a
 * benchmark of a few hundred thousand rows ({@link WriteBench}) does not reach.
 * Usage: {@code WriteGrowth [ROWS] [CUSTOMERS]} (default 8,000,000 rows, 400,000 customers; the
 * rows are held in the heap, about 400 bytes each: give the JVM room, e.g. {@code -Xmx8g}).
 */
public final class WriteGrowth {

    private static final int CALL_ROWS = 200_000;

    private WriteGrowth() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 8_000_000;
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 400_000;
        List<WarehouseRow> data = BackfillRows.generate(rows, customers, 20240301L);
        Path dir = Files.createTempDirectory("write-growth");
        Path file = dir.resolve("warehouse.duckdb");
        System.out.printf("%,d rows (%,d customers) into %s, calls of %,d%n", data.size(), customers, file, CALL_ROWS);
        try (Warehouse warehouse = Warehouse.open("jdbc:duckdb:" + file)) {
            warehouse.prepareForBulkWrites();
            WarehouseWriter writer = new WarehouseWriter(warehouse);
            long start = System.nanoTime();
            long last = start;
            int done = 0;
            int lastDone = 0;
            for (int i = 0; i < data.size(); i += CALL_ROWS) {
                List<WarehouseRow> call = data.subList(i, Math.min(data.size(), i + CALL_ROWS));
                writer.write(call);
                done += call.size();
                if (done - lastDone >= 1_000_000 || done == data.size()) {
                    long now = System.nanoTime();
                    System.out.printf("%,12d rows  %,9.0f rows/s for the last %,d  %6.1f s in all%n", done,
                            (done - lastDone) / ((now - last) / 1e9), done - lastDone, (now - start) / 1e9);
                    last = now;
                    lastDone = done;
                }
            }
            long checkpoint = System.nanoTime();
            try (var statement = warehouse.connection().createStatement()) {
                statement.execute("CHECKPOINT");
            }
            System.out.printf("checkpoint %.1f s; %.1f s in all; %,.0f rows/s%n", (System.nanoTime() - checkpoint) / 1e9,
                    (System.nanoTime() - start) / 1e9, data.size() / ((System.nanoTime() - start) / 1e9));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
