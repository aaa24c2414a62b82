package org.retentionsegments.core.window;

import org.retentionsegments.core.EngagementType;

/**
 * What one day contributes to a customer's rolling windows. The order part leaves the order window
 * on {@code day + windowDays + 1}, its midnight part one day earlier (the window
 * {@code (as_of - windowDays, as_of)} is open at both ends); engagement leaves the 30- and 90-day
 * windows on {@code day + 31} and {@code day + 91}. Mutable, for Flink state.
 *
 * <p>The midnight part (orders placed at exactly 00:00:00) is nearly always nothing, so it is a
 * separate object that only days with one hold; every bucket of every customer in the window
 * would otherwise carry its four fields.
 */
public class WindowBucket {
    /** The day (epoch day) whose activity this is. */
    public int day;
    public int orders;
    public double net;
    public double gross;
    public double returnAmount;
    /** The part placed at exactly midnight; null when every one of its figures is (+)0. */
    private Midnight midnight;
    /** Events per {@link EngagementType}; read only (days without any share one array of zeros). */
    public int[] engagement = new int[EngagementType.COUNT];

    /** The orders of a day placed at exactly midnight, and their amounts. */
    private record Midnight(int orders, double net, double gross, double returnAmount) {}

    public WindowBucket() {}

    public static WindowBucket of(DayActivity day) {
        WindowBucket b = new WindowBucket();
        b.day = day.day;
        b.orders = day.orders;
        b.net = day.revenue;
        b.gross = day.gross;
        b.returnAmount = day.returnAmount;
        b.setMidnight(day.midnightOrders, day.midnightRevenue, day.midnightGross, day.midnightReturnAmount);
        b.engagement = EngagementType.sharedIfNone(day.engagement.clone());
        return b;
    }

    /**
     * Sets the midnight part. Kept only when a figure differs from +0 in its bits, so that the
     * accessors give back exactly what was set (a −0.0 amount is kept, as it sums differently).
     */
    public void setMidnight(int orders, double net, double gross, double returnAmount) {
        boolean none = orders == 0 && Double.doubleToRawLongBits(net) == 0L
                && Double.doubleToRawLongBits(gross) == 0L && Double.doubleToRawLongBits(returnAmount) == 0L;
        midnight = none ? null : new Midnight(orders, net, gross, returnAmount);
    }

    public int midnightOrders() {
        return midnight == null ? 0 : midnight.orders;
    }

    public double midnightNet() {
        return midnight == null ? 0.0 : midnight.net;
    }

    public double midnightGross() {
        return midnight == null ? 0.0 : midnight.gross;
    }

    public double midnightReturnAmount() {
        return midnight == null ? 0.0 : midnight.returnAmount;
    }

    public boolean hasOrders() {
        return orders > 0 || net != 0.0 || gross != 0.0 || returnAmount != 0.0;
    }

    public boolean hasMidnightOrders() {
        return midnight != null && (midnight.orders > 0 || midnight.net != 0.0 || midnight.gross != 0.0
                || midnight.returnAmount != 0.0);
    }
}
