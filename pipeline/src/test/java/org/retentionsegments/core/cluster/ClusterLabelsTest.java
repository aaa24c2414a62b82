package org.retentionsegments.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ClusterLabelsTest {

    // centroids: {recency, frequency, monetary} in the standardised space
    private static final double[] TOP = {-1.0, 2.0, 2.0};
    private static final double[] HIGH_OLDER = {0.5, 0.8, 0.6};
    private static final double[] LOW_RECENT = {-0.8, -0.5, -0.7};
    private static final double[] LOW_LAPSED = {1.2, -1.0, -1.1};

    @Test
    void fourClustersGetTheSeedsFourLabelsNumberedByValue() {
        double[][] centroids = {LOW_LAPSED, TOP, LOW_RECENT, HIGH_OLDER};
        int[] order = ClusterLabels.order(centroids);
        assertArrayEquals(new int[] {1, 3, 2, 0}, order);
        assertArrayEquals(new ClusterLabel[] {ClusterLabel.REWARD, ClusterLabel.RETAIN, ClusterLabel.NURTURE,
                ClusterLabel.RE_ENGAGE}, ClusterLabels.label(ClusterLabels.reorder(centroids, order)));
    }

    @Test
    void twoClustersGetARewardAndALowLabel() {
        assertArrayEquals(new ClusterLabel[] {ClusterLabel.REWARD, ClusterLabel.RE_ENGAGE},
                ClusterLabels.label(new double[][] {TOP, LOW_LAPSED}));
        assertArrayEquals(new ClusterLabel[] {ClusterLabel.REWARD, ClusterLabel.NURTURE},
                ClusterLabels.label(new double[][] {TOP, LOW_RECENT}));
    }

    @Test
    void moreThanFourClustersShareLabelsByTheSameRule() {
        double[][] centroids = {TOP, {0.0, 1.5, 1.5}, HIGH_OLDER, LOW_RECENT, LOW_LAPSED, {2.0, -2.0, -2.0}};
        int[] order = ClusterLabels.order(centroids);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, order);
        assertArrayEquals(new ClusterLabel[] {ClusterLabel.REWARD, ClusterLabel.RETAIN, ClusterLabel.RETAIN,
                ClusterLabel.NURTURE, ClusterLabel.RE_ENGAGE, ClusterLabel.RE_ENGAGE},
                ClusterLabels.label(ClusterLabels.reorder(centroids, order)));
    }
}
