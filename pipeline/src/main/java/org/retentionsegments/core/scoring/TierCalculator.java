package org.retentionsegments.core.scoring;

import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.TierMethod;
import org.retentionsegments.core.config.TierSpec;

/**
 * Turns a dimension's {@link TierSpec} into the boundaries of one refresh.
 *
 * <p>Quantile boundaries use the nearest-rank definition over the scored population (customers
 * who ever ordered): b_i is the smallest raw value v such that at least
 * {@code ceil(p_i * N)} customers have a raw value {@code <= v}. Recency is read from the
 * histogram of last-order days (recency = refresh day - last order day, floored at 0), so it needs
 * no update when only the calendar moves; monetary (window and lifetime) from the histogram of
 * cents.
 *
 * <p>{@code distinct} (frequency and monetary) starts from the same quantile boundaries and moves
 * them apart where ties would collapse two tiers: see {@link #distinct}.
 */
public final class TierCalculator {

    private TierCalculator() {}

    /** Monetary values are compared in whole cents so histogram and scoring agree exactly. */
    public static long cents(double money) {
        return Math.round(money * 100.0);
    }

    public static double money(long cents) {
        return cents / 100.0;
    }

    public static int recencyDays(int refreshDay, int lastOrderDay) {
        return Math.max(0, refreshDay - lastOrderDay);
    }

    /**
     * @param histogram the dimension's histogram: last-order days, frequencies or cents
     * @param refreshDay epoch day of the refresh (for recency)
     * @param cycleDays the population purchase cycle (for the cycle method)
     */
    public static Tiers tiers(Dimension dimension, TierSpec spec, CountHistogram histogram,
            int refreshDay, double cycleDays) {
        double[] values = spec.values();
        double[] bounds = new double[4];
        switch (spec.method()) {
            case FIXED -> bounds = values;
            case CYCLE -> {
                for (int i = 0; i < 4; i++) {
                    bounds[i] = values[i] * cycleDays;
                }
            }
            case QUANTILE, DISTINCT -> {
                // Frequency and monetary are calibrated on the customers who have any: in a
                // window where most customers bought nothing, quantiles over everyone would
                // collapse onto zero and give every buyer a top score.
                long[] keys = dimension == Dimension.RECENCY
                        ? histogram.nearestRank(values, true)
                        : histogram.nearestRankAbove(0, values);
                if (spec.method() == TierMethod.DISTINCT) {
                    keys = distinct(keys, histogram.keysAbove(0));
                }
                for (int i = 0; i < 4; i++) {
                    bounds[i] = dimension == Dimension.RECENCY
                            ? histogram.total() == 0 ? 0 : recencyDays(refreshDay, (int) keys[i])
                            : raw(dimension, keys[i]);
                }
            }
        }
        return new Tiers(dimension, spec.method(), bounds);
    }

    /**
     * The boundaries of {@code distinct}: nearest-rank {@code quantiles} (ascending keys) moved
     * apart so that ties never collapse two tiers while there are values to go round. With the
     * distinct values {@code d[0] < ... < d[D-1]}, boundary i (1-4) is
     * {@code min(max(q_i, next value above b_(i-1)), d[D-6+i])}: at least one value above the one
     * before it (no empty tier from ties), and at most the value that still leaves one distinct value
     * for each tier above it (no empty top tier). With D >= 5 every tier holds at least one distinct
     * value; with fewer, the lowest tiers stay empty. Where the quantiles are already strictly
     * ascending and leave room above, they are returned unchanged.
     *
     * @param distinct the distinct values, ascending (empty: the quantiles are returned)
     */
    public static long[] distinct(long[] quantiles, long[] distinct) {
        if (distinct.length == 0) {
            return quantiles.clone();
        }
        long[] bounds = new long[quantiles.length];
        int at = 0; // index into distinct of the value after the previous boundary
        for (int i = 0; i < quantiles.length; i++) {
            int floor = at;
            while (floor < distinct.length - 1 && distinct[floor] < quantiles[i]) {
                floor++;
            }
            int ceiling = Math.max(0, distinct.length - 1 - (quantiles.length - i));
            int chosen = Math.min(Math.max(floor, at), ceiling);
            bounds[i] = Math.max(distinct[chosen], i == 0 ? Long.MIN_VALUE : bounds[i - 1]);
            at = Math.min(chosen + 1, distinct.length - 1);
        }
        return bounds;
    }

    /** Actual bucket sizes, indexed by score 1..5 (index 0 unused), from the histogram. */
    public static long[] bucketSizes(Tiers tiers, CountHistogram histogram, int refreshDay) {
        long[] sizes = new long[6];
        histogram.countInto(sizes, key -> tiers.score(tiers.dimension() == Dimension.RECENCY
                ? recencyDays(refreshDay, (int) key) : raw(tiers.dimension(), key)));
        return sizes;
    }

    /** The raw value of a histogram key of frequency or monetary: orders, or money from cents. */
    private static double raw(Dimension dimension, long key) {
        return dimension.money() ? money(key) : key;
    }
}
