package org.retentionsegments.core.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * {@code pipeline.yaml}: the rolling window, refresh cadence and snapshot policy, state expiry,
 * input timestamp handling, purchase cycle defaults, scoring, lifecycle and flag thresholds.
 *
 * @param defaultCycleDays the purchase cycle used while fewer than {@code minRepeatCustomers}
 *     customers have a median gap between orders
 */
public record PipelineConfig(
        int windowDays,
        int cadenceDays,
        SnapshotPolicy snapshotEvery,
        int forgetAfterDays,
        Duration futureSkew,
        ZoneId timezone,
        double defaultCycleDays,
        int minRepeatCustomers,
        ScoringConfig scoring,
        LifecycleThresholds lifecycle,
        FlagThresholds flags) {

    public static final String FILE = "pipeline.yaml";

    static PipelineConfig parse(YamlNode root) {
        root.allowOnly("window_days", "refresh", "forget_after_days", "future_skew", "timezone",
                "purchase_cycle", "scoring", "lifecycle", "flags");
        int windowDays = root.integer("window_days", 365, 1, 36_500);
        YamlNode refresh = root.child("refresh").allowOnly("cadence_days", "snapshot_every");
        int cadence = refresh.integer("cadence_days", 1, 1, 366);
        int forget = root.integer("forget_after_days", 1095, 1, 36_500);
        if (forget < windowDays) {
            throw root.fail("forget_after_days " + forget + " must be at least window_days "
                    + windowDays);
        }
        YamlNode cycle = root.child("purchase_cycle")
                .allowOnly("default_days", "min_repeat_customers");
        return new PipelineConfig(
                windowDays,
                cadence,
                SnapshotPolicy.parse(refresh, "snapshot_every"),
                forget,
                parseSkew(root),
                parseZone(root),
                cycle.number("default_days", 30, 1, 3650),
                cycle.integer("min_repeat_customers", 30, 1, Integer.MAX_VALUE),
                ScoringConfig.parse(root.child("scoring")),
                LifecycleThresholds.parse(root.child("lifecycle")),
                FlagThresholds.parse(root.child("flags")));
    }

    private static Duration parseSkew(YamlNode root) {
        String text = root.string("future_skew", "P1D");
        try {
            Duration skew = Duration.parse(text);
            if (skew.isNegative()) {
                throw root.fail("future_skew '" + text + "' must not be negative");
            }
            return skew;
        } catch (DateTimeParseException e) {
            throw root.fail("future_skew '" + text + "' is not an ISO-8601 duration such as P1D");
        }
    }

    private static ZoneId parseZone(YamlNode root) {
        String text = root.string("timezone", "UTC");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw root.fail("timezone '" + text + "' is not a known time zone");
        }
    }
}
