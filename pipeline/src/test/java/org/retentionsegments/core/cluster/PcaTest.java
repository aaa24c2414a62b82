package org.retentionsegments.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void pointsOnALineHaveAllTheirVarianceOnTheFirstComponentAlongTheLine() {
        List<double[]> line = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            line.add(new double[] {i, 2 * i + 1, -i});
        }
        Pca pca = Pca.fit(line, 2);
        assertEquals(1, pca.explained()[0], 1e-12);
        assertEquals(0, pca.explained()[1], 1e-12);
        double norm = Math.sqrt(6);
        assertArrayEquals(new double[] {1 / norm, 2 / norm, -1 / norm}, pca.components()[0], 1e-12);
        assertArrayEquals(new double[] {4.5, 10, -4.5}, pca.means(), 1e-12);
        // the point at i = 0 is 4.5 steps of length sqrt(6) below the mean, along the line
        assertEquals(-4.5 * norm, pca.project(line.get(0))[0], 1e-9);
    }

    @Test
    void axisAlignedSpreadsGiveTheAxesInOrderOfVariance() {
        // centred on (10, 20): variance 8/4 = 2 along x, 2/4 = 0.5 along y, no covariance
        List<double[]> rows = List.of(new double[] {12, 20}, new double[] {8, 20}, new double[] {10, 21},
                new double[] {10, 19});
        Pca pca = Pca.fit(rows, 2);
        assertArrayEquals(new double[] {0.8, 0.2}, pca.explained(), 1e-12);
        assertArrayEquals(new double[] {1, 0}, pca.components()[0], 1e-12);
        assertArrayEquals(new double[] {0, 1}, pca.components()[1], 1e-12);
        assertArrayEquals(new double[] {2, 0}, pca.project(new double[] {12, 20}), 1e-12);
        assertArrayEquals(new double[] {0, -1}, pca.project(new double[] {10, 19}), 1e-12);
    }

    @Test
    void correlatedFeaturesGiveTheDiagonals() {
        // variances 0.625 each, covariance 0.375: eigenvalues 1.0 on (1, 1) and 0.25 on (1, -1)
        List<double[]> rows = List.of(new double[] {1, 1}, new double[] {-1, -1}, new double[] {0.5, -0.5},
                new double[] {-0.5, 0.5});
        Pca pca = Pca.fit(rows, 2);
        assertArrayEquals(new double[] {0.8, 0.2}, pca.explained(), 1e-12);
        double h = Math.sqrt(0.5);
        assertArrayEquals(new double[] {h, h}, pca.components()[0], 1e-12);
        assertEquals(0, pca.components()[1][0] + pca.components()[1][1], 1e-12);
        assertEquals(Math.sqrt(2), pca.project(new double[] {1, 1})[0], 1e-12);
        assertEquals(0, pca.project(new double[] {1, 1})[1], 1e-12);
    }

    @Test
    void refusesTooFewRowsOrComponents() {
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(List.<double[]>of(new double[] {1, 2}), 1));
        assertThrows(IllegalArgumentException.class,
                () -> Pca.fit(List.of(new double[] {1, 2}, new double[] {3, 4}), 3));
    }
}
