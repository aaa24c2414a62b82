package org.retentionsegments.core.cluster;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * K-Means with k-means++ seeding, by commons-math3's {@link KMeansPlusPlusClusterer}, restarted
 * with several seeds; the fit with the lowest inertia (sum of squared distances of the points to
 * their nearest centroid) wins. Deterministic for a given seed.
 */
public final class KMeans {

    /** A fit: centroids, each point's nearest centroid, and the inertia. */
    public record Fit(double[][] centroids, int[] assignment, double inertia) {}

    static final int MAX_ITERATIONS = 300;

    private KMeans() {}

    /** The seed of restart {@code r} (0-based) of a training seeded with {@code seed}. */
    static long restartSeed(long seed, int k, int r) {
        return seed * 1_000_003L + k * 1_009L + r;
    }

    public static Fit fit(List<DoublePoint> points, int k, int restarts, long seed) {
        if (k < 1 || k > points.size()) {
            throw new IllegalArgumentException("cannot make " + k + " clusters of " + points.size() + " customers");
        }
        // the restarts are independent: they run on every core, and the lowest inertia wins
        // (ties: the earlier restart), so the result does not depend on the number of cores
        List<Fit> fits = java.util.stream.IntStream.range(0, restarts).parallel().mapToObj(r -> {
            KMeansPlusPlusClusterer<DoublePoint> clusterer = new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS,
                    new EuclideanDistance(), new Well19937c(restartSeed(seed, k, r)));
            List<CentroidCluster<DoublePoint>> clusters = clusterer.cluster(points);
            List<double[]> centroids = new ArrayList<>();
            for (CentroidCluster<DoublePoint> c : clusters) {
                centroids.add(c.getCenter().getPoint().clone());
            }
            return assign(points, centroids.toArray(double[][]::new));
        }).toList();
        Fit best = fits.get(0);
        for (Fit fit : fits) {
            if (fit.inertia() < best.inertia()) {
                best = fit;
            }
        }
        return best;
    }

    /** Each point's nearest centroid (ties: the lower number) and the inertia. */
    public static Fit assign(List<DoublePoint> points, double[][] centroids) {
        int[] assignment = new int[points.size()];
        double inertia = 0;
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i).getPoint();
            int nearest = nearest(p, centroids);
            assignment[i] = nearest;
            inertia += squaredDistance(p, centroids[nearest]);
        }
        return new Fit(centroids, assignment, inertia);
    }

    static int nearest(double[] p, double[][] centroids) {
        int nearest = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = squaredDistance(p, centroids[c]);
            if (d < best) {
                best = d;
                nearest = c;
            }
        }
        return nearest;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
