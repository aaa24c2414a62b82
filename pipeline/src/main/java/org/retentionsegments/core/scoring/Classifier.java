package org.retentionsegments.core.scoring;

import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.EngagementType;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.config.FlagThresholds;
import org.retentionsegments.core.config.LifecycleThresholds;

/** Lifecycle stage and behaviour flags of one customer at one refresh day. */
public final class Classifier {

    private Classifier() {}

    /**
     * The lifecycle stage (see {@link LifecycleThresholds} for the rules), with the purchase
     * cycle {@code cycleDays} and the refresh day {@code day} (epoch day).
     */
    public static LifecycleStage lifecycle(CustomerFacts facts, int day, double cycleDays,
            LifecycleThresholds t) {
        return lifecycle(facts.firstOrderDay(), facts.lastOrderDay(), facts.previousOrderDay(), day, cycleDays, t);
    }

    /**
     * As {@link #lifecycle(CustomerFacts, int, double, LifecycleThresholds)}, from the order days
     * alone ({@link CustomerFacts#NEVER} for none): what the stage depends on.
     */
    public static LifecycleStage lifecycle(int firstOrderDay, int lastOrderDay, int previousOrderDay, int day,
            double cycleDays, LifecycleThresholds t) {
        if (lastOrderDay == CustomerFacts.NEVER) {
            return LifecycleStage.PROSPECT;
        }
        int recency = Math.max(0, day - lastOrderDay);
        if (firstOrderDay != CustomerFacts.NEVER
                && day - firstOrderDay <= t.newWithin() * cycleDays) {
            return LifecycleStage.NEW;
        }
        boolean active = recency <= t.activeWithin() * cycleDays;
        if (active && previousOrderDay != CustomerFacts.NEVER
                && lastOrderDay - previousOrderDay > t.lapsingWithin() * cycleDays) {
            return LifecycleStage.REACTIVATED;
        }
        if (active) {
            return LifecycleStage.ACTIVE;
        }
        return recency <= t.lapsingWithin() * cycleDays
                ? LifecycleStage.LAPSING
                : LifecycleStage.LAPSED;
    }

    /** The behaviour flags as a bit mask of {@link Flag#bit()}. */
    public static int flags(CustomerFacts facts, int day, FlagThresholds t) {
        return lastingFlags(facts, t) | emailFlag(emailUnengagedFrom(facts, t), day);
    }

    /** The flags that do not change with the day, only with the facts: all but email unengaged. */
    public static int lastingFlags(CustomerFacts facts, FlagThresholds t) {
        int mask = 0;
        if (facts.windowReturns() > 0
                && facts.windowReturns() >= t.highReturnShare() * facts.windowGross()) {
            mask |= Flag.HIGH_RETURN_RATE.bit();
        }
        if (facts.channelOrders() >= t.singleChannelMinOrders()
                && facts.topChannelShare() >= t.singleChannelShare()) {
            mask |= Flag.SINGLE_CHANNEL.bit();
        }
        if (facts.lifetimeOrders() >= t.discountMinOrders()
                && facts.discountedOrderShare() >= t.discountShare()) {
            mask |= Flag.DISCOUNT_DEPENDENT.bit();
        }
        return mask;
    }

    /** The email-unengaged bit at {@code day}, given {@link #emailUnengagedFrom}. */
    public static int emailFlag(int unengagedFrom, int day) {
        return day >= unengagedFrom ? Flag.EMAIL_UNENGAGED.bit() : 0;
    }

    /**
     * The first day on which the customer is email-unengaged while the facts stay as they are:
     * {@link Integer#MIN_VALUE} for every day (unsubscribed), {@link Integer#MAX_VALUE} for none
     * (no engagement data, or enough email events), else the day the customer has been known for
     * the minimum tenure.
     */
    public static int emailUnengagedFrom(CustomerFacts facts, FlagThresholds t) {
        if (facts.unsubscribed() && t.emailUnsubscribed()) {
            return Integer.MIN_VALUE;
        }
        if (facts.lastEngagementDay() == CustomerFacts.NEVER) {
            return Integer.MAX_VALUE; // no engagement data for this customer: unknown, not unengaged
        }
        int knownSince = facts.hasOrdered() && facts.firstOrderDay() != CustomerFacts.NEVER
                ? Math.min(facts.firstOrderDay(), facts.lastEngagementDay())
                : facts.lastEngagementDay();
        int emailEvents = facts.engagement90(EngagementType.EMAIL_OPEN)
                + facts.engagement90(EngagementType.EMAIL_CLICK);
        // day - knownSince >= tenure, for days and tenures far from the int range's ends
        return emailEvents <= t.emailMaxEvents90() ? knownSince + t.emailMinTenureDays() : Integer.MAX_VALUE;
    }
}
