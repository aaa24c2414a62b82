package org.retentionsegments.generate;

import java.util.Map;

/**
 * What a run wrote. Row counts exclude headers.
 *
 * @param orders purchases (positive orders), including planted ones
 * @param returnOrders return orders (negative amounts)
 * @param orderLines rows of {@code orders.csv}
 * @param eligible customers the program targeted (rows of {@code treatments.csv})
 * @param treated eligible customers in the treatment arm
 * @param expectedLift mean over eligible customers of {@code min(L, 1 - p_i)}: equals the planted
 *     lift unless some customer's natural probability {@code p_i} exceeded {@code 1 - L}
 */
public record GenerationSummary(
        long customers,
        long orders,
        long returnOrders,
        long orderLines,
        long engagementEvents,
        long eligible,
        long treated,
        double expectedLift,
        Map<Archetype, Long> archetypeCounts) {

    public GenerationSummary {
        archetypeCounts = Map.copyOf(archetypeCounts);
    }

    public long holdout() {
        return eligible - treated;
    }
}
