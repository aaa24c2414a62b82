package org.retentionsegments.flink;

import java.util.TreeMap;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.core.window.CustomerHistory;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.core.window.WindowBucket;

/**
 * The rolling windows' keyed state of one customer, in one value: the lifetime history, the
 * days waiting to enter the window, the days in it, the forget day scheduled, what the customer
 * last contributed to the population's counts, and the days a timer is due. One value instead of
 * six states: one read and one write per timer (on RocksDB a get and a put instead of an
 * iteration over the window's days), and the customer's key stored once.
 */
public final class WindowSlot {

    /** No forget day scheduled. */
    public static final int NO_DAY = Integer.MIN_VALUE;

    /** No days in the window (shared: a slot's array is replaced, never written into, when it changes). */
    public static final WindowBucket[] NO_BUCKETS = new WindowBucket[0];

    public CustomerHistory history;
    /**
     * Day activity that has not entered the window yet, by day; null when there is none, as
     * nearly always between two timers (the days that enter are taken in by the timer that
     * brings them), so that no customer holds an empty map.
     */
    private TreeMap<Integer, DayActivity> pending;
    /**
     * The days in the window, ascending by day, one bucket a day. An array sized to fit rather
     * than a sorted map: a map's node and boxed day cost more than the bucket's own fields, per
     * day in the window of every customer.
     */
    public WindowBucket[] buckets = NO_BUCKETS;
    public int forgetDay = NO_DAY;
    public CountKey counted;
    /** The days a timer is due, ascending; null when none. */
    public int[] dueDays;

    public WindowSlot() {}

    /** The days waiting to enter the window, by day: a map made on first use, to add to. */
    public TreeMap<Integer, DayActivity> pending() {
        if (pending == null) {
            pending = new TreeMap<>();
        }
        return pending;
    }

    /** Whether a day is waiting to enter the window. */
    public boolean hasPending() {
        return pending != null && !pending.isEmpty();
    }

    /** The days waiting to enter the window, ascending by day (none: an empty list). */
    public java.util.Collection<DayActivity> pendingDays() {
        return pending == null ? java.util.List.of() : pending.values();
    }

    /** Lets go of the map of waiting days once it is empty. */
    void releasePending() {
        if (pending != null && pending.isEmpty()) {
            pending = null;
        }
    }

    boolean isEmpty() {
        return history == null && !hasPending() && buckets.length == 0 && forgetDay == NO_DAY && counted == null
                && dueDays == null;
    }

    /** Puts the bucket in the window at its day, in place of one of the same day. */
    public void putBucket(WindowBucket bucket) {
        WindowBucket[] days = buckets;
        int at = days.length;
        while (at > 0 && days[at - 1].day > bucket.day) {
            at--;
        }
        if (at > 0 && days[at - 1].day == bucket.day) {
            WindowBucket[] next = days.clone();
            next[at - 1] = bucket;
            buckets = next;
            return;
        }
        WindowBucket[] next = new WindowBucket[days.length + 1];
        System.arraycopy(days, 0, next, 0, at);
        next[at] = bucket;
        System.arraycopy(days, at, next, at + 1, days.length - at);
        buckets = next;
    }

    /** Takes out of the window the buckets {@code gone} says are gone (asked once each). */
    void removeBuckets(java.util.function.Predicate<WindowBucket> gone) {
        WindowBucket[] kept = null; // null while every bucket so far stays
        int count = 0;
        for (int i = 0; i < buckets.length; i++) {
            WindowBucket b = buckets[i];
            if (gone.test(b)) {
                if (kept == null) {
                    kept = new WindowBucket[buckets.length - 1];
                    System.arraycopy(buckets, 0, kept, 0, i);
                    count = i;
                }
            } else if (kept != null) {
                kept[count++] = b;
            }
        }
        if (kept != null) {
            buckets = count == 0 ? NO_BUCKETS : count == kept.length ? kept : java.util.Arrays.copyOf(kept, count);
        }
    }
}
