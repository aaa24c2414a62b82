package org.retentionsegments.core.window;

import org.retentionsegments.core.EngagementType;

/**
 * What one day contributes to a customer's rolling windows. The order part leaves the order window
 * on {@code day + windowDays + 1}, its midnight part one day earlier (the window
 * {@code (as_of - windowDays, as_of)} is open at both ends); engagement leaves the 30- and 90-day
 * windows on {@code day + 31} and {@code day + 91}. A mutable POJO for Flink state.
 */
public class WindowBucket {
    /** The day (epoch day) whose activity this is. */
    public int day;
    public int orders;
    public double net;
    public double gross;
    public double returnAmount;
    public int midnightOrders;
    public double midnightNet;
    public double midnightGross;
    public double midnightReturnAmount;
    /** Events per {@link EngagementType}; read only (days without any share one array of zeros). */
    public int[] engagement = new int[EngagementType.COUNT];

    public WindowBucket() {}

    public static WindowBucket of(DayActivity day) {
        WindowBucket b = new WindowBucket();
        b.day = day.day;
        b.orders = day.orders;
        b.net = day.revenue;
        b.gross = day.gross;
        b.returnAmount = day.returnAmount;
        b.midnightOrders = day.midnightOrders;
        b.midnightNet = day.midnightRevenue;
        b.midnightGross = day.midnightGross;
        b.midnightReturnAmount = day.midnightReturnAmount;
        b.engagement = EngagementType.sharedIfNone(day.engagement.clone());
        return b;
    }

    public boolean hasOrders() {
        return orders > 0 || net != 0.0 || gross != 0.0 || returnAmount != 0.0;
    }

    public boolean hasMidnightOrders() {
        return midnightOrders > 0 || midnightNet != 0.0 || midnightGross != 0.0 || midnightReturnAmount != 0.0;
    }
}
