package org.retentionsegments.core.cluster;

import java.util.Arrays;

/**
 * The five numbers of a box plot, Tukey's way: quartiles by linear interpolation between the
 * sorted values (the default of R, NumPy and Excel's QUARTILE.INC: the p-quantile sits at position
 * {@code p * (n - 1)}), and whiskers at the most extreme values within 1.5 interquartile ranges of
 * the box; {@code beyond} counts the values outside the whiskers.
 */
public record BoxStats(double lowerWhisker, double q1, double median, double q3, double upperWhisker, long beyond) {

    public static BoxStats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a box plot needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double low = q1 - 1.5 * (q3 - q1);
        double high = q3 + 1.5 * (q3 - q1);
        double lowerWhisker = Arrays.stream(sorted).filter(v -> v >= low).min().orElseThrow();
        double upperWhisker = Arrays.stream(sorted).filter(v -> v <= high).max().orElseThrow();
        long beyond = Arrays.stream(sorted).filter(v -> v < low || v > high).count();
        return new BoxStats(lowerWhisker, q1, quantile(sorted, 0.5), q3, upperWhisker, beyond);
    }

    /** The p-quantile of sorted values, interpolated linearly at position {@code p * (n - 1)}. */
    public static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** {@code [lower whisker, q1, median, q3, upper whisker]}, as a box plot series takes them. */
    public double[] five() {
        return new double[] {lowerWhisker, q1, median, q3, upperWhisker};
    }
}
