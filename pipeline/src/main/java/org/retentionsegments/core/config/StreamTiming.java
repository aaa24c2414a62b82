package org.retentionsegments.core.config;

import java.time.Duration;

/**
 * The {@code stream} section of {@code pipeline.yaml}: how a continuous job reads time from its
 * topics. The refresh of day D runs when the watermark passes midnight D, and the watermark
 * trails the latest event time by {@code allowedLateness}; an event older than the watermark
 * when it arrives is late: rejected ({@code rejected_input}), or applied at the next refresh, as
 * {@code lateRecords} says.
 *
 * @param allowedLateness how long after an event time the job still waits for earlier events
 * @param idleTimeout a topic partition without records for this long no longer holds time back
 * @param lateRecords what becomes of a late record
 */
public record StreamTiming(Duration allowedLateness, Duration idleTimeout, LateRecords lateRecords) {

    /** What a continuous job does with a record that comes after the watermark passed its time. */
    public enum LateRecords {
        /** Rejected with the reason {@code late: ...}: no table changes. */
        REJECT,
        /**
         * Taken as if it had happened when it arrived: it counts on the day the watermark is in,
         * and so at the next refresh (a late order adds to the customer's frequency and monetary
         * value then; its recency is the day it was applied).
         */
        NEXT_REFRESH
    }

    static StreamTiming parse(YamlNode node) {
        node.allowOnly("allowed_lateness", "idle_timeout", "late_records");
        Duration lateness = PipelineConfig.duration(node, "allowed_lateness", "PT1H");
        Duration idle = PipelineConfig.duration(node, "idle_timeout", "PT1M");
        if (idle.isZero()) {
            throw node.failAt("idle_timeout", "idle_timeout must be longer than zero");
        }
        String late = node.string("late_records", "reject");
        LateRecords policy = switch (late) {
            case "reject" -> LateRecords.REJECT;
            case "next_refresh" -> LateRecords.NEXT_REFRESH;
            default -> throw node.failAt("late_records", "late_records '" + late + "' is not one of reject, next_refresh");
        };
        return new StreamTiming(lateness, idle, policy);
    }
}
