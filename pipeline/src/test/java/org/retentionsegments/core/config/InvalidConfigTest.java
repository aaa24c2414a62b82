package org.retentionsegments.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.ConfigTexts.PIPELINE;
import static org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_SEGMENTS;
import static org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_STRATEGIES;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.retentionsegments.core.fixtures.ConfigTexts;

/** Every invalid configuration fails with one line naming file, place and problem. */
class InvalidConfigTest {

    private static final String CHAMPIONS = "when: { r: 4-5, f: 4-5, m: 4-5 }";
    private static final String LOST_TAIL = "    churn_drivers: Already churned.\n";

    static Stream<Arguments> segments() {
        return Stream.of(
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { r: 4-7, f: 4-5, m: 4-5 }"),
                        "segments.yaml: line 88: segment 'Champions': r range 4-7 is outside 1-5"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { r: 6, f: 4-5, m: 4-5 }"),
                        "segments.yaml: line 88: segment 'Champions': r score 6 is outside 1-5"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { r: 5-4 }"),
                        "segments.yaml: line 88: segment 'Champions': r range 5-4 is empty "
                                + "(low end above high end)"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { r: high }"),
                        "segments.yaml: line 88: segment 'Champions': r value 'high' is not a score, "
                                + "a range like 4-5 or a list"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { composite: 0.5-5 }"),
                        "segments.yaml: line 88: segment 'Champions': composite range 0.5-5 is outside 1-5"),
                Arguments.of(CLASSIC_SEGMENTS + "    when: { r: 1 }\n",
                        "segments.yaml: line 302: the last rule must be a catch-all "
                                + "(segment 'Lost' has conditions)"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, "    " + CHAMPIONS + "\n", ""),
                        "segments.yaml: line 68: segment 'Champions': is a catch-all (no when) but is not "
                                + "the last rule, so the rules after it can never match"),
                Arguments.of(CLASSIC_SEGMENTS + "    colour: red\n",
                        "segments.yaml: line 320: segment 'Lost': unknown key 'colour' (expected one of: "
                                + "name, engagement_rank, description, profile, needs, "
                                + "churn_drivers, persona, when, expect)"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { rr: 5 }"),
                        "segments.yaml: line 88: segment 'Champions': unknown key 'rr' (expected one of: "
                                + "r, f, m, lifetime_f, lifetime_m, composite, lifecycle, flags, cluster)"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { flags: { vip: true } }"),
                        "segments.yaml: line 88: segment 'Champions': unknown flag 'vip' (expected one of: "
                                + "high_return_rate, single_channel, discount_dependent, "
                                + "email_unengaged)"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, "{ lifecycle: prospect }",
                                "{ lifecycle: sleepy }"),
                        "segments.yaml: line 66: segment 'Prospects': lifecycle 'sleepy' is not one of "
                                + "prospect, new, active, lapsing, lapsed, reactivated"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, "  - name: Promising\n", "  - name: New\n"),
                        "segments.yaml: line 183: segment 'New': defined twice (rules 6 and 7)"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, "    engagement_rank: 11\n", ""),
                        "segments.yaml: line 68: segment 'Champions': engagement_rank is required "
                                + "(higher = more engaged)"),
                Arguments.of("segments: []\n",
                        "segments.yaml: line 1: segments must be a non-empty list of rules"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, "      tone: neutral and infrequent\n", "      voice: neutral\n"),
                        "segments.yaml: line 318: segment 'Lost': persona: unknown key 'voice' (expected one of: "
                                + "goals, pain_points, channels, content, decision, triggers, value_prop, tone, "
                                + "objections)"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, "      tone: neutral and infrequent\n",
                                "      tone: [neutral, infrequent]\n"),
                        "segments.yaml: line 318: segment 'Lost': persona: tone must be a text value, not a list"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, "      goals:\n        - None the brand can serve now\n",
                                "      goals: { primary: none }\n"),
                        "segments.yaml: line 309: segment 'Lost': persona: goals must be a text value or a list, "
                                + "not a mapping"),
                Arguments.of(replaceOnce(CLASSIC_SEGMENTS, "      pain_points:\n        - Unwanted contact\n",
                                "      pain_points:\n"),
                        "segments.yaml: line 311: segment 'Lost': persona: pain_points has no value: write one, "
                                + "or delete the line for the default"),
                Arguments.of(CLASSIC_SEGMENTS.substring(0, CLASSIC_SEGMENTS.lastIndexOf("    persona:\n")) + "    persona: suppressed\n",
                        "segments.yaml: line 308: segment 'Lost': persona must be a mapping of keys to values, "
                                + "not 'suppressed'"));
    }

    @ParameterizedTest
    @MethodSource
    void segments(String text, String message) {
        assertMessage(message, () -> ConfigBundle.parse(PIPELINE, text, CLASSIC_STRATEGIES, "test"));
    }

    static Stream<Arguments> strategies() {
        int lost = CLASSIC_STRATEGIES.indexOf("  Lost:\n");
        return Stream.of(
                Arguments.of(CLASSIC_STRATEGIES.substring(0, lost),
                        "strategies.yaml: no strategy for segment 'Lost'"),
                Arguments.of(CLASSIC_STRATEGIES + "  Whales:\n    name: x\n",
                        "strategies.yaml: line 174: strategy 'Whales': names no segment of segments.yaml"),
                Arguments.of(replaceOnce(CLASSIC_STRATEGIES, "    incentive: { type: none }\n"
                                + "    suppress: true\n    priority: 11",
                                "    incentive: { type: discount, depth_pct: 15 }\n"
                                        + "    suppress: true\n    priority: 11"),
                        "strategies.yaml: line 156: strategy 'Hibernating': suppress is true but the "
                                + "incentive pays (depth_pct 15, cap 0); a suppressed segment "
                                + "gets no paid incentive"),
                Arguments.of(replaceOnce(CLASSIC_STRATEGIES, "    priority: 12\n", "    priority: 1\n"),
                        "strategies.yaml: line 171: strategy 'Lost': priority 1 is also used by "
                                + "'Can't Lose Them'; priorities must be unique"),
                Arguments.of(replaceOnce(CLASSIC_STRATEGIES, "    holdout_share: 0\n",
                                "    holdout_share: 1.5\n"),
                        "strategies.yaml: line 170: strategy 'Lost': holdout_share 1.5 is out of range 0..0.9"),
                Arguments.of(replaceOnce(CLASSIC_STRATEGIES, "{ type: credit, depth_pct: 20, cap: 50 }",
                                "{ type: cash, depth_pct: 20, cap: 50 }"),
                        "strategies.yaml: line 38: strategy 'Can't Lose Them': incentive: incentive type "
                                + "'cash' is not one of credit, discount, early_access, "
                                + "free_shipping, gift, loyalty_points, none"),
                Arguments.of(replaceOnce(CLASSIC_STRATEGIES, "    cadence: quarterly\n",
                                "    cadense: quarterly\n"),
                        "strategies.yaml: line 154: strategy 'Hibernating': unknown key 'cadense' "
                                + "(expected one of: name, objective, message, channel, cadence, "
                                + "incentive, high_touch, suppress, holdout_share, priority, "
                                + "always_on, contact_cost, program_id, kpis, salt, at_risk, target_lift, min_segment_size)"),
                Arguments.of(replaceOnce(CLASSIC_STRATEGIES, "    holdout_share: 0\n",
                                "    holdout_share: 0\n    target_lift: 0\n"),
                        "strategies.yaml: line 171: strategy 'Lost': target_lift 0 is out of range 0.001..1"),
                Arguments.of(replaceOnce(CLASSIC_STRATEGIES, "    always_on: false\n",
                                "    always_on: maybe\n"),
                        "strategies.yaml: line 169: strategy 'Lost': always_on must be true or false, "
                                + "not 'maybe'"));
    }

    @ParameterizedTest
    @MethodSource
    void strategies(String text, String message) {
        assertMessage(message, () -> ConfigBundle.parse(PIPELINE, CLASSIC_SEGMENTS, text, "test"));
    }

    static Stream<Arguments> pipeline() {
        return Stream.of(
                Arguments.of(PIPELINE + "windw_days: 3\n",
                        "pipeline.yaml: line 109: unknown key 'windw_days' (expected one of: window_days, "
                                + "refresh, forget_after_days, future_skew, timezone, input_encoding, "
                                + "earliest_date, purchase_cycle, scoring, lifecycle, flags, stream, segmentation, "
                                + "cluster_model, predictions)"),
                Arguments.of(replaceOnce(PIPELINE, "predictions: kept", "predictions: always"),
                        "pipeline.yaml: line 108: predictions 'always' is not one of kept (every kept refresh),"
                                + " latest (the run's last refresh), off"),
                Arguments.of(replaceOnce(PIPELINE, "allowed_lateness: PT1H", "allowed_lateness: an hour"),
                        "pipeline.yaml: line 100: stream: allowed_lateness 'an hour' is not an ISO-8601 duration such as PT1H"),
                Arguments.of(replaceOnce(PIPELINE, "idle_timeout: PT1M", "idle_timeout: PT0S"),
                        "pipeline.yaml: line 101: stream: idle_timeout must be longer than zero"),
                Arguments.of(replaceOnce(PIPELINE, "late_records: reject", "late_records: keep"),
                        "pipeline.yaml: line 102: stream: late_records 'keep' is not one of reject, next_refresh"),
                Arguments.of(replaceOnce(PIPELINE, "input_encoding: utf-8", "input_encoding: ebcdic"),
                        "pipeline.yaml: line 26: input_encoding 'ebcdic' is not one of utf-8, latin-1 "
                                + "(iso-8859-1), windows-1252"),
                Arguments.of(replaceOnce(PIPELINE, "earliest_date: 1970-01-01", "earliest_date: 1970-13-01"),
                        "pipeline.yaml: line 30: earliest_date '1970-13-01' is not a date such as 1970-01-01 "
                                + "(yyyy-MM-dd)"),
                Arguments.of(replaceOnce(PIPELINE, "earliest_date: 1970-01-01", "earliest_date: 2999-01-01"),
                        "pipeline.yaml: line 30: earliest_date 2999-01-01 must be before today"),
                Arguments.of(replaceOnce(PIPELINE, "  frequency:\n    method: quantile",
                                "  frequency:\n    method: cycle\n    multiples: [1, 2, 3, 4]"),
                        "pipeline.yaml: line 57: scoring: frequency: method cycle is only for recency"),
                Arguments.of(replaceOnce(PIPELINE, "  monetary:\n    method: quantile",
                                "  monetary:\n    method: fixed"),
                        "pipeline.yaml: line 59: scoring: monetary: method fixed needs thresholds "
                                + "(a list of 4 numbers)"),
                Arguments.of(replaceOnce(PIPELINE, "  monetary:\n    method: quantile",
                                "  monetary:\n    method: fixed\n    thresholds: [10, 5, 20, 30]"),
                        "pipeline.yaml: line 60: scoring: monetary: thresholds must be strictly "
                                + "ascending, got [10,5,20,30]"),
                Arguments.of(replaceOnce(PIPELINE, "  monetary:\n    method: quantile",
                                "  monetary:\n    method: median"),
                        "pipeline.yaml: line 59: scoring: monetary: method 'median' is not one of "
                                + "quantile, distinct, fixed, cycle"),
                Arguments.of(replaceOnce(PIPELINE, "  recency:\n    method: quantile",
                                "  recency:\n    method: distinct"),
                        "pipeline.yaml: line 55: scoring: recency: method distinct is not for recency (use quantile,"
                                + " fixed or cycle)"),
                Arguments.of(replaceOnce(PIPELINE, "snapshot_every: month", "snapshot_every: day"),
                        "pipeline.yaml: line 13: refresh: snapshot_every 'day' is not one of month, week, "
                                + "refresh"),
                Arguments.of(replaceOnce(PIPELINE, "timezone: UTC", "timezone: Mars/Olympus"),
                        "pipeline.yaml: line 22: timezone 'Mars/Olympus' is not a known time zone"),
                Arguments.of(replaceOnce(PIPELINE, "future_skew: P1D", "future_skew: tomorrow"),
                        "pipeline.yaml: line 19: future_skew 'tomorrow' is not an ISO-8601 duration "
                                + "such as P1D"),
                Arguments.of(replaceOnce(PIPELINE, "lapsing_within: 4.0", "lapsing_within: 1.5"),
                        "pipeline.yaml: line 80: lifecycle: lapsing_within 1.5 must be greater than "
                                + "active_within 2"),
                Arguments.of(replaceOnce(PIPELINE, "window_days: 365", "window_days: 0"),
                        "pipeline.yaml: line 5: window_days 0 is out of range 1..36500"),
                Arguments.of(replaceOnce(PIPELINE, "{ r: 1.0, f: 1.0, m: 1.0 }",
                                "{ r: 0, f: 0, m: 0 }"),
                        "pipeline.yaml: line 69: scoring: weights: at least one weight must be positive"));
    }

    @ParameterizedTest
    @MethodSource
    void pipeline(String text, String message) {
        assertMessage(message, () -> ConfigTexts.withPipeline(text));
    }

    @Test
    void yamlSyntaxErrorsNameFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigTexts.withSegments("segments:\n  - name: [unclosed\n"));
        assertTrue(e.getMessage().startsWith("segments.yaml: line "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigTexts.withPipeline("window_days: 10\nwindow_days: 20\n"));
        assertTrue(e.getMessage().startsWith("pipeline.yaml: line 2: "), e.getMessage());
        assertTrue(e.getMessage().contains("window_days"), e.getMessage());
    }

    private static void assertMessage(String expected, Runnable load) {
        ConfigException e = assertThrows(ConfigException.class, load::run);
        assertEquals(expected, e.getMessage());
    }
}
