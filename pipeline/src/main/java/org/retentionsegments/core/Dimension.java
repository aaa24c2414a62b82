package org.retentionsegments.core;

import java.util.Locale;

/**
 * The scored dimensions: recency, and frequency and monetary value both over the rolling window
 * and over the customer's lifetime. Recency is mirrored: fewer days is better. The lifetime pair
 * keeps a big spender who has gone quiet recognisable after the window has emptied.
 */
public enum Dimension {
    RECENCY,
    FREQUENCY,
    MONETARY,
    /** Positive orders ever. */
    LIFETIME_FREQUENCY,
    /** Net amount ever, floored at zero. */
    LIFETIME_MONETARY;

    /** The window's three, which the composite score and the R x F x M grid use. */
    public static final Dimension[] RFM = {RECENCY, FREQUENCY, MONETARY};

    /** {@code recency}, {@code frequency}, {@code lifetime_monetary}, ..., as in {@code score_boundary}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mirrored() {
        return this == RECENCY;
    }

    /** Whether raw values are money (compared in whole cents). */
    public boolean money() {
        return this == MONETARY || this == LIFETIME_MONETARY;
    }

    /** Whether the dimension counts the customer's whole history rather than the window. */
    public boolean lifetime() {
        return this == LIFETIME_FREQUENCY || this == LIFETIME_MONETARY;
    }
}
