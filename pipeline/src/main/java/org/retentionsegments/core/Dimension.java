package org.retentionsegments.core;

import java.util.Locale;

/** The three RFM dimensions. Recency is mirrored: fewer days is better. */
public enum Dimension {
    RECENCY,
    FREQUENCY,
    MONETARY;

    /** {@code recency}, {@code frequency} or {@code monetary}, as in {@code score_boundary}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mirrored() {
        return this == RECENCY;
    }
}
