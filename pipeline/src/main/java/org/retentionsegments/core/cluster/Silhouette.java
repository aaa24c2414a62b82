package org.retentionsegments.core.cluster;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.ml.clustering.DoublePoint;

/**
 * The mean silhouette of a clustering (Rousseeuw 1987), with Euclidean distances: for each point,
 * {@code (b - a) / max(a, b)}, where a is its mean distance to the other points of its cluster and
 * b the lowest mean distance to the points of another cluster; a point alone in its cluster scores
 * 0 (as scikit-learn does). Exact, O(n^2), over the points given; {@link #sample} draws the seeded
 * subset the trainer uses above {@link ClusterTrainer.Settings#silhouetteSample} customers.
 */
public final class Silhouette {

    private Silhouette() {}

    /** The mean silhouette of the points at {@code indices} (within that subset), clustered by {@code assignment}. */
    public static double mean(List<DoublePoint> points, int[] assignment, int k, int[] indices) {
        int n = indices.length;
        int dims = points.get(0).getPoint().length;
        double[] coords = new double[n * dims];
        int[] cluster = new int[n];
        int[] sizes = new int[k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points.get(indices[i]).getPoint(), 0, coords, i * dims, dims);
            cluster[i] = assignment[indices[i]];
            sizes[cluster[i]]++;
        }
        double sum = IntStream.range(0, n).parallel().mapToDouble(i -> {
            if (sizes[cluster[i]] <= 1) {
                return 0;
            }
            double[] toCluster = new double[k];
            for (int j = 0; j < n; j++) {
                double d2 = 0;
                for (int x = 0; x < dims; x++) {
                    double diff = coords[i * dims + x] - coords[j * dims + x];
                    d2 += diff * diff;
                }
                toCluster[cluster[j]] += Math.sqrt(d2);
            }
            double a = toCluster[cluster[i]] / (sizes[cluster[i]] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != cluster[i] && sizes[c] > 0) {
                    b = Math.min(b, toCluster[c] / sizes[c]);
                }
            }
            if (b == Double.POSITIVE_INFINITY) {
                return 0;
            }
            double max = Math.max(a, b);
            return max == 0 ? 0 : (b - a) / max;
        }).sum();
        return sum / n;
    }

    /** All indices 0..n-1 when {@code n <= size}; else {@code size} of them drawn without replacement, seeded, ascending. */
    public static int[] sample(int n, int size, long seed) {
        if (n <= size) {
            return IntStream.range(0, n).toArray();
        }
        // a partial Fisher-Yates shuffle of 0..n-1
        int[] all = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(all, size);
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
