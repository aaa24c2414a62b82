package org.retentionsegments.core.cluster;

/**
 * One customer's raw recency, frequency and monetary value at a refresh, as the warehouse keeps
 * them: days since the last positive order, orders in the window, the window's net spend (floored
 * at zero).
 */
public record RfmPoint(String customerId, int recencyDays, int frequency, double monetary) {

    /** The features on the log scale, in {@link ClusterModel#FEATURES} order: log(1 + x) each. */
    public double[] logFeatures() {
        return new double[] {Math.log1p(recencyDays), Math.log1p(frequency), Math.log1p(monetary)};
    }
}
