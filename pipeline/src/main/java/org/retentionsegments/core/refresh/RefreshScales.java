package org.retentionsegments.core.refresh;

import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.scoring.Tiers;

/**
 * What one refresh scores against: the refresh day (epoch day), the population purchase cycle
 * and the boundaries of the window's three dimensions and of lifetime frequency and monetary.
 */
public record RefreshScales(int day, double cycleDays, Tiers recency, Tiers frequency,
        Tiers monetary, Tiers lifetimeFrequency, Tiers lifetimeMonetary) {

    /** The boundaries of one dimension. */
    public Tiers tiers(Dimension dimension) {
        return switch (dimension) {
            case RECENCY -> recency;
            case FREQUENCY -> frequency;
            case MONETARY -> monetary;
            case LIFETIME_FREQUENCY -> lifetimeFrequency;
            case LIFETIME_MONETARY -> lifetimeMonetary;
        };
    }
}
