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

    public CustomerHistory history;
    /** Day activity that has not entered the window yet, by day. */
    public TreeMap<Integer, DayActivity> pending = new TreeMap<>();
    /** The days in the window, by day. */
    public TreeMap<Integer, WindowBucket> buckets = new TreeMap<>();
    public int forgetDay = NO_DAY;
    public CountKey counted;
    /** The days a timer is due, ascending; null when none. */
    public int[] dueDays;

    public WindowSlot() {}

    boolean isEmpty() {
        return history == null && pending.isEmpty() && buckets.isEmpty() && forgetDay == NO_DAY && counted == null
                && dueDays == null;
    }
}
