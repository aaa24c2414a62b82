package org.retentionsegments.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalerAndOutliersTest {

    @Test
    void scalerStandardisesWithThePopulationDeviationAndLeavesAConstantFeatureAlone() {
        Scaler scaler = Scaler.fit(List.of(new double[] {1, 2}, new double[] {3, 2}, new double[] {5, 2}));
        assertArrayEquals(new double[] {3, 2}, scaler.means(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(8.0 / 3), 1}, scaler.deviations(), 1e-12);
        assertArrayEquals(new double[] {-2 / Math.sqrt(8.0 / 3), 0}, scaler.apply(new double[] {1, 2}), 1e-12);
        assertArrayEquals(new double[] {7, 9}, scaler.invert(scaler.apply(new double[] {7, 9})), 1e-12);
    }

    @Test
    void thresholdIsMedianPlusCTimesTheScaledMad() {
        // median 3, absolute deviations 2 1 0 1 97: MAD 1
        OutlierThreshold t = OutlierThreshold.fit(new double[] {4, 1, 100, 3, 2}, 3.5);
        assertEquals(3, t.median(), 1e-12);
        assertEquals("mad", t.spreadKind());
        assertEquals(1.4826, t.spread(), 1e-12);
        assertEquals(3 + 3.5 * 1.4826, t.threshold(), 1e-12);
        assertTrue(t.isOutlier(100));
        assertFalse(t.isOutlier(8.18));
        assertTrue(t.isOutlier(8.19));
        assertEquals(Math.expm1(t.threshold()), t.rawThreshold(), 1e-9);
    }

    @Test
    void whenMostValuesTieTheMeanAbsoluteDeviationTakesOver() {
        // median 0, MAD 0; mean absolute deviation (0+0+0+1+10)/5 = 2.2
        OutlierThreshold t = OutlierThreshold.fit(new double[] {0, 10, 0, 1, 0}, 2);
        assertEquals("mean_ad", t.spreadKind());
        assertEquals(1.2533 * 2.2, t.spread(), 1e-12);
        assertEquals(2 * 1.2533 * 2.2, t.threshold(), 1e-12);
        assertTrue(t.isOutlier(10));
        assertFalse(t.isOutlier(1));
    }

    @Test
    void identicalValuesHaveNoOutliers() {
        OutlierThreshold t = OutlierThreshold.fit(new double[] {2, 2, 2}, 3.5);
        assertEquals("none", t.spreadKind());
        assertFalse(t.isOutlier(1e300));
    }

    @Test
    void outlierGroupsFollowTheSeed() {
        assertEquals(ClusterLabel.DELIGHT, ClusterLabel.outlierGroup(true, true));
        assertEquals(ClusterLabel.PAMPER, ClusterLabel.outlierGroup(false, true));
        assertEquals(ClusterLabel.UPSELL, ClusterLabel.outlierGroup(true, false));
        assertEquals(null, ClusterLabel.outlierGroup(false, false));
        assertEquals(-1, ClusterLabel.PAMPER.outlierCluster());
        assertEquals(-2, ClusterLabel.UPSELL.outlierCluster());
        assertEquals(-3, ClusterLabel.DELIGHT.outlierCluster());
    }
}
