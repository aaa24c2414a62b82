package org.retentionsegments.flink;

import java.time.LocalDate;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;
import org.retentionsegments.core.InputCountDaily;
import org.retentionsegments.core.WarehouseRow;

/**
 * Keyed by source and day: sums the rows of {@code accounting_topics} into the day's
 * {@link InputCountDaily}, written again (an upsert) each time it changes. A job restored from a
 * checkpoint sums from the checkpoint's totals, so the records it reads again count once.
 */
final class InputDayCounts extends KeyedProcessFunction<String, InputDayCounts.Delta, WarehouseRow> {

    /**
     * What one row of {@code accounting_topics} adds to its day: records on time (copies
     * included), kept after deduplication, rejected, late (part of rejected), and accepted lines
     * taken back (the lines of an order rejected whole after they were kept).
     */
    public static final class Delta {
        public String source;
        public LocalDate day;
        public long onTime;
        public long kept;
        public long rejected;
        public long late;
        public long takenBack;

        public Delta() {}

        String key() {
            return source + "|" + day;
        }

        static Delta of(Row row) {
            Delta d = new Delta();
            d.source = (String) row.getField("source");
            d.day = (LocalDate) row.getField("event_day");
            d.onTime = (Long) row.getField("on_time");
            d.kept = (Long) row.getField("kept");
            d.rejected = (Long) row.getField("rejected");
            d.late = (Long) row.getField("late");
            d.takenBack = (Long) row.getField("accepted_lines");
            return d;
        }

        void add(Delta other) {
            onTime += other.onTime;
            kept += other.kept;
            rejected += other.rejected;
            late += other.late;
            takenBack += other.takenBack;
        }

        /** read = on time + rejected before deduplication; duplicates = on time - kept. */
        InputCountDaily row(String runId) {
            return new InputCountDaily(runId, source, day, onTime + rejected - takenBack, kept - takenBack, rejected,
                    late, onTime - kept);
        }
    }

    private final String runId;
    private transient ValueState<Delta> totals;

    InputDayCounts(String runId) {
        this.runId = runId;
    }

    @Override
    public void open(OpenContext context) {
        totals = getRuntimeContext().getState(new ValueStateDescriptor<>("day-totals", Delta.class));
    }

    @Override
    public void processElement(Delta delta, Context ctx, Collector<WarehouseRow> out) throws Exception {
        Delta total = totals.value();
        if (total == null) {
            total = new Delta();
            total.source = delta.source;
            total.day = delta.day;
        }
        total.add(delta);
        totals.update(total);
        out.collect(total.row(runId));
    }
}
