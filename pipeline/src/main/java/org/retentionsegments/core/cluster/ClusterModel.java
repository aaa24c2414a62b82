package org.retentionsegments.core.cluster;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A trained clustering: everything needed to place a customer again (the log transform, the
 * scaler, the outlier thresholds, the centroids and their labels), what it was trained on, and
 * the diagnostics that chose k. Saved as JSON (the model file, and {@code cluster_model.model_json}
 * in the warehouse). {@code version} is a hash of the content without the version and the
 * training time: the same customers and settings give the same version.
 *
 * @param asOf the refresh (ISO date) whose customers it was trained on
 * @param inputRows customers read (those with an order, at that refresh)
 * @param clusteredRows customers clustered (input minus outliers)
 * @param chosenBy how k was chosen
 * @param silhouetteSample the training's silhouette sample size (see {@link ClusterTrainer.Settings})
 * @param scanSample the training's k-scan sample size
 */
public record ClusterModel(
        String version,
        String trainedAt,
        String asOf,
        long inputRows,
        long clusteredRows,
        List<String> features,
        String transform,
        Scaler scaler,
        Outliers outliers,
        int k,
        String chosenBy,
        List<Cluster> clusters,
        List<Diagnostic> diagnostics,
        long seed,
        int restarts,
        int silhouetteSample,
        int scanSample) {

    public static final List<String> FEATURES = List.of("recency_days", "frequency", "monetary");
    public static final String TRANSFORM = "log1p";

    /** The outlier rule and what it found. {@code counts}: customers per outlier group label. */
    public record Outliers(String rule, double c, OutlierThreshold frequency, OutlierThreshold monetary,
            Map<String, Long> counts) {}

    /**
     * One cluster: its number (0 is the highest value), label, centroid in the standardised space,
     * the centroid back in the features' units (days, orders, money; from the log scale, so a
     * geometric-mean-like centre) and how many of the training customers it took.
     */
    public record Cluster(int number, String label, double[] centroid, double[] centroidRaw, long customers) {}

    /**
     * For one k: the inertia of the best restart and on how many customers K-Means ran (all, or the
     * scan sample), the mean silhouette and on how many of those it was computed.
     */
    public record Diagnostic(int k, double inertia, long fitCustomers, double silhouette, long silhouetteCustomers) {}

    /** Where a customer goes: a cluster number (negative for an outlier group), its label, and the distance to the centroid (null for outliers). */
    public record Assignment(int cluster, String label, Double distance) {}

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Places a customer: an outlier group first, else the nearest centroid (see {@link Placer}). */
    public Assignment assign(RfmPoint point) {
        return placer().assign(point);
    }

    /** A placer of customers by this model, its centroids laid out once (a refresh places every customer every day). */
    public Placer placer() {
        return new Placer(this);
    }

    /** Places customers by one model: an outlier group first, else the nearest centroid. */
    public static final class Placer {
        private final ClusterModel model;
        private final double[][] centroids;
        private final ClusterLabel[] labels;

        Placer(ClusterModel model) {
            this.model = model;
            this.centroids = model.clusters().stream().map(Cluster::centroid).toArray(double[][]::new);
            this.labels = new ClusterLabel[model.clusters().stream().mapToInt(Cluster::number).max().orElse(-1) + 1];
            for (Cluster c : model.clusters()) {
                for (ClusterLabel l : ClusterLabel.values()) {
                    labels[c.number()] = l.label().equals(c.label()) ? l : labels[c.number()];
                }
            }
        }

        /** The label of an assignment this placer made, without looking its name up. */
        public ClusterLabel label(Assignment a) {
            return a.cluster() == ClusterLabel.PAMPER.outlierCluster() ? ClusterLabel.PAMPER
                    : a.cluster() == ClusterLabel.UPSELL.outlierCluster() ? ClusterLabel.UPSELL
                    : a.cluster() == ClusterLabel.DELIGHT.outlierCluster() ? ClusterLabel.DELIGHT
                    : known(labels[a.cluster()], a);
        }

        private static ClusterLabel known(ClusterLabel label, Assignment a) {
            if (label == null) {
                throw new IllegalArgumentException("cluster " + a.cluster() + " of the model is labelled '" + a.label()
                        + "', which is not one of Reward, Retain, Nurture, Re-Engage");
            }
            return label;
        }

        public Assignment assign(RfmPoint point) {
            double[] logs = point.logFeatures();
            ClusterLabel group = ClusterLabel.outlierGroup(model.outliers().frequency().isOutlier(logs[1]),
                    model.outliers().monetary().isOutlier(logs[2]));
            if (group != null) {
                return new Assignment(group.outlierCluster(), group.label(), null);
            }
            double[] z = model.scaler().apply(logs);
            int nearest = KMeans.nearest(z, centroids);
            Cluster cluster = model.clusters().get(nearest);
            return new Assignment(cluster.number(), cluster.label(),
                    Math.sqrt(KMeans.squaredDistance(z, centroids[nearest])));
        }
    }

    @JsonIgnore
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the cluster model as JSON", e);
        }
    }

    public static ClusterModel fromJson(String json) {
        try {
            return JSON.readValue(json, ClusterModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a cluster model file: " + e.getOriginalMessage());
        }
    }

    /** This model with its version set from its content and the given training time. */
    ClusterModel versioned(String trainedAt) {
        ClusterModel content = new ClusterModel(null, null, asOf, inputRows, clusteredRows, features, transform,
                scaler, outliers, k, chosenBy, clusters, diagnostics, seed, restarts, silhouetteSample, scanSample);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.json().getBytes(StandardCharsets.UTF_8));
            String version = HexFormat.of().formatHex(hash).substring(0, 12);
            return new ClusterModel(version, trainedAt, asOf, inputRows, clusteredRows, features, transform, scaler,
                    outliers, k, chosenBy, clusters, diagnostics, seed, restarts, silhouetteSample, scanSample);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
