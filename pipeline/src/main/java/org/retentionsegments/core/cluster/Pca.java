package org.retentionsegments.core.cluster;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * Principal component analysis by commons-math3: the eigenvectors of the rows' population
 * covariance matrix, by eigenvalue, highest first. Each component's sign is fixed so that its
 * largest loading is positive, so that the same rows always give the same picture.
 *
 * @param means the rows' mean per feature (subtracted before projecting)
 * @param components the first components, each a unit vector over the features
 * @param explained the share of the total variance each component explains (0 to 1)
 */
public record Pca(double[] means, double[][] components, double[] explained) {

    public static Pca fit(List<double[]> rows, int count) {
        if (rows.size() < 2) {
            throw new IllegalArgumentException("a PCA needs at least 2 rows, not " + rows.size());
        }
        double[][] data = rows.toArray(double[][]::new);
        int d = data[0].length;
        if (count < 1 || count > d) {
            throw new IllegalArgumentException("cannot take " + count + " components of " + d + " features");
        }
        double[] means = new double[d];
        for (double[] row : data) {
            for (int j = 0; j < d; j++) {
                means[j] += row[j] / data.length;
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Covariance(data, false).getCovarianceMatrix());
        double[] values = eigen.getRealEigenvalues();
        double total = Arrays.stream(values).map(v -> Math.max(v, 0)).sum();
        int[] order = IntStream.range(0, d).boxed().sorted(Comparator.comparingDouble(i -> -values[i]))
                .mapToInt(Integer::intValue).toArray();
        double[][] components = new double[count][];
        double[] explained = new double[count];
        for (int c = 0; c < count; c++) {
            double[] v = eigen.getEigenvector(order[c]).toArray();
            int largest = 0;
            for (int j = 1; j < d; j++) {
                largest = Math.abs(v[j]) > Math.abs(v[largest]) ? j : largest;
            }
            if (v[largest] < 0) {
                v = Arrays.stream(v).map(x -> -x).toArray();
            }
            components[c] = v;
            explained[c] = total > 0 ? Math.max(values[order[c]], 0) / total : 0;
        }
        return new Pca(means, components, explained);
    }

    /** The row's coordinates on the components. */
    public double[] project(double[] row) {
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            for (int j = 0; j < row.length; j++) {
                out[c] += (row[j] - means[j]) * components[c][j];
            }
        }
        return out;
    }
}
