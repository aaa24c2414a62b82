package org.retentionsegments.core.predict;

/**
 * A repeat customer's spend as the Gamma-Gamma model reads it: the number of repeat purchases
 * ({@code repeats}, x ≥ 1) and their mean value ({@code meanValue}, m<sub>x</sub> &gt; 0).
 */
public record SpendHistory(int repeats, double meanValue) {

    public SpendHistory {
        if (repeats < 1 || !(meanValue > 0) || Double.isInfinite(meanValue)) {
            throw new IllegalArgumentException("not a repeat spend: x=" + repeats + ", m_x=" + meanValue);
        }
    }
}
