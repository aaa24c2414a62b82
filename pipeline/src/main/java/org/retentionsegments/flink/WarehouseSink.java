package org.retentionsegments.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.retentionsegments.core.CustomerRow;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseWriter;

/**
 * The jOOQ writer as a Flink sink: buffers rows and writes them in batches of idempotent upserts
 * on natural keys, so a replay changes nothing: at every checkpoint it flushes, and after a
 * restore from a checkpoint what it writes again changes nothing. Run it with parallelism 1 on
 * DuckDB, which has a single writer. The warehouse must be migrated already (the launcher does it).
 */
public class WarehouseSink implements Sink<WarehouseRow> {

    private static final org.slf4j.Logger PROGRESS = org.slf4j.LoggerFactory.getLogger("retention-segments.progress");

    private final String jdbcUrl;
    private final int bufferRows;
    private final String configVersion;
    private final long flushEveryMs;

    /** @param configVersion the digest of the configuration the rows come from ({@link ConfigTexts#version()}) */
    public WarehouseSink(String jdbcUrl, int bufferRows, String configVersion) {
        this(jdbcUrl, bufferRows, configVersion, 0);
    }

    /**
     * A sink that also writes what it holds every {@code flushEveryMs} milliseconds (0: only when
     * the buffer is full and at checkpoints): for rows whose point is to be seen soon, whose
     * writes are idempotent and whose table takes an earlier row written again after a restore.
     */
    public WarehouseSink(String jdbcUrl, int bufferRows, String configVersion, long flushEveryMs) {
        this.jdbcUrl = jdbcUrl;
        this.bufferRows = bufferRows;
        this.configVersion = configVersion;
        this.flushEveryMs = flushEveryMs;
    }

    /**
     * What decides which of several writers (on PostgreSQL) takes a row: its customer, or for a
     * row without one its kind. Every row with a given key of its table then goes through one
     * writer in the order it came, so a later row is never overtaken by an earlier one with the
     * same key, and two writers never upsert the same row (nor wait for each other's locks).
     */
    public static String writerKey(WarehouseRow row) {
        return row instanceof CustomerRow c && c.customerId() != null ? c.customerId() : row.getClass().getSimpleName();
    }

    @Override
    public SinkWriter<WarehouseRow> createWriter(WriterInitContext context) {
        // the progress lines of a sink that writes at an interval (today's activity) say which they are
        Writer writer = new Writer(Warehouse.openMigrated(jdbcUrl), bufferRows, configVersion,
                flushEveryMs > 0 ? "warehouse, today's activity" : "warehouse");
        if (flushEveryMs > 0) {
            new Every(context.getProcessingTimeService(), flushEveryMs, writer).start();
        }
        return writer;
    }

    /** Writes what a writer holds at a fixed interval of processing time (on the task's thread, between records). */
    private record Every(ProcessingTimeService time, long intervalMs, Writer writer)
            implements ProcessingTimeService.ProcessingTimeCallback {

        void start() {
            time.registerTimer(time.getCurrentProcessingTime() + intervalMs, this);
        }

        @Override
        public void onProcessingTime(long now) {
            writer.flushBuffer();
            time.registerTimer(now + intervalMs, this);
        }
    }

    private static final class Writer implements SinkWriter<WarehouseRow> {
        private final Warehouse warehouse;
        private final WarehouseWriter writer;
        private final int bufferRows;
        private final List<WarehouseRow> buffer = new ArrayList<>();
        private long rows;
        private long nanos;
        private long lastLine = System.nanoTime();
        private final String label;

        Writer(Warehouse warehouse, int bufferRows, String configVersion, String label) {
            this.warehouse = warehouse;
            this.label = label;
            warehouse.prepareForBulkWrites();
            this.writer = new WarehouseWriter(warehouse, java.time.Clock.systemUTC(), configVersion);
            this.bufferRows = bufferRows;
        }

        @Override
        public void write(WarehouseRow row, Context context) {
            buffer.add(row);
            if (buffer.size() >= bufferRows) {
                flushBuffer();
            }
        }

        @Override
        public void flush(boolean endOfInput) {
            flushBuffer();
        }

        private void flushBuffer() {
            if (!buffer.isEmpty()) {
                long t0 = System.nanoTime();
                writer.write(buffer);
                nanos += System.nanoTime() - t0;
                rows += buffer.size();
                buffer.clear();
                long now = System.nanoTime();
                if (now - lastLine >= ProgressLog.EVERY_NANOS) {
                    PROGRESS.info(String.format("      %s: %,d rows written so far (%,.0f rows/s while writing)",
                            label, rows, rows / (nanos / 1e9)));
                    lastLine = now;
                }
            }
        }

        /**
         * Closes the connection without writing: at the end of the input {@link #flush} has
         * written everything, and after a failure what is left in the buffer is written again
         * after the restore from the last checkpoint (a write from here could throw while the task
         * is failing, which makes Flink stop the whole TaskManager).
         */
        @Override
        public void close() {
            buffer.clear();
            warehouse.close();
            PROGRESS.info(String.format("      %s: %,d rows written in %.1f s", label, rows, nanos / 1e9));
        }
    }
}
