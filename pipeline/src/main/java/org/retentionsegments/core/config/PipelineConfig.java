package org.retentionsegments.core.config;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code pipeline.yaml}: the rolling window, refresh cadence and snapshot policy, state expiry,
 * input timestamp handling, purchase cycle defaults, scoring, lifecycle and flag thresholds.
 *
 * @param defaultCycleDays the purchase cycle used while fewer than {@code minRepeatCustomers}
 *     customers have a median gap between orders
 * @param inputEncoding how the bytes of CSV and JSON-lines input files are decoded
 * @param earliestDate input events before this day are impossible (rejected); before today
 * @param stream how a continuous job reads time from its topics
 * @param segmentation {@code rules}: scores and the rules of segments.yaml; {@code clusters}: the
 *     same rules, which may also ask for the cluster a saved model ({@code clusterModel}) puts each
 *     customer with an order in
 * @param clusterModel the model file of {@code segmentation: clusters} (as written: relative to
 *     the configuration folder unless absolute); null in rules mode
 * @param predictions at which refreshes a bounded run writes the BG/NBD and Gamma-Gamma
 *     predictions ({@code customer_prediction}, {@code prediction_fit})
 */
public record PipelineConfig(
        int windowDays,
        int cadenceDays,
        SnapshotPolicy snapshotEvery,
        int forgetAfterDays,
        Duration futureSkew,
        ZoneId timezone,
        Charset inputEncoding,
        LocalDate earliestDate,
        double defaultCycleDays,
        int minRepeatCustomers,
        ScoringConfig scoring,
        LifecycleThresholds lifecycle,
        FlagThresholds flags,
        StreamTiming stream,
        Segmentation segmentation,
        String clusterModel,
        Predictions predictions) {

    public static final String FILE = "pipeline.yaml";

    /** How customers are put in segments. */
    public enum Segmentation { RULES, CLUSTERS }

    /**
     * {@code predictions}: at which refreshes a bounded run predicts value and risk. {@code kept}:
     * every kept refresh (segment_snapshot) that has no prediction yet; {@code latest}: the run's
     * last refresh only; {@code off}: none (./segments predict still can).
     */
    public enum Predictions { KEPT, LATEST, OFF }

    /** The values of {@code input_encoding}, as written in the file. */
    static final Map<String, Charset> ENCODINGS = Map.of(
            "utf-8", StandardCharsets.UTF_8,
            "latin-1", StandardCharsets.ISO_8859_1,
            "iso-8859-1", StandardCharsets.ISO_8859_1,
            "windows-1252", Charset.forName("windows-1252"));

    static final LocalDate DEFAULT_EARLIEST_DATE = LocalDate.of(1970, 1, 1);

    static PipelineConfig parse(YamlNode root) {
        root.allowOnly("window_days", "refresh", "forget_after_days", "future_skew", "timezone",
                "input_encoding", "earliest_date", "purchase_cycle", "scoring", "lifecycle", "flags", "stream",
                "segmentation", "cluster_model", "predictions");
        int windowDays = root.integer("window_days", 365, 1, 36_500);
        YamlNode refresh = root.child("refresh").allowOnly("cadence_days", "snapshot_every");
        int cadence = refresh.integer("cadence_days", 1, 1, 366);
        int forget = root.integer("forget_after_days", 1095, 1, 36_500);
        if (forget < windowDays) {
            throw root.failAt("forget_after_days", "forget_after_days " + forget + " must be at least window_days "
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
                parseEncoding(root),
                parseEarliestDate(root),
                cycle.number("default_days", 30, 1, 3650),
                cycle.integer("min_repeat_customers", 30, 1, Integer.MAX_VALUE),
                ScoringConfig.parse(root.child("scoring")),
                LifecycleThresholds.parse(root.child("lifecycle")),
                FlagThresholds.parse(root.child("flags")),
                StreamTiming.parse(root.child("stream")),
                parseSegmentation(root),
                root.has("cluster_model") ? root.string("cluster_model", null) : null,
                parsePredictions(root));
    }

    private static Predictions parsePredictions(YamlNode root) {
        String text = root.string("predictions", "kept");
        return switch (text) {
            case "kept" -> Predictions.KEPT;
            case "latest" -> Predictions.LATEST;
            case "off" -> Predictions.OFF;
            default -> throw root.failAt("predictions", "predictions '" + text + "' is not one of kept (every kept"
                    + " refresh), latest (the run's last refresh), off");
        };
    }

    private static Segmentation parseSegmentation(YamlNode root) {
        String text = root.string("segmentation", "rules");
        Segmentation segmentation = switch (text) {
            case "rules" -> Segmentation.RULES;
            case "clusters" -> Segmentation.CLUSTERS;
            default -> throw root.failAt("segmentation", "segmentation '" + text + "' is not one of rules, clusters");
        };
        if (segmentation == Segmentation.CLUSTERS && (!root.has("cluster_model")
                || root.string("cluster_model", "").isBlank())) {
            throw root.failAt("segmentation", "segmentation: clusters needs cluster_model: the model file that"
                    + " ./segments cluster --out FILE wrote (relative to this folder, or absolute)");
        }
        if (segmentation == Segmentation.RULES && root.has("cluster_model")) {
            throw root.failAt("cluster_model", "cluster_model is only read with segmentation: clusters; remove it or"
                    + " set segmentation: clusters");
        }
        return segmentation;
    }

    private static Duration parseSkew(YamlNode root) {
        return duration(root, "future_skew", "P1D");
    }

    /** A non-negative ISO-8601 duration. */
    static Duration duration(YamlNode node, String key, String fallback) {
        String text = node.string(key, fallback);
        try {
            Duration value = Duration.parse(text);
            if (value.isNegative()) {
                throw node.failAt(key, key + " '" + text + "' must not be negative");
            }
            return value;
        } catch (DateTimeParseException e) {
            throw node.failAt(key, key + " '" + text + "' is not an ISO-8601 duration such as " + fallback);
        }
    }

    private static Charset parseEncoding(YamlNode root) {
        String text = root.string("input_encoding", "utf-8");
        Charset charset = ENCODINGS.get(text.toLowerCase(Locale.ROOT));
        if (charset == null) {
            throw root.failAt("input_encoding", "input_encoding '" + text + "' is not one of utf-8, latin-1 (iso-8859-1), windows-1252");
        }
        return charset;
    }

    private static LocalDate parseEarliestDate(YamlNode root) {
        String text = root.string("earliest_date", DEFAULT_EARLIEST_DATE.toString());
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw root.failAt("earliest_date", "earliest_date '" + text + "' is not a date such as 1970-01-01 (yyyy-MM-dd)");
        }
        if (!date.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw root.failAt("earliest_date", "earliest_date " + text + " must be before today");
        }
        return date;
    }

    private static ZoneId parseZone(YamlNode root) {
        String text = root.string("timezone", "UTC");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw root.failAt("timezone", "timezone '" + text + "' is not a known time zone");
        }
    }
}
