package org.retentionsegments.core.cluster;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Names clusters from their centroids in the standardised space (features recency, frequency,
 * monetary; 0 is the clustered customers' average). A cluster's value is the mean of its
 * frequency and monetary coordinates. Clusters are numbered by value, highest first, and:
 * <ul>
 *   <li>the highest-value cluster is <b>Reward</b> (the most frequent, highest spend);
 *   <li>any other cluster of above-average value is <b>Retain</b> (high value, not the top);
 *   <li>a below-average cluster more recent than average is <b>Nurture</b> (recent, low value);
 *   <li>a below-average cluster less recent than average is <b>Re-Engage</b> (low and lapsed).
 * </ul>
 * The rule holds for any k: with k = 2 there is a Reward and a Nurture or Re-Engage cluster; with
 * k above 4 several clusters may share a label (and so a strategy), told apart by their number.
 */
public final class ClusterLabels {

    private ClusterLabels() {}

    /** Mean of the frequency and monetary coordinates. */
    public static double value(double[] centroid) {
        return (centroid[1] + centroid[2]) / 2;
    }

    /** The order in which the centroids are numbered: by value, highest first (ties: recency, then input order). */
    public static int[] order(double[][] centroids) {
        return IntStream.range(0, centroids.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -value(centroids[i]))
                        .thenComparingDouble(i -> centroids[i][0])
                        .thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The labels of centroids already numbered by {@link #order}. */
    public static ClusterLabel[] label(double[][] ordered) {
        ClusterLabel[] labels = new ClusterLabel[ordered.length];
        for (int c = 0; c < ordered.length; c++) {
            double[] centroid = ordered[c];
            labels[c] = c == 0 ? ClusterLabel.REWARD
                    : value(centroid) >= 0 ? ClusterLabel.RETAIN
                    : centroid[0] <= 0 ? ClusterLabel.NURTURE
                    : ClusterLabel.RE_ENGAGE;
        }
        return labels;
    }

    static double[][] reorder(double[][] centroids, int[] order) {
        return Arrays.stream(order).mapToObj(i -> centroids[i].clone()).toArray(double[][]::new);
    }
}
