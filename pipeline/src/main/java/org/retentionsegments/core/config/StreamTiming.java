package org.retentionsegments.core.config;

import java.time.Duration;

/**
 * The {@code stream} section of {@code pipeline.yaml}: how a continuous job reads time from its
 * topics. The refresh of day D runs when the watermark passes midnight D, and the watermark
 * trails the latest event time by {@code allowedLateness}; an event older than the watermark
 * when it arrives is late and goes to {@code rejected_input}.
 *
 * @param allowedLateness how long after an event time the job still waits for earlier events
 * @param idleTimeout a topic partition without records for this long no longer holds time back
 */
public record StreamTiming(Duration allowedLateness, Duration idleTimeout) {

    static StreamTiming parse(YamlNode node) {
        node.allowOnly("allowed_lateness", "idle_timeout");
        Duration lateness = PipelineConfig.duration(node, "allowed_lateness", "PT1H");
        Duration idle = PipelineConfig.duration(node, "idle_timeout", "PT1M");
        if (idle.isZero()) {
            throw node.failAt("idle_timeout", "idle_timeout must be longer than zero");
        }
        return new StreamTiming(lateness, idle);
    }
}
