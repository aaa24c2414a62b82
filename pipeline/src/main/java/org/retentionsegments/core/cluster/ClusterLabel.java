package org.retentionsegments.core.cluster;

/**
 * The business labels of seed 002: four for the clusters, named from their centroids (see
 * {@link ClusterLabels}), and three outlier groups separated before clustering, with fixed
 * negative cluster numbers.
 */
public enum ClusterLabel {
    REWARD("Reward", 0),
    RETAIN("Retain", 0),
    NURTURE("Nurture", 0),
    RE_ENGAGE("Re-Engage", 0),
    /** Monetary outliers: very high spend, not especially frequent. */
    PAMPER("PAMPER", -1),
    /** Frequency outliers: very frequent, not especially high spend. */
    UPSELL("UPSELL", -2),
    /** Outliers on both: extreme frequency and spend. */
    DELIGHT("DELIGHT", -3);

    private final String label;
    private final int outlierCluster;

    ClusterLabel(String label, int outlierCluster) {
        this.label = label;
        this.outlierCluster = outlierCluster;
    }

    public String label() {
        return label;
    }

    /** The cluster number of an outlier group (-1, -2, -3); 0 for the cluster labels. */
    public int outlierCluster() {
        return outlierCluster;
    }

    public boolean isOutlierGroup() {
        return outlierCluster < 0;
    }

    /** The outlier group of a customer above the frequency and/or monetary threshold; null if neither. */
    public static ClusterLabel outlierGroup(boolean frequent, boolean bigSpender) {
        return frequent && bigSpender ? DELIGHT : bigSpender ? PAMPER : frequent ? UPSELL : null;
    }

    public static ClusterLabel of(String label) {
        for (ClusterLabel l : values()) {
            if (l.label.equals(label)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown cluster label '" + label + "'");
    }
}
