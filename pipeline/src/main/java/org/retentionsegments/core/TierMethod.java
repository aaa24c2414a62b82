package org.retentionsegments.core;

import java.util.Locale;

/** How the four boundaries of a 1-5 score are found (DESIGN section 4). */
public enum TierMethod {
    /** At the configured points (default 20/40/60/80 %) of the current population, nearest rank. */
    QUANTILE,
    /** Business thresholds given in the configuration. */
    FIXED,
    /** Recency only: multiples of the population's purchase cycle. */
    CYCLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
