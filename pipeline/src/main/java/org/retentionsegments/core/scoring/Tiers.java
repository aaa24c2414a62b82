package org.retentionsegments.core.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.TierMethod;

/**
 * The four ascending boundaries b1..b4 of one dimension at one refresh, and the score they give.
 * Buckets are intervals open below and closed above: (-inf, b1], (b1, b2], ..., (b4, +inf).
 * For frequency and monetary, bucket k earns score k: score = 1 + #{b : raw > b}. Recency is
 * mirrored (fewer days is better): score = 5 - #{b : days > b}, so days <= b1 earn 5. Equal
 * raw values therefore always get equal scores; equal boundaries leave a bucket empty.
 */
public record Tiers(Dimension dimension, TierMethod method, double[] bounds) {

    public Tiers {
        if (bounds.length != 4) {
            throw new IllegalArgumentException("four boundaries expected");
        }
        bounds = bounds.clone();
        for (int i = 1; i < 4; i++) {
            if (bounds[i] < bounds[i - 1]) {
                throw new IllegalArgumentException("boundaries must ascend: "
                        + Arrays.toString(bounds));
            }
        }
    }

    @Override
    public double[] bounds() {
        return bounds.clone();
    }

    /** The 1-5 score of a raw value (days for recency, orders, money). */
    public int score(double raw) {
        int exceeded = 0;
        for (double bound : bounds) {
            if (raw > bound) {
                exceeded++;
            }
        }
        return dimension.mirrored() ? 5 - exceeded : 1 + exceeded;
    }

    /**
     * One {@link ScoreBoundary} row per score 1..5 with the bucket's raw range (null where
     * unbounded) and its actual size, {@code customersByScore[score]}.
     */
    public List<ScoreBoundary> rows(LocalDate asOf, long[] customersByScore) {
        List<ScoreBoundary> rows = new ArrayList<>(5);
        for (int score = 1; score <= 5; score++) {
            int bucket = dimension.mirrored() ? 5 - score : score - 1; // 0 = lowest raw values
            Double lower = bucket == 0 ? null : bounds[bucket - 1];
            Double upper = bucket == 4 ? null : bounds[bucket];
            rows.add(new ScoreBoundary(asOf, dimension.label(), method.label(), score,
                    lower, upper, customersByScore[score]));
        }
        return rows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tiers t && t.dimension == dimension && t.method == method
                && Arrays.equals(t.bounds, bounds);
    }

    @Override
    public int hashCode() {
        return dimension.hashCode() * 31 + Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        return dimension.label() + " " + method.label() + " " + Arrays.toString(bounds);
    }
}
