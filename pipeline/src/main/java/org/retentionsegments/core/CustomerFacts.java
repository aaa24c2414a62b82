package org.retentionsegments.core;

import java.util.Arrays;

/**
 * What is known of one customer at the start of one day: the rolling window, lifetime facts and
 * engagement, as the keyed window operator emits them. Recency and lifecycle are not here: they
 * depend on the refresh day and the population's purchase cycle, and are derived when scoring.
 *
 * <p>Days are epoch days (days since 1970-01-01); {@code -1} means "never".
 *
 * @param customerId the customer
 * @param asOfDay the day at whose midnight these facts hold (events strictly before it count)
 * @param firstOrderDay day of the first positive order
 * @param lastOrderDay day of the last positive order (any time, not only in the window)
 * @param previousOrderDay day of the positive order before the last one, on an earlier day
 * @param frequency orders with positive net amount in the window
 * @param windowNet net amount of all orders in the window (may be negative; monetary floors it)
 * @param windowGross amount of the positive orders in the window
 * @param windowReturns absolute amount of the negative orders (returns, refunds) in the window
 * @param lifetimeOrders positive orders ever
 * @param lifetimeNet net amount ever
 * @param medianGapDays median days between consecutive order days; NaN with fewer than two
 * @param topCategory category with the largest positive spend ever, null when none is known
 * @param topCategoryShare its share of the categorised spend, 0 when none
 * @param topChannel channel with the most orders ever, null when none is known
 * @param topChannelShare its share of the orders with a known channel
 * @param channelOrders orders with a known channel
 * @param discountedOrderShare share of positive orders that carried a discount
 * @param engagement30 engagement events in the last 30 days, indexed by {@link EngagementType}
 * @param engagement90 engagement events in the last 90 days, indexed by {@link EngagementType}
 * @param lastEngagementDay day of the last engagement event
 * @param unsubscribed whether an {@code unsubscribe} event was ever seen
 * @param signupDay day the customers input says the customer signed up; -1 when not known
 * @param emailConsent the latest email consent of the customers input: 1 given, 0 refused, -1 unknown
 * @param country the latest country of the customers input; null when not known
 * @param emailSha256 SHA-256 of the normalised email of the customers input ({@link Contacts}); null when none
 * @param phoneSha256 SHA-256 of the E.164 phone of the customers input; null when none
 * @param engagementDecayed engagement events of the last 90 days per {@link EngagementType}, each
 *     weighted {@code 0.5^(age / halfLife)} with its age in days as of {@code asOfDay}; see
 *     {@link #engagementDecayed(EngagementType, int, double)}
 * @param peakWindowValue the highest window monetary value the customer ever reached, as of
 *     {@code asOfDay} (the window's net amount floored at zero, at any earlier day)
 */
public record CustomerFacts(
        String customerId,
        int asOfDay,
        int firstOrderDay,
        int lastOrderDay,
        int previousOrderDay,
        int frequency,
        double windowNet,
        double windowGross,
        double windowReturns,
        int lifetimeOrders,
        double lifetimeNet,
        double medianGapDays,
        String topCategory,
        double topCategoryShare,
        String topChannel,
        double topChannelShare,
        int channelOrders,
        double discountedOrderShare,
        int[] engagement30,
        int[] engagement90,
        int lastEngagementDay,
        boolean unsubscribed,
        int signupDay,
        int emailConsent,
        String country,
        double[] engagementDecayed,
        double peakWindowValue,
        String emailSha256,
        String phoneSha256) {

    public static final int NEVER = -1;

    /** Facts without contacts. */
    public CustomerFacts(String customerId, int asOfDay, int firstOrderDay, int lastOrderDay, int previousOrderDay,
            int frequency, double windowNet, double windowGross, double windowReturns, int lifetimeOrders,
            double lifetimeNet, double medianGapDays, String topCategory, double topCategoryShare, String topChannel,
            double topChannelShare, int channelOrders, double discountedOrderShare, int[] engagement30,
            int[] engagement90, int lastEngagementDay, boolean unsubscribed, int signupDay, int emailConsent,
            String country, double[] engagementDecayed, double peakWindowValue) {
        this(customerId, asOfDay, firstOrderDay, lastOrderDay, previousOrderDay, frequency, windowNet, windowGross,
                windowReturns, lifetimeOrders, lifetimeNet, medianGapDays, topCategory, topCategoryShare, topChannel,
                topChannelShare, channelOrders, discountedOrderShare, engagement30, engagement90, lastEngagementDay,
                unsubscribed, signupDay, emailConsent, country, engagementDecayed, peakWindowValue, null, null);
    }

    /** Monetary value: the window's net amount floored at zero. */
    public double monetary() {
        return Math.max(0.0, windowNet);
    }

    /** Lifetime monetary value: the net amount ever floored at zero. */
    public double lifetimeMonetary() {
        return Math.max(0.0, lifetimeNet);
    }

    public boolean hasOrdered() {
        return lastOrderDay != NEVER;
    }

    /** Calendar days from the last positive order to the refresh day; -1 when never ordered. */
    public int recencyDays(int refreshDay) {
        return hasOrdered() ? refreshDay - lastOrderDay : NEVER;
    }

    public int engagement30(EngagementType type) {
        return engagement30[type.ordinal()];
    }

    public int engagement90(EngagementType type) {
        return engagement90[type.ordinal()];
    }

    /**
     * The decayed count of {@code type} as of the refresh day {@code day} ({@code >= asOfDay}):
     * no event entered or left the 90 days since {@link #asOfDay} (the window operator emits new
     * facts when one does), so the weights only aged by {@code day - asOfDay} days.
     */
    public double engagementDecayed(EngagementType type, int day, double halfLifeDays) {
        double value = engagementDecayed[type.ordinal()];
        return value == 0.0 || day <= asOfDay ? value : value * Math.pow(0.5, (day - asOfDay) / halfLifeDays);
    }

    /** The engagement type with most events in 90 days (the first of equals), null without any. */
    public EngagementType topEngagement() {
        EngagementType top = null;
        int most = 0;
        for (EngagementType type : EngagementType.values()) {
            if (engagement90[type.ordinal()] > most) {
                most = engagement90[type.ordinal()];
                top = type;
            }
        }
        return top;
    }

    public int engagement30Total() {
        return Arrays.stream(engagement30).sum();
    }

    public int engagement90Total() {
        return Arrays.stream(engagement90).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerFacts that
                && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "CustomerFacts[" + customerId + " asOf=" + asOfDay + " first=" + firstOrderDay
                + " last=" + lastOrderDay + " prev=" + previousOrderDay + " f=" + frequency
                + " net=" + windowNet + " gross=" + windowGross + " returns=" + windowReturns
                + " lifetimeOrders=" + lifetimeOrders + " lifetimeNet=" + lifetimeNet
                + " gap=" + medianGapDays + " cat=" + topCategory + "/" + topCategoryShare
                + " ch=" + topChannel + "/" + topChannelShare + "/" + channelOrders
                + " disc=" + discountedOrderShare + " e30=" + Arrays.toString(engagement30)
                + " e90=" + Arrays.toString(engagement90) + " lastEng=" + lastEngagementDay
                + " unsub=" + unsubscribed + " signup=" + signupDay + " consent=" + emailConsent + " country=" + country
                + " decayed=" + Arrays.toString(engagementDecayed) + " peak=" + peakWindowValue + "]";
    }
}
