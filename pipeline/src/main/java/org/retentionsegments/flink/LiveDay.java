package org.retentionsegments.flink;

import java.util.HashMap;

/**
 * Today's activity's keyed state of one customer ({@link LiveActivityFunction}), in one value:
 * the figures of the customer's open day and what the day has seen so far, one entry per record
 * copy key (a leading {@code l} or {@code e}, to 0) and per order (its id after an {@code o}, to
 * its total so far). One value instead of a value and a map: on RocksDB a record costs one get
 * and one put instead of a get, a look for its copy key, a look for its order and three puts.
 *
 * <p>A customer with more than {@link #SPILL_AT} entries in a day has them moved to a map state
 * of their own ({@code spilled}), so that a busy customer's record does not read and write all
 * the day's keys again.
 */
public final class LiveDay {

    /** Entries kept in the value; past this they move to the map state. */
    public static final int SPILL_AT = 64;

    public int epochDay;
    public int orders;
    public int returnOrders;
    public double revenue;
    public double returns;
    public int engagementEvents;
    public int records;
    public long lastEventMs;
    /** True when the day's entries are in the map state, not in {@link #seen}. */
    public boolean spilled;
    /** The day's entries while not spilled (empty after). */
    public HashMap<String, Double> seen = new HashMap<>();

    public LiveDay() {}

    LiveDay(int epochDay) {
        this.epochDay = epochDay;
    }
}
