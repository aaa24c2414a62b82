package org.retentionsegments.core.cluster;

import java.util.Arrays;

/**
 * Equal-width bins from the lowest value up to {@code upper}, and how many values lie above it.
 * The number of bins follows the Freedman-Diaconis rule (width {@code 2 * IQR / n^(1/3)}, robust to
 * the long tails of spend and frequency), held between 10 and 40 so that a phone shows every bar
 * and a small sample still has a shape; 10 when the interquartile range is 0. For whole numbers
 * (days, orders) the width is rounded up to a whole number, so that no bin falls between two
 * integers.
 *
 * @param lower the first bin's lower edge (the lowest value)
 * @param width every bin's width
 * @param upper the last bin's upper edge (a value there is in the last bin)
 * @param counts values per bin: bin i holds {@code [lower + i * width, lower + (i + 1) * width)},
 *     the last one up to {@code upper}
 * @param above values above {@code upper}
 */
public record Histogram(double lower, double width, double upper, long[] counts, long above) {

    static final int MIN_BINS = 10;
    static final int MAX_BINS = 40;

    public static Histogram of(double[] values, double upper, boolean whole) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double lower = sorted[0];
        double range = upper - lower;
        double iqr = BoxStats.quantile(sorted, 0.75) - BoxStats.quantile(sorted, 0.25);
        int bins = iqr > 0 ? (int) Math.ceil(range / (2 * iqr / Math.cbrt(sorted.length))) : MIN_BINS;
        bins = Math.max(MIN_BINS, Math.min(MAX_BINS, bins));
        double width = range > 0 ? range / bins : 1;
        if (whole) {
            width = Math.max(1, Math.ceil(width));
            bins = (int) Math.floor(range / width) + 1;
        }
        long[] counts = new long[bins];
        long above = 0;
        for (double v : sorted) {
            if (v > upper) {
                above++;
            } else {
                counts[Math.min((int) ((v - lower) / width), bins - 1)]++;
            }
        }
        return new Histogram(lower, width, upper, counts, above);
    }

    /** The lower edge of bin {@code i}; {@code upper} for the end of the last one. */
    public double edge(int i) {
        return i == counts.length ? upper : lower + i * width;
    }
}
