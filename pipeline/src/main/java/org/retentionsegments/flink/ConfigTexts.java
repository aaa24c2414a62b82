package org.retentionsegments.flink;

import java.io.Serializable;
import org.retentionsegments.core.config.ConfigBundle;

/**
 * The configuration as the three YAML texts, so that operators can carry it to the cluster and
 * parse it where they run (the parsed objects are not serialisable, and need not be).
 */
public record ConfigTexts(String pipeline, String segments, String strategies) implements Serializable {

    public ConfigBundle parse() {
        return ConfigBundle.parse(pipeline, segments, strategies, "job configuration");
    }
}
