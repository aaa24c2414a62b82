package org.retentionsegments.flink;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Adds up the scoring tasks' tallies of each refresh and, once every task has reported, logs one
 * progress line for a kept refresh, and one at least every {@link #EVERY_NANOS} in between: the
 * day reached, the customers, and how many customers are scored per second. Parallelism 1; emits
 * nothing. Its sums are not checkpointed: after a restore a line may count a refresh short.
 */
final class ProgressLog extends ProcessFunction<RefreshOperator.Tally, Void> {

    private static final org.slf4j.Logger PROGRESS = org.slf4j.LoggerFactory.getLogger("retention-segments.progress");
    static final long EVERY_NANOS = 5_000_000_000L;

    private transient Map<Integer, long[]> days;
    private transient long lastLine;
    private transient long scoredSinceLine;

    @Override
    public void processElement(RefreshOperator.Tally tally, Context ctx, Collector<Void> out) {
        if (days == null) {
            days = new HashMap<>();
            lastLine = System.nanoTime();
        }
        long[] sum = days.computeIfAbsent(tally.day(), d -> new long[3]);
        sum[0]++;
        sum[1] += tally.customers();
        sum[2] += tally.transitions();
        scoredSinceLine += tally.customers();
        if (sum[0] < tally.tasks()) {
            return;
        }
        days.remove(tally.day());
        long now = System.nanoTime();
        if (tally.keep() || now - lastLine >= EVERY_NANOS) {
            PROGRESS.info(String.format("      %s as of %s: %,d customers, %,d changed segment (%,.0f customers"
                    + " scored/s)%s", tally.keep() ? "refreshed" : "reached", LocalDate.ofEpochDay(tally.day()), sum[1],
                    sum[2], scoredSinceLine / Math.max(1e-3, (now - lastLine) / 1e9), tally.last() ? " (final)" : ""));
            lastLine = now;
            scoredSinceLine = 0;
        }
    }
}
