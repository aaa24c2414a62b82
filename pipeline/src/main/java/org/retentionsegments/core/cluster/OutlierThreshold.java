package org.retentionsegments.core.cluster;

import java.util.Arrays;

/**
 * The upper outlier threshold of one log feature: {@code median + c * spread}, where the spread is
 * the median absolute deviation scaled to a standard deviation ({@code 1.4826 * MAD}, so that
 * {@code c = 3.5} is Iglewicz and Hoaglin's modified z-score cut-off). When more than half the
 * customers share one value the MAD is 0; the spread is then the mean absolute deviation from the
 * median scaled the same way ({@code 1.2533 * MeanAD}), and when that is 0 too nobody is an
 * outlier of this feature.
 *
 * @param spreadKind {@code mad}, {@code mean_ad} or {@code none}
 * @param threshold on the log scale ({@code log(1 + x)}); a customer strictly above it is an outlier
 */
public record OutlierThreshold(double median, double spread, String spreadKind, double c, double threshold) {

    static final double MAD_TO_SD = 1.4826;
    static final double MEAN_AD_TO_SD = 1.2533;

    public static OutlierThreshold fit(double[] values, double c) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot fit an outlier threshold on no values");
        }
        double median = median(values.clone());
        double[] deviations = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
            sum += deviations[i];
        }
        double mad = median(deviations);
        if (mad > 1e-12) {
            return new OutlierThreshold(median, MAD_TO_SD * mad, "mad", c, median + c * MAD_TO_SD * mad);
        }
        double meanAd = sum / values.length;
        if (meanAd > 1e-12) {
            return new OutlierThreshold(median, MEAN_AD_TO_SD * meanAd, "mean_ad", c,
                    median + c * MEAN_AD_TO_SD * meanAd);
        }
        return new OutlierThreshold(median, 0, "none", c, Double.POSITIVE_INFINITY);
    }

    public boolean isOutlier(double logValue) {
        return logValue > threshold;
    }

    /** The threshold in the feature's own units (orders, money): {@code exp(threshold) - 1}. */
    public double rawThreshold() {
        return Math.expm1(threshold);
    }

    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
