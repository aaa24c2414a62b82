package org.retentionsegments.flink;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Adds up the scoring tasks' tallies of each refresh and, once every task has reported, logs one
 * progress line for a kept refresh. Parallelism 1; emits nothing.
 */
final class ProgressLog extends ProcessFunction<RefreshOperator.Tally, Void> {

    private static final org.slf4j.Logger PROGRESS = org.slf4j.LoggerFactory.getLogger("retention-segments.progress");

    private transient Map<Integer, long[]> days;

    @Override
    public void processElement(RefreshOperator.Tally tally, Context ctx, Collector<Void> out) {
        if (days == null) {
            days = new HashMap<>();
        }
        long[] sum = days.computeIfAbsent(tally.day(), d -> new long[3]);
        sum[0]++;
        sum[1] += tally.customers();
        sum[2] += tally.transitions();
        if (sum[0] == tally.tasks()) {
            days.remove(tally.day());
            if (tally.keep()) {
                PROGRESS.info(String.format("      refreshed as of %s: %,d customers, %,d changed segment%s",
                        LocalDate.ofEpochDay(tally.day()), sum[1], sum[2], tally.last() ? " (final)" : ""));
            }
        }
    }
}
