package org.retentionsegments.core.refresh;

import org.retentionsegments.core.scoring.Tiers;

/**
 * What one refresh scores against: the refresh day (epoch day), the population purchase cycle
 * and the boundaries of the three dimensions.
 */
public record RefreshScales(int day, double cycleDays, Tiers recency, Tiers frequency,
        Tiers monetary) {}
