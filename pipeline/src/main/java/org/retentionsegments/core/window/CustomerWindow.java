package org.retentionsegments.core.window;

import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.EngagementType;

/**
 * The rolling-window arithmetic of one customer, free of Flink: when each day's contribution
 * enters and leaves the windows, and the {@link CustomerFacts} as of a day.
 *
 * <p>The order window as of midnight {@code T} is the open interval {@code (T - windowDays, T)}:
 * an order on day {@code d} counts from {@code d + 1}; it leaves on {@code d + windowDays + 1}, or
 * on {@code d + windowDays} when it was placed at exactly midnight. Engagement counts cover the
 * last 30 and 90 days the same way.
 */
public final class CustomerWindow {

    public static final int ENGAGEMENT_SHORT = 30;
    public static final int ENGAGEMENT_LONG = 90;

    /** The half-life of engagement in days when none is configured. */
    public static final double DEFAULT_HALF_LIFE_DAYS = 30.0;

    private final int windowDays;
    /** {@code decay[age]} = 0.5^(age / halfLife) for the ages that count, 1 to 90 days. */
    private final double[] decay = new double[ENGAGEMENT_LONG + 2];

    public CustomerWindow(int windowDays) {
        this(windowDays, DEFAULT_HALF_LIFE_DAYS);
    }

    /** @param halfLifeDays the half-life of the decayed engagement counts (lead scoring) */
    public CustomerWindow(int windowDays, double halfLifeDays) {
        this.windowDays = windowDays;
        for (int age = 0; age < decay.length; age++) {
            decay[age] = Math.pow(0.5, age / halfLifeDays);
        }
    }

    /** The day a day's contribution enters every window. */
    public static int enterDay(int day) {
        return day + 1;
    }

    /** The last day on which any part of the bucket still counts somewhere, plus one. */
    public int goneDay(int day, WindowBucket bucket) {
        int gone = day;
        if (bucket.hasOrders()) {
            gone = Math.max(gone, day + windowDays + 1);
        }
        for (int count : bucket.engagement) {
            if (count > 0) {
                gone = Math.max(gone, day + ENGAGEMENT_LONG + 1);
                break;
            }
        }
        return gone;
    }

    /** The days after {@code day} on which something of the bucket leaves a window. */
    public int[] leaveDays(int day, WindowBucket bucket) {
        java.util.List<Integer> days = new java.util.ArrayList<>();
        if (bucket.hasMidnightOrders()) {
            days.add(day + windowDays);
        }
        if (bucket.hasOrders()) {
            days.add(day + windowDays + 1);
        }
        if (bucket.engagement.length > 0 && java.util.Arrays.stream(bucket.engagement).sum() > 0) {
            days.add(day + ENGAGEMENT_SHORT + 1);
            days.add(day + ENGAGEMENT_LONG + 1);
        }
        return days.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The facts as of midnight {@code asOfDay}, from the history and the entered buckets. Raises
     * the history's peak window value to the window's value of {@code asOfDay}: the window value
     * changes only on the days that facts are emitted, so the peak over them is the true peak.
     */
    public CustomerFacts facts(String customerId, int asOfDay, CustomerHistory history, WindowBucket[] buckets) {
        int frequency = 0;
        double net = 0;
        double gross = 0;
        double returns = 0;
        int[] e30 = new int[EngagementType.COUNT];
        int[] e90 = new int[EngagementType.COUNT];
        double[] decayed = new double[EngagementType.COUNT];
        for (WindowBucket b : buckets) {
            int day = b.day;
            if (day >= asOfDay) {
                continue;
            }
            if (asOfDay < day + windowDays + 1) {
                frequency += b.orders - b.midnightOrders();
                net += b.net - b.midnightNet();
                gross += b.gross - b.midnightGross();
                returns += b.returnAmount - b.midnightReturnAmount();
            }
            if (asOfDay < day + windowDays) {
                frequency += b.midnightOrders();
                net += b.midnightNet();
                gross += b.midnightGross();
                returns += b.midnightReturnAmount();
            }
            for (int i = 0; i < e30.length; i++) {
                if (asOfDay < day + ENGAGEMENT_SHORT + 1) {
                    e30[i] += b.engagement[i];
                }
                if (asOfDay < day + ENGAGEMENT_LONG + 1) {
                    e90[i] += b.engagement[i];
                    decayed[i] += b.engagement[i] * decay[asOfDay - day];
                }
            }
        }
        // Spend per category in millionths, summed as whole numbers: the share then does not
        // depend on the order the amounts were added in (a day's parts as they came in, the
        // category map's iteration order), which doubles summed as they come would.
        String topCategory = null;
        long topMicros = 0;
        long categoryMicros = 0;
        NamedAmounts categories = history.categorySpend;
        for (int i = 0; i < categories.size(); i++) {
            String name = categories.name(i);
            long micros = Math.round(categories.amount(i) * 1e6);
            categoryMicros += micros;
            if (topCategory == null || micros > topMicros || (micros == topMicros && name.compareTo(topCategory) < 0)) {
                topCategory = name;
                topMicros = micros;
            }
        }
        // the channel with the most orders, ties to the first name
        NamedAmounts channels = history.channelOrders;
        String topChannel = null;
        int topOrders = 0;
        int channelTotal = 0;
        for (int i = 0; i < channels.size(); i++) {
            String name = channels.name(i);
            int orders = (int) channels.amount(i);
            channelTotal += orders;
            if (topChannel == null || orders > topOrders || (orders == topOrders && name.compareTo(topChannel) < 0)) {
                topChannel = name;
                topOrders = orders;
            }
        }
        history.peakWindowValue = Math.max(history.peakWindowValue, Math.max(0.0, round(net)));
        return new CustomerFacts(
                customerId, asOfDay,
                history.firstOrderDay, history.lastOrderDay, history.previousOrderDay,
                frequency, round(net), round(gross), round(returns),
                history.lifetimeOrders, round(history.lifetimeNet), history.medianGapDays(),
                topCategory,
                topCategory == null || categoryMicros <= 0 ? 0.0 : topMicros / (double) categoryMicros,
                topChannel,
                topChannel == null || channelTotal == 0 ? 0.0 : topOrders / (double) channelTotal,
                channelTotal,
                history.lifetimeOrders == 0 ? 0.0 : history.discountedOrders / (double) history.lifetimeOrders,
                EngagementType.sharedIfNone(e30), EngagementType.sharedIfNone(e90), history.lastEngagementDay,
                history.unsubscribed, history.signupDay, history.emailConsent, history.country,
                EngagementType.sharedIfNone(decayed), history.peakWindowValue,
                history.emailSha256, history.phoneSha256);
    }

    /** Rounds sums of money to a millionth, removing floating-point dust from adding and removing. */
    static double round(double money) {
        return Math.round(money * 1e6) / 1e6;
    }
}
