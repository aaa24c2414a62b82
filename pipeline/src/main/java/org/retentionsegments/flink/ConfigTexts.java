package org.retentionsegments.flink;

import java.io.Serializable;
import org.retentionsegments.core.config.ConfigBundle;

/**
 * The configuration as the YAML texts (and, with {@code segmentation: clusters}, the cluster
 * model's JSON), so that operators can carry it to the cluster and parse it where they run (the
 * parsed objects are not serialisable, and need not be). A null {@code leadScoring} is the
 * built-in {@code lead_scoring.yaml}.
 */
public record ConfigTexts(String pipeline, String segments, String strategies, String clusterModel,
        String leadScoring) implements Serializable {

    public ConfigTexts {
        if (leadScoring == null) {
            leadScoring = ConfigBundle.classpath(org.retentionsegments.core.config.LeadScoring.FILE);
        }
    }

    /** Rules mode: no cluster model; the built-in lead scoring. */
    public ConfigTexts(String pipeline, String segments, String strategies) {
        this(pipeline, segments, strategies, null, null);
    }

    /** The built-in lead scoring. */
    public ConfigTexts(String pipeline, String segments, String strategies, String clusterModel) {
        this(pipeline, segments, strategies, clusterModel, null);
    }

    /** The built-in configuration shipped in the artifact. */
    public static ConfigTexts defaults() {
        return new ConfigTexts(ConfigBundle.classpath(org.retentionsegments.core.config.PipelineConfig.FILE),
                ConfigBundle.classpath(org.retentionsegments.core.config.SegmentRules.FILE),
                ConfigBundle.classpath(org.retentionsegments.core.config.Strategies.FILE));
    }

    /** A short digest of the texts: which configuration placed a customer. */
    public String version() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String text : new String[] {pipeline, segments, strategies, leadScoring}) {
                sha.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            if (clusterModel != null) {
                // a rules-mode configuration keeps the version it had before models existed
                sha.update(clusterModel.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps these texts under {@link #version()} in the warehouse's config_version table (once). */
    public void record(org.retentionsegments.warehouse.WarehouseWriter writer) {
        writer.recordConfig(version(), pipeline, segments, strategies, leadScoring, clusterModel);
    }

    public ConfigBundle parse() {
        return ConfigBundle.parse(pipeline, segments, strategies, clusterModel, leadScoring, "job configuration");
    }
}
