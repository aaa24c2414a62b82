package org.retentionsegments.replay;

/**
 * Sending at a steady rate: how long to wait before the next record so that {@code sent} records
 * take at least {@code sent / perSecond} seconds. A rate of 0 never waits.
 */
record Pace(double perSecond) {

    long waitNanos(long sent, long elapsedNanos) {
        if (perSecond <= 0) {
            return 0;
        }
        long due = (long) (sent * 1e9 / perSecond);
        return Math.max(0, due - elapsedNanos);
    }
}
