package org.retentionsegments.core.window;

import java.util.Arrays;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.EngagementType;

/**
 * A customer's lifetime facts, folded day by day in time order as days enter the window. Keeps
 * the gaps between the last {@value #GAPS} order days for the purchase cycle. A mutable POJO for
 * Flink state.
 */
public class CustomerHistory {
    static final int GAPS = 32;

    public int firstOrderDay = CustomerFacts.NEVER;
    public int lastOrderDay = CustomerFacts.NEVER;
    public int previousOrderDay = CustomerFacts.NEVER;
    public int lifetimeOrders;
    public double lifetimeNet;
    public int discountedOrders;
    /** Positive orders per channel, ever (whole numbers). */
    public NamedAmounts channelOrders = new NamedAmounts();
    /** Spend per category, ever. */
    public NamedAmounts categorySpend = new NamedAmounts();
    /** No gaps: shared by every history with fewer than two order days. */
    public static final int[] NO_GAPS = new int[0];

    /** The last gaps between order days, oldest first; replaced, never written into (none: one shared empty array). */
    public int[] gaps = NO_GAPS;
    public int lastEngagementDay = CustomerFacts.NEVER;
    public boolean unsubscribed;
    public int lastActivityDay = CustomerFacts.NEVER;
    /** The first day the customers input gave a signup for, -1 when none. */
    public int signupDay = CustomerFacts.NEVER;
    /** The latest email consent the customers input gave: 1, 0, or -1 when never given. */
    public int emailConsent = -1;
    /** The latest country the customers input gave; null when none. */
    public String country;
    /** The latest hashed email and phone the customers input gave; null when none. */
    public String emailSha256;
    public String phoneSha256;
    /** The highest window monetary value of any facts emitted so far (see {@link CustomerWindow#facts}). */
    public double peakWindowValue;

    public CustomerHistory() {}

    /** Folds one day in; days must come in increasing order. */
    public void fold(DayActivity day) {
        if (day.orders > 0) {
            if (lastOrderDay != CustomerFacts.NEVER && day.day > lastOrderDay) {
                addGap(day.day - lastOrderDay);
                previousOrderDay = lastOrderDay;
            }
            if (firstOrderDay == CustomerFacts.NEVER) {
                firstOrderDay = day.day;
            }
            lastOrderDay = Math.max(lastOrderDay, day.day);
        }
        lifetimeOrders += day.orders;
        lifetimeNet += day.revenue;
        discountedOrders += day.discountedOrders;
        day.channelOrders.forEach(channelOrders::add);
        day.categorySpend.forEach(categorySpend::add);
        if (day.engagementEvents > 0) {
            lastEngagementDay = Math.max(lastEngagementDay, day.day);
        }
        unsubscribed |= day.engagement[EngagementType.UNSUBSCRIBE.ordinal()] > 0;
        lastActivityDay = Math.max(lastActivityDay, day.day);
        if (day.signedUp && signupDay == CustomerFacts.NEVER) {
            signupDay = day.day;
        }
        if (day.emailConsent >= 0) {
            emailConsent = day.emailConsent;
        }
        if (day.country != null) {
            country = NamedAmounts.shared(day.country);
        }
        if (day.signedUp) {
            // a later sign-up row replaces the contacts, absent ones included
            emailSha256 = day.emailSha256;
            phoneSha256 = day.phoneSha256;
        }
    }

    private void addGap(int gap) {
        int[] next = Arrays.copyOf(gaps, Math.min(gaps.length + 1, GAPS));
        if (gaps.length == GAPS) {
            System.arraycopy(gaps, 1, next, 0, GAPS - 1);
        }
        next[next.length - 1] = gap;
        gaps = next;
    }

    /** Median of the recent gaps between order days; NaN with none. */
    public double medianGapDays() {
        if (gaps.length == 0) {
            return Double.NaN;
        }
        int[] sorted = gaps.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
