package org.retentionsegments.flink;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Adds up the scoring tasks' tallies of each refresh and, once every task has reported, logs one
 * progress line for a kept refresh, and one at least every {@link #EVERY_NANOS} in between: the
 * day reached, the customers, and how many customers are scored per second; in a bounded run,
 * also the days refreshed of the days from the first to the last refresh and the time left at the
 * rate so far ({@link #eta}). Parallelism 1; emits nothing. Its sums are not checkpointed: after a
 * restore a line may count a refresh short.
 */
final class ProgressLog extends ProcessFunction<RefreshOperator.Tally, Void> {

    private static final org.slf4j.Logger PROGRESS = org.slf4j.LoggerFactory.getLogger("retention-segments.progress");
    static final long EVERY_NANOS = 5_000_000_000L;

    /** The epoch day of the last refresh; Integer.MAX_VALUE when the stream has no end. */
    private final int lastDay;

    private transient Map<Integer, long[]> days;
    private transient int firstDay;
    private transient long started;
    private transient long lastLine;
    private transient long scoredSinceLine;

    ProgressLog(int lastDay) {
        this.lastDay = lastDay;
    }

    @Override
    public void processElement(RefreshOperator.Tally tally, Context ctx, Collector<Void> out) {
        if (days == null) {
            days = new HashMap<>();
            lastLine = System.nanoTime();
            started = lastLine;
            firstDay = tally.day();
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
                    sum[2], scoredSinceLine / Math.max(1e-3, (now - lastLine) / 1e9), tally.last() ? " (final)"
                    : eta(firstDay, tally.day(), lastDay, now - started)));
            lastLine = now;
            scoredSinceLine = 0;
        }
    }

    /**
     * "; day 120 of 365 (33%), 0.9 days/s, 4 min 32 s left": the days refreshed since the first,
     * their rate over the time elapsed, and the days to the last at that rate; empty without an end
     * or before a day has passed.
     */
    static String eta(int firstDay, int day, int lastDay, long elapsedNanos) {
        int done = day - firstDay;
        int total = lastDay - firstDay;
        if (lastDay == Integer.MAX_VALUE || done <= 0 || total <= 0 || elapsedNanos <= 0) {
            return "";
        }
        double rate = done / (elapsedNanos / 1e9);
        long left = Math.round(Math.max(0, lastDay - day) / rate);
        return String.format("; day %,d of %,d (%d%%), %.1f days/s, %s left", done, total, 100L * done / total, rate,
                left < 60 ? left + " s" : left / 60 + " min " + left % 60 + " s");
    }
}
