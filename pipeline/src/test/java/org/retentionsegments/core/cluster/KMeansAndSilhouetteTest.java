package org.retentionsegments.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class KMeansAndSilhouetteTest {

    /** Three blobs of 200 points around (0,0,0), (5,5,5) and (-5,5,0), seeded. */
    static List<DoublePoint> blobs(int[] truth) {
        Random random = new Random(7);
        double[][] centres = {{0, 0, 0}, {5, 5, 5}, {-5, 5, 0}};
        List<DoublePoint> points = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int c = i % 3;
            truth[i] = c;
            points.add(new DoublePoint(new double[] {centres[c][0] + random.nextGaussian() * 0.5,
                    centres[c][1] + random.nextGaussian() * 0.5, centres[c][2] + random.nextGaussian() * 0.5}));
        }
        return points;
    }

    @Test
    void oneRestartIsTheLibrarysFitWithTheSameSeed() {
        List<DoublePoint> points = blobs(new int[600]);
        KMeans.Fit fit = KMeans.fit(points, 4, 1, 11);
        List<CentroidCluster<DoublePoint>> library = new KMeansPlusPlusClusterer<DoublePoint>(4, KMeans.MAX_ITERATIONS,
                new EuclideanDistance(), new Well19937c(KMeans.restartSeed(11, 4, 0))).cluster(points);
        double[][] expected = library.stream().map(c -> c.getCenter().getPoint()).toArray(double[][]::new);
        assertEquals(expected.length, fit.centroids().length);
        for (int c = 0; c < expected.length; c++) {
            assertArrayEquals(expected[c], fit.centroids()[c], 1e-12);
        }
        double inertia = 0;
        for (CentroidCluster<DoublePoint> c : library) {
            for (DoublePoint p : c.getPoints()) {
                inertia += KMeans.squaredDistance(p.getPoint(), c.getCenter().getPoint());
            }
        }
        assertEquals(inertia, fit.inertia(), 1e-6);
    }

    @Test
    void recoversSeparatedBlobsAndMoreRestartsNeverRaiseTheInertia() {
        int[] truth = new int[600];
        List<DoublePoint> points = blobs(truth);
        KMeans.Fit fit = KMeans.fit(points, 3, 5, 3);
        // the same partition as the truth, up to the cluster numbers
        int[] map = new int[3];
        Arrays.fill(map, -1);
        for (int i = 0; i < truth.length; i++) {
            if (map[truth[i]] == -1) {
                map[truth[i]] = fit.assignment()[i];
            }
            assertEquals(map[truth[i]], fit.assignment()[i], "point " + i);
        }
        assertEquals(3, new HashSet<>(List.of(map[0], map[1], map[2])).size());
        assertTrue(KMeans.fit(points, 3, 5, 3).inertia() <= KMeans.fit(points, 3, 1, 3).inertia() + 1e-9);
        double[][] sorted = fit.centroids().clone();
        Arrays.sort(sorted, Comparator.comparingDouble((double[] c) -> c[0]).thenComparingDouble(c -> c[2]));
        assertArrayEquals(new double[] {-5, 5, 0}, sorted[0], 0.15);
        assertArrayEquals(new double[] {0, 0, 0}, sorted[1], 0.15);
        assertArrayEquals(new double[] {5, 5, 5}, sorted[2], 0.15);
    }

    @Test
    void silhouetteOfAKnownExample() {
        List<DoublePoint> points = List.of(new DoublePoint(new double[] {0}), new DoublePoint(new double[] {1}),
                new DoublePoint(new double[] {10}), new DoublePoint(new double[] {11}));
        // points 0 and 11: a = 1, b = 10.5; points 1 and 10: a = 1, b = 9.5
        double expected = ((10.5 - 1) / 10.5 + (9.5 - 1) / 9.5) / 2;
        assertEquals(expected, Silhouette.mean(points, new int[] {0, 0, 1, 1}, 2, new int[] {0, 1, 2, 3}), 1e-12);
        // point 0 alone in its cluster scores 0; point 1: a = (9 + 10) / 2, b = 1; point 10: a = (9 + 1) / 2,
        // b = 10; point 11: a = (10 + 1) / 2, b = 11
        double alone = (0 + (1 - 9.5) / 9.5 + (10 - 5.0) / 10 + (11 - 5.5) / 11) / 4;
        assertEquals(alone, Silhouette.mean(points, new int[] {0, 1, 1, 1}, 2, new int[] {0, 1, 2, 3}), 1e-12);
        // on a subset, within the subset: points 0 and 10 in different clusters, each alone
        assertEquals(0, Silhouette.mean(points, new int[] {0, 1, 1, 1}, 2, new int[] {0, 2}), 1e-12);
    }

    @Test
    void sampleIsSeededDistinctAndAllBelowItsSize() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Silhouette.sample(5, 10, 1));
        int[] a = Silhouette.sample(1000, 100, 9);
        assertArrayEquals(a, Silhouette.sample(1000, 100, 9));
        assertEquals(100, a.length);
        Set<Integer> distinct = new HashSet<>();
        for (int i : a) {
            assertTrue(i >= 0 && i < 1000);
            distinct.add(i);
        }
        assertEquals(100, distinct.size());
        assertTrue(!Arrays.equals(a, Silhouette.sample(1000, 100, 10)));
    }
}
