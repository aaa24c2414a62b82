package org.retentionsegments.flink;

import java.io.Serializable;
import org.retentionsegments.core.config.ConfigBundle;

/**
 * The configuration as the three YAML texts, so that operators can carry it to the cluster and
 * parse it where they run (the parsed objects are not serialisable, and need not be).
 */
public record ConfigTexts(String pipeline, String segments, String strategies) implements Serializable {

    /** The built-in configuration shipped in the artifact. */
    public static ConfigTexts defaults() {
        return new ConfigTexts(ConfigBundle.classpath(org.retentionsegments.core.config.PipelineConfig.FILE),
                ConfigBundle.classpath(org.retentionsegments.core.config.SegmentRules.FILE),
                ConfigBundle.classpath(org.retentionsegments.core.config.Strategies.FILE));
    }

    public ConfigBundle parse() {
        return ConfigBundle.parse(pipeline, segments, strategies, "job configuration");
    }
}
