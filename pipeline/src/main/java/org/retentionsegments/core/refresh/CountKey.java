package org.retentionsegments.core.refresh;

import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.scoring.TierCalculator;

/**
 * What one customer contributes to the population distributions a refresh calibrates against:
 * last order day, window frequency and monetary cents, lifetime orders and lifetime cents
 * (customers who ever ordered), and the median gap between orders at half-day resolution (repeat
 * customers). Comparing a customer's old and new key gives the exact change of the distributions,
 * so they can be kept as counts merged from many subtasks.
 *
 * @param lifetimeOrders positive orders ever
 * @param lifetimeCents the net amount ever floored at zero, in cents
 * @param halfDayGap the median gap in half days, or {@link #NO_GAP}
 */
public record CountKey(boolean ordered, long lastOrderDay, long frequency, long monetaryCents,
        long lifetimeOrders, long lifetimeCents, long halfDayGap) {

    public static final long NO_GAP = Long.MIN_VALUE;

    public static CountKey of(CustomerFacts facts) {
        double gap = facts.medianGapDays();
        return new CountKey(facts.hasOrdered(), facts.lastOrderDay(), facts.frequency(),
                TierCalculator.cents(facts.monetary()), facts.lifetimeOrders(),
                TierCalculator.cents(facts.lifetimeMonetary()), Double.isNaN(gap) ? NO_GAP : Math.round(gap * 2));
    }
}
