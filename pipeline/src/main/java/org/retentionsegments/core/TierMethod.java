package org.retentionsegments.core;

import java.util.Locale;

/** How the four boundaries of a 1-5 score are found (DESIGN section 4). */
public enum TierMethod {
    /** At the configured points (default 20/40/60/80 %) of the current population, nearest rank. */
    QUANTILE,
    /** Business thresholds given in the configuration. */
    FIXED,
    /** Recency only: multiples of the population's purchase cycle. */
    CYCLE,
    /**
     * Not recency: the quantile boundaries moved apart where ties would collapse two tiers, so every
     * tier holds at least one distinct value when there are five ({@code TierCalculator#distinct}).
     */
    DISTINCT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
