package org.retentionsegments.core.cluster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.ml.clustering.DoublePoint;

/**
 * Trains a {@link ClusterModel} on the customers of one refresh, as seed 002 describes: log(1 + x)
 * of recency, frequency and monetary; the frequency and monetary outliers separated first
 * ({@link OutlierThreshold}, on the log scale, fitted on the customers whose value is above 0) into PAMPER, UPSELL and
 * DELIGHT; the others standardised ({@link Scaler}, fitted on them) and clustered by K-Means++ with
 * seeded restarts for every k of the range ({@link KMeans}; on a seeded sample of
 * {@code scanSample} customers when there are more, the chosen k then fitted on all of them);
 * inertia and mean silhouette recorded per k ({@link Silhouette}: exact up to
 * {@code silhouetteSample} customers, on a seeded sample of that many above); k is the one with the highest silhouette (ties: the smaller k) unless given;
 * clusters numbered and labelled by {@link ClusterLabels}.
 */
public final class ClusterTrainer {

    /**
     * @param kMin lowest k tried (at least 2), or the given k when {@code kMin == kMax}
     * @param restarts K-Means++ runs per k, each seeded differently; the lowest inertia wins
     * @param outlierC the c of {@code median + c * spread} on the log scale
     * @param silhouetteSample customers the silhouette is computed on at most (exact below)
     * @param scanSample customers the k range is tried on at most (all of them below; a seeded
     *     sample above); the chosen k is then fitted on all of them
     */
    public record Settings(int kMin, int kMax, boolean kGiven, int restarts, long seed, double outlierC,
            int silhouetteSample, int scanSample) {

        public static final int DEFAULT_SILHOUETTE_SAMPLE = 20_000;
        public static final int DEFAULT_SCAN_SAMPLE = 50_000;

        public Settings {
            if (kMin < 2 || kMax < kMin) {
                throw new IllegalArgumentException("the k range " + kMin + "-" + kMax
                        + " is not valid: k goes from 2 up, and the range's end is not below its start");
            }
            if (restarts < 1) {
                throw new IllegalArgumentException("restarts must be at least 1, not " + restarts);
            }
            if (!(outlierC > 0)) {
                throw new IllegalArgumentException("the outlier cut-off c must be above 0, not " + outlierC);
            }
            if (silhouetteSample < 100 || scanSample < 100) {
                throw new IllegalArgumentException("the silhouette and scan samples must be at least 100 customers");
            }
        }

        public static Settings range(int kMin, int kMax) {
            return new Settings(kMin, kMax, false, 5, 42, 3.5, DEFAULT_SILHOUETTE_SAMPLE, DEFAULT_SCAN_SAMPLE);
        }
    }

    private ClusterTrainer() {}

    /** The positive values; a single 0 when there are none (so that the threshold is 0 and nobody is above it). */
    static double[] positive(double[] values) {
        double[] positive = java.util.Arrays.stream(values).filter(v -> v > 0).toArray();
        return positive.length == 0 ? new double[] {0} : positive;
    }

    /**
     * Told after each k of the range is tried and, when the range was tried on a sample, after
     * the chosen k is fitted on every customer: {@code done} of {@code total} such steps.
     */
    @FunctionalInterface
    public interface Steps {
        Steps NONE = (done, total) -> {};

        void done(int done, int total);
    }

    public static ClusterModel train(List<RfmPoint> points, LocalDate asOf, Settings settings,
            Consumer<String> progress) {
        return train(points, asOf, settings, progress, Steps.NONE);
    }

    public static ClusterModel train(List<RfmPoint> points, LocalDate asOf, Settings settings,
            Consumer<String> progress, Steps steps) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no customer with an order to cluster at " + asOf);
        }
        int n = points.size();
        double[][] logs = new double[n][];
        double[] logFrequency = new double[n];
        double[] logMonetary = new double[n];
        for (int i = 0; i < n; i++) {
            logs[i] = points.get(i).logFeatures();
            logFrequency[i] = logs[i][1];
            logMonetary[i] = logs[i][2];
        }
        // fitted on the customers with a positive value: a lapsed customer's zero is never an
        // outlier, and a third of the customers at zero would widen the spread past every spender
        OutlierThreshold frequency = OutlierThreshold.fit(positive(logFrequency), settings.outlierC());
        OutlierThreshold monetary = OutlierThreshold.fit(positive(logMonetary), settings.outlierC());
        Map<String, Long> outlierCounts = new LinkedHashMap<>();
        for (ClusterLabel group : new ClusterLabel[] {ClusterLabel.PAMPER, ClusterLabel.UPSELL, ClusterLabel.DELIGHT}) {
            outlierCounts.put(group.label(), 0L);
        }
        List<double[]> inlierLogs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClusterLabel group = ClusterLabel.outlierGroup(frequency.isOutlier(logs[i][1]), monetary.isOutlier(logs[i][2]));
            if (group == null) {
                inlierLogs.add(logs[i]);
            } else {
                outlierCounts.merge(group.label(), 1L, Long::sum);
            }
        }
        int inliers = inlierLogs.size();
        progress.accept(String.format("%,d customers: %,d clustered, outliers %s (log-scale thresholds: frequency above"
                + " %.2f orders, monetary above %.2f)", n, inliers, outlierCounts, frequency.rawThreshold(),
                monetary.rawThreshold()));
        int kMax = Math.min(settings.kMax(), inliers - 1);
        if (kMax < settings.kMin()) {
            throw new IllegalArgumentException("only " + inliers + " customers are left to cluster after the outliers:"
                    + " too few for k = " + settings.kMin());
        }
        Scaler scaler = Scaler.fit(inlierLogs);
        List<DoublePoint> standardised = new ArrayList<>(inliers);
        for (double[] row : inlierLogs) {
            standardised.add(new DoublePoint(scaler.apply(row)));
        }
        // the k range is tried on at most scanSample customers (a seeded sample above), the
        // silhouette on at most silhouetteSample of those
        int[] scanIndices = Silhouette.sample(inliers, settings.scanSample(), settings.seed());
        List<DoublePoint> scan = scanIndices.length == inliers ? standardised
                : java.util.Arrays.stream(scanIndices).mapToObj(standardised::get).toList();
        int[] sample = Silhouette.sample(scan.size(), settings.silhouetteSample(), settings.seed() + 1);

        int totalSteps = kMax - settings.kMin() + 1 + (scan.size() < inliers ? 1 : 0);
        steps.done(0, totalSteps);
        List<ClusterModel.Diagnostic> diagnostics = new ArrayList<>();
        KMeans.Fit chosen = null;
        int chosenK = 0;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = settings.kMin(); k <= kMax; k++) {
            long t0 = System.nanoTime();
            KMeans.Fit fit = KMeans.fit(scan, k, settings.restarts(), settings.seed());
            long t1 = System.nanoTime();
            double silhouette = Silhouette.mean(scan, fit.assignment(), k, sample);
            diagnostics.add(new ClusterModel.Diagnostic(k, fit.inertia(), scan.size(), silhouette, sample.length));
            progress.accept(String.format("k = %2d: inertia %,.1f%s, silhouette %.4f%s (%.1f s K-Means, %.1f s silhouette)",
                    k, fit.inertia(), scan.size() < inliers ? String.format(" on a sample of %,d", scan.size()) : "",
                    silhouette, sample.length < inliers ? String.format(" on a sample of %,d", sample.length) : "",
                    (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9));
            steps.done(k - settings.kMin() + 1, totalSteps);
            if (silhouette > bestSilhouette + 1e-12) {
                bestSilhouette = silhouette;
                chosen = fit;
                chosenK = k;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no k of " + settings.kMin() + "-" + kMax + " gave a silhouette");
        }
        if (scan.size() < inliers) {
            long t0 = System.nanoTime();
            chosen = KMeans.fit(standardised, chosenK, settings.restarts(), settings.seed());
            progress.accept(String.format("k = %d fitted on all %,d customers: inertia %,.1f (%.1f s)", chosenK, inliers,
                    chosen.inertia(), (System.nanoTime() - t0) / 1e9));
            steps.done(totalSteps, totalSteps);
        }
        int[] order = ClusterLabels.order(chosen.centroids());
        double[][] ordered = ClusterLabels.reorder(chosen.centroids(), order);
        ClusterLabel[] labels = ClusterLabels.label(ordered);
        long[] sizes = new long[ordered.length];
        int[] numberOf = new int[order.length];
        for (int c = 0; c < order.length; c++) {
            numberOf[order[c]] = c;
        }
        for (int a : chosen.assignment()) {
            sizes[numberOf[a]]++;
        }
        List<ClusterModel.Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < ordered.length; c++) {
            double[] raw = scaler.invert(ordered[c]);
            for (int j = 0; j < raw.length; j++) {
                raw[j] = Math.max(0.0, Math.expm1(raw[j]));  // the features are never negative
            }
            clusters.add(new ClusterModel.Cluster(c, labels[c].label(), ordered[c], raw, sizes[c]));
        }
        String chosenBy = settings.kGiven() ? "given (--k)"
                : "highest mean silhouette of k " + settings.kMin() + "-" + kMax;
        ClusterModel model = new ClusterModel(null, null, asOf.toString(), n, inliers, ClusterModel.FEATURES,
                ClusterModel.TRANSFORM, scaler,
                new ClusterModel.Outliers("median + c * spread of log(1 + x); spread = 1.4826 * MAD, or 1.2533 * mean"
                        + " absolute deviation when the MAD is 0", settings.outlierC(), frequency, monetary, outlierCounts),
                ordered.length, chosenBy, clusters, diagnostics, settings.seed(), settings.restarts(),
                settings.silhouetteSample(), settings.scanSample());
        return model.versioned(Instant.now().toString());
    }
}
