package org.retentionsegments.core.cluster;

import java.util.List;

/**
 * Standardisation of the log features: {@code (x - mean) / deviation} per feature, with the
 * population standard deviation of the customers it was fitted on (a constant feature gets a
 * deviation of 1, so it contributes nothing instead of dividing by zero).
 */
public record Scaler(double[] means, double[] deviations) {

    public static Scaler fit(List<double[]> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a scaler on no rows");
        }
        int d = rows.get(0).length;
        double[] means = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            means[j] /= rows.size();
        }
        double[] deviations = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                double diff = row[j] - means[j];
                deviations[j] += diff * diff;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(deviations[j] / rows.size());
            deviations[j] = sd > 1e-12 ? sd : 1.0;
        }
        return new Scaler(means, deviations);
    }

    public double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - means[j]) / deviations[j];
        }
        return z;
    }

    /** The inverse of {@link #apply}: a point of the standardised space back on the log scale. */
    public double[] invert(double[] z) {
        double[] row = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            row[j] = z[j] * deviations[j] + means[j];
        }
        return row;
    }
}
