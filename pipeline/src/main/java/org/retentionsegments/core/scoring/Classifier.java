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
        if (!facts.hasOrdered()) {
            return LifecycleStage.PROSPECT;
        }
        int recency = Math.max(0, day - facts.lastOrderDay());
        if (facts.firstOrderDay() != CustomerFacts.NEVER
                && day - facts.firstOrderDay() <= t.newWithin() * cycleDays) {
            return LifecycleStage.NEW;
        }
        boolean active = recency <= t.activeWithin() * cycleDays;
        if (active && facts.previousOrderDay() != CustomerFacts.NEVER
                && facts.lastOrderDay() - facts.previousOrderDay() > t.lapsingWithin() * cycleDays) {
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
        if (emailUnengaged(facts, day, t)) {
            mask |= Flag.EMAIL_UNENGAGED.bit();
        }
        return mask;
    }

    private static boolean emailUnengaged(CustomerFacts facts, int day, FlagThresholds t) {
        if (facts.unsubscribed() && t.emailUnsubscribed()) {
            return true;
        }
        if (facts.lastEngagementDay() == CustomerFacts.NEVER) {
            return false; // no engagement data for this customer: unknown, not unengaged
        }
        int knownSince = facts.hasOrdered() && facts.firstOrderDay() != CustomerFacts.NEVER
                ? Math.min(facts.firstOrderDay(), facts.lastEngagementDay())
                : facts.lastEngagementDay();
        int emailEvents = facts.engagement90(EngagementType.EMAIL_OPEN)
                + facts.engagement90(EngagementType.EMAIL_CLICK);
        return day - knownSince >= t.emailMinTenureDays() && emailEvents <= t.emailMaxEvents90();
    }
}
