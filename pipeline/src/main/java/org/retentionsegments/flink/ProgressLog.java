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
 * also the days refreshed of the days from the first to the last refresh and the time left
 * ({@link #eta}, from {@link TimeLeft}). Parallelism 1; emits nothing. Its sums are not checkpointed: after a
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
    private transient TimeLeft timeLeft;

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
            timeLeft = new TimeLeft();
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
        timeLeft.add(tally.day() - firstDay, (now - started) / 1e9);
        if (tally.keep() || now - lastLine >= EVERY_NANOS) {
            PROGRESS.info(String.format("      %s as of %s: %,d customers, %,d changed segment (%,.0f customers"
                    + " scored/s)%s", tally.keep() ? "refreshed" : "reached", LocalDate.ofEpochDay(tally.day()), sum[1],
                    sum[2], scoredSinceLine / Math.max(1e-3, (now - lastLine) / 1e9), tally.last() ? " (final)"
                    : eta(firstDay, tally.day(), lastDay, now - started, timeLeft)));
            lastLine = now;
            scoredSinceLine = 0;
        }
    }

    /**
     * "; day 120 of 365 (33%), 0.9 days/s, 4 min 32 s left": the days refreshed since the first,
     * their rate over the time elapsed, and the time the days to the last will take by {@code fit}
     * (the days done so far, {@link TimeLeft}); empty without an end or before a day has passed.
     */
    static String eta(int firstDay, int day, int lastDay, long elapsedNanos, TimeLeft fit) {
        int done = day - firstDay;
        int total = lastDay - firstDay;
        if (lastDay == Integer.MAX_VALUE || done <= 0 || total <= 0 || elapsedNanos <= 0) {
            return "";
        }
        double seconds = elapsedNanos / 1e9;
        double rate = done / seconds;
        long left = Math.round(fit.secondsLeft(done, Math.max(done, total), seconds));
        return String.format("; day %,d of %,d (%d%%), %.1f days/s, %s left", done, total, 100L * done / total, rate,
                left < 60 ? left + " s" : left / 60 + " min " + left % 60 + " s");
    }

    /**
     * The time the remaining days of a run will take, from the days done so far. A day's refresh
     * costs more as customers accumulate in the state (at a million generated customers the rate
     * falls from 5.5 to 3.0 days/s over the run), so the remaining days at the rate so far come
     * out short, by half early in the run. This fits the time elapsed to the days done as
     * {@code t(x) = a x + b x²} (least squares over every day done, {@code b >= 0}: the cost of a
     * day growing at most linearly with the days, as a growing customer base makes it) and gives
     * {@code t(total) - t(done)}; with one day, or a cost that does not grow, it is the days left
     * at the average rate. A slow start (the JIT compilers' first seconds) makes it err on the long
     * side. On the progress lines of a run of 100,000 generated customers it missed the time left
     * by 2.6 s on average, where the rate so far missed by 3.5 s, always short.
     */
    static final class TimeLeft {
        private double sumX2;
        private double sumX3;
        private double sumX4;
        private double sumXT;
        private double sumX2T;

        /** A day done: {@code done} days since the first, {@code seconds} since the start. */
        void add(int done, double seconds) {
            double x = done;
            sumX2 += x * x;
            sumX3 += x * x * x;
            sumX4 += x * x * x * x;
            sumXT += x * seconds;
            sumX2T += x * x * seconds;
        }

        /** Seconds until {@code total} days are done, {@code done} of them in {@code seconds}. */
        double secondsLeft(int done, int total, double seconds) {
            double det = sumX2 * sumX4 - sumX3 * sumX3;
            if (det > 1e-9 * sumX2 * sumX4) {
                double a = (sumXT * sumX4 - sumX2T * sumX3) / det;
                double b = (sumX2 * sumX2T - sumX3 * sumXT) / det;
                if (b > 0 && a + 2 * b * done > 0) {
                    return Math.max(0, a * (total - done) + b * ((double) total * total - (double) done * done));
                }
            }
            double perDay = sumX2 > 0 ? sumXT / sumX2 : seconds / done;
            return Math.max(0, perDay * (total - done));
        }
    }
}
