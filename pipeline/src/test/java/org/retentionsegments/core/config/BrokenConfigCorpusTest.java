package org.retentionsegments.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_SEGMENTS;
import static org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_STRATEGIES;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of broken configuration files, each read from a --config folder as a user's would be:
 * every one fails with exactly one line that names the file and, where there is one, the line and
 * the key, says what is wrong with the value as written, and shows no Java exception.
 */
class BrokenConfigCorpusTest {

    private static final String P = PipelineConfig.FILE;
    private static final String S = SegmentRules.FILE;
    private static final String T = Strategies.FILE;
    private static final String CHAMPIONS = "when: { r: 4-5, f: 4-5, m: 4-5 }";
    private static final String LOST = "  Lost:\n    name: suppress\n";

    record Case(String file, byte[] content, String expected) {
        @Override
        public String toString() {
            return file + " -> " + expected;
        }
    }

    static Stream<Case> corpus() {
        return Stream.of(
                // numbers out of range, reported as written
                c(P, "window_days: 99999999999999999999999\n",
                        "pipeline.yaml: line 1: window_days 99999999999999999999999 is out of range 1..36500"),
                c(P, "window_days: -5\n", "line 1: window_days -5 is out of range 1..36500"),
                c(P, "refresh:\n  cadence_days: 0\n", "line 2: refresh: cadence_days 0 is out of range 1..366"),
                c(P, "purchase_cycle:\n  default_days: 1e400\n",
                        "line 2: purchase_cycle: default_days 1e400 is out of range 1..3650"),
                c(P, "purchase_cycle:\n  min_repeat_customers: 3000000000\n",
                        "line 2: purchase_cycle: min_repeat_customers 3000000000 is out of range 1..2147483647"),
                c(P, "lifecycle:\n  new_within: 0\n", "line 2: lifecycle: new_within 0 is out of range 0.01..100"),
                c(P, "forget_after_days: 100\n", "line 1: forget_after_days 100 must be at least window_days 365"),
                // keys without a value are errors, not defaults
                c(P, "window_days:\n", "line 1: window_days has no value"),
                c(P, "# settings\n\nrefresh:\n", "line 3: refresh has no value"),
                c(P, "scoring:\n  recency:\n    method:\n", "line 3: scoring: recency: method has no value"),
                c(P, "timezone: ~\n", "line 1: timezone has no value"),
                // wrong kinds of value: text, booleans, lists and mappings where they do not belong
                c(P, "window_days: 2.5\n", "line 1: window_days must be a whole number, not '2.5'"),
                c(P, "window_days: true\n", "line 1: window_days must be a whole number, not 'true'"),
                c(P, "window_days: yes\n", "line 1: window_days must be a whole number, not 'yes'"),
                c(P, "window_days: \"365\"\n",
                        "line 1: window_days must be a whole number, not the text '365' (write it without quotes)"),
                c(P, "window_days: [365]\n", "line 1: window_days must be a whole number, not a list"),
                c(P, "window_days: { days: 365 }\n", "line 1: window_days must be a whole number, not a mapping"),
                c(P, "refresh: 1\n", "line 1: refresh must be a mapping of keys to values, not '1'"),
                c(P, "refresh:\n  snapshot_every: [month]\n",
                        "line 2: refresh: snapshot_every must be a text value, not a list"),
                c(P, "timezone: [UTC]\n", "line 1: timezone must be a text value, not a list"),
                c(P, "input_encoding: { name: utf-8 }\n", "line 1: input_encoding must be a text value, not a mapping"),
                c(P, "scoring:\n  weights: { r: abc }\n", "line 2: scoring: weights: r must be a number, not 'abc'"),
                c(P, "scoring:\n  monetary:\n    method: fixed\n    thresholds: [1, 2, 3]\n",
                        "line 4: scoring: monetary: thresholds must be a list of 4 numbers, not of 3"),
                c(P, "scoring:\n  monetary:\n    method: fixed\n    thresholds: 10\n",
                        "line 4: scoring: monetary: thresholds must be a list of 4 numbers, not '10'"),
                c(P, "scoring:\n  monetary:\n    method: fixed\n    thresholds: [1, two, 3, 4]\n",
                        "line 4: scoring: monetary: thresholds value must be a number, not 'two'"),
                c(P, "flags:\n  email_unengaged: { include_unsubscribed: 1 }\n",
                        "line 2: flags: email_unengaged: include_unsubscribed must be true or false, not '1'"),
                c(P, "flags:\n  high_return_rate: 0.3\n",
                        "line 2: flags: high_return_rate must be a mapping of keys to values, not '0.3'"),
                c(P, "future_skew: -P1D\n", "line 1: future_skew '-P1D' must not be negative"),
                c(P, "earliest_date: 1970-02-30\n", "line 1: earliest_date '1970-02-30' is not a date"),
                c(P, "winow_days: 3\n", "line 1: unknown key 'winow_days' (expected one of: window_days,"),
                // not a mapping at the top
                c(P, "- window_days: 365\n",
                        "pipeline.yaml: line 1: expected a mapping of keys to values at the top level, not a list"),
                c(P, "just some words\n", "expected a mapping of keys to values at the top level, not 'just some words'"),
                // YAML syntax errors name the line of the defect
                c(P, "window_days: 365\n  refresh: 2\n", "pipeline.yaml: line 2: mapping values are not allowed here"),
                c(P, "refresh:\n\tcadence_days: 1\n", "pipeline.yaml: line 2: found character a tab that cannot start"),
                c(P, "scoring:\n  weights: { r: 1, f: 1\nlifecycle: {}\n",
                        "pipeline.yaml: line 3: expected ',' or '}', but got : (while parsing a flow mapping that starts on line 2)"),
                c(P, "timezone: 'UTC\nwindow_days: 3\n", "pipeline.yaml: line 3: found unexpected end of stream"
                        + " (while scanning a quoted scalar that starts on line 1)"),
                c(P, "window_days: 10\nwindow_days: 20\n", "pipeline.yaml: line 2: duplicate key 'window_days'"),
                // not UTF-8
                raw(P, "timezone: Europe/Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1),
                        "pipeline.yaml is not UTF-8 text (byte 0xFC on line 1): save it as UTF-8"),
                raw(S, ("# r\u00e8gles\n" + CLASSIC_SEGMENTS).getBytes(StandardCharsets.ISO_8859_1),
                        "segments.yaml is not UTF-8 text (byte 0xE8 on line 1)"),
                raw(T, ("defaults:\n  program_id: always_on\n  salt: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1),
                        "strategies.yaml is not UTF-8 text (byte 0xE9 on line 3)"),
                // empty rule files
                c(S, "", "segments.yaml: the file is empty: write the rules under 'segments:', or delete the file"),
                c(S, "# all commented out\n#segments:\n", "segments.yaml: the file is empty"),
                c(T, "\n\n", "strategies.yaml: the file is empty: write a strategy per segment"),
                // segments.yaml
                c(S, "segments: Champions\n", "segments.yaml: line 1: segments must be a non-empty list of rules, not 'Champions'"),
                c(S, "segments:\n  - Champions\n", "segments.yaml: line 2: rule 1: expected a mapping of keys to values, not 'Champions'"),
                c(S, "segments:\n  -\n  - name: Lost\n", "segments.yaml: line 2: rule 1: the list item is empty"),
                c(S, "segments:\n  - name:\n", "segments.yaml: line 2: rule 1: name has no value"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, "    engagement_rank: 11\n", "    engagement_rank: high\n"),
                        "segments.yaml: line 69: segment 'Champions': engagement_rank must be a whole number, not 'high'"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { r: 99999999999 }"),
                        "segments.yaml: line 88: segment 'Champions': r score 99999999999 is outside 1-5"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { r: [1, [2]] }"),
                        "segments.yaml: line 88: segment 'Champions': r value a list is not a score"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { lifecycle: [active, { x: 1 }] }"),
                        "segments.yaml: line 88: segment 'Champions': lifecycle item 2 must be a text value, not a mapping"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { flags: { high_return_rate: maybe } }"),
                        "segments.yaml: line 88: segment 'Champions': high_return_rate must be true or false, not 'maybe'"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: 5"),
                        "segments.yaml: line 88: segment 'Champions': when must be a mapping of keys to values, not '5'"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: []"),
                        "segments.yaml: line 88: segment 'Champions': when is an empty list; omit it for a catch-all"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when:\n      -\n"),
                        "segments.yaml: line 89: segment 'Champions': the list item is empty"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, "when: { r: 4-5, r: 5 }"),
                        "segments.yaml: line 88: duplicate key 'r'"),
                // segments.yaml expect: (data contracts)
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, CHAMPIONS + "\n    expect: { min_size: 1e3 }"),
                        "segments.yaml: line 89: segment 'Champions': expect: min_size must be a whole number, not '1e3'"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, CHAMPIONS + "\n    expect: { lifecycle: active, share_at_least: 2 }"),
                        "segments.yaml: line 89: segment 'Champions': expect: share_at_least 2 is out of range 0..1"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, CHAMPIONS + "\n    expect:\n      - { min_size: 10 }\n      -\n"),
                        "segments.yaml: line 91: segment 'Champions': expect 2: the list item is empty"),
                c(S, replaceOnce(CLASSIC_SEGMENTS, CHAMPIONS, CHAMPIONS + "\n    expect: { recency_days: 0-120 days }"),
                        "segments.yaml: line 89: segment 'Champions': expect: recency_days '0-120 days' is not a range"
                                + " like 0-120, 2+ or 30 (whole numbers, 0 or more)"),
                // strategies.yaml
                c(T, "strategies: []\n", "strategies.yaml: line 1: strategies must be a mapping of keys to values, not a list"),
                c(T, replaceOnce(CLASSIC_STRATEGIES, LOST, "  Lost: 5\n  Lost_old:\n    name: suppress\n"),
                        "strategies.yaml: line 161: strategies: Lost must be a mapping of keys to values, not '5'"),
                c(T, replaceOnce(CLASSIC_STRATEGIES, "  holdout_share: 0.1\n  always_on: true\n", "  holdout_share: 2\n  always_on: true\n"),
                        "strategies.yaml: line 27: defaults: holdout_share 2 is out of range 0..0.9"),
                c(T, replaceOnce(CLASSIC_STRATEGIES, "    kpis: [natural_return_rate]", "    kpis: []"),
                        "strategies.yaml: line 173: strategy 'Lost': kpis must name at least one measure"),
                c(T, replaceOnce(CLASSIC_STRATEGIES, "    kpis: [natural_return_rate]", "    kpis:\n      - natural_return_rate\n      -"),
                        "strategies.yaml: line 173: strategy 'Lost': kpis has an empty list item"),
                c(T, replaceOnce(CLASSIC_STRATEGIES, "    priority: 12\n", "    priority: 1.5\n"),
                        "strategies.yaml: line 171: strategy 'Lost': priority must be a whole number, not '1.5'"),
                c(T, replaceOnce(CLASSIC_STRATEGIES, "    suppress: true\n    always_on: false\n", "    suppress: \"true\"\n    always_on: false\n"),
                        "strategies.yaml: line 168: strategy 'Lost': suppress must be true or false, not the text 'true'"),
                c(T, replaceOnce(CLASSIC_STRATEGIES, "    contact_cost: 0\n    kpis: [natural_return_rate]",
                                "    contact_cost: -1\n    kpis: [natural_return_rate]"),
                        "strategies.yaml: line 172: strategy 'Lost': contact_cost -1 is out of range 0..1000000"),
                c(T, replaceOnce(CLASSIC_STRATEGIES, "    incentive: { type: credit, depth_pct: 20, cap: 50 }",
                                "    incentive: credit"),
                        "strategies.yaml: line 38: strategy 'Can't Lose Them': incentive must be a mapping of keys to values, not 'credit'"));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void eachBrokenFileIsOneLineNamingFileLineAndProblem(Case broken, @TempDir Path dir) throws Exception {
        // the classic grid's pair of rule files (the cases edit them), then the broken file over its own
        Files.writeString(dir.resolve(S), CLASSIC_SEGMENTS);
        Files.writeString(dir.resolve(T), CLASSIC_STRATEGIES);
        Files.write(dir.resolve(broken.file()), broken.content());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigBundle.load(dir));
        String message = e.getMessage();
        assertTrue(message.contains(broken.expected()), () -> "expected '" + broken.expected() + "' in: " + message);
        assertTrue(message.startsWith(broken.file() + ": ") || message.startsWith(dir.resolve(broken.file()) + " "),
                "names the file first: " + message);
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        for (String java : List.of("java.", "Exception", "com.fasterxml", "jackson", "snakeyaml", "org.yaml", "\tat ")) {
            assertFalse(message.contains(java), "no '" + java + "' in: " + message);
        }
    }

    @Test
    void theCorpusIsLargeAndEveryCaseIsDistinct() {
        List<Case> cases = corpus().toList();
        assertTrue(cases.size() >= 40, "cases: " + cases.size());
        assertEquals(cases.size(), cases.stream().map(c -> c.file() + Arrays.toString(c.content())).distinct().count());
    }

    @Test
    void emptyPipelineFileAndByteOrderMarkAreFine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(P), "");
        assertEquals(365, ConfigBundle.load(dir).pipeline().windowDays(), "an empty pipeline.yaml means all defaults");
        Files.writeString(dir.resolve(P), "# only a comment\n");
        assertEquals(365, ConfigBundle.load(dir).pipeline().windowDays());
        Files.writeString(dir.resolve(P), "\uFEFFwindow_days: 180\n");
        assertEquals(180, ConfigBundle.load(dir).pipeline().windowDays(), "a UTF-8 byte-order mark is skipped");
    }

    private static Case c(String file, String text, String expected) {
        return new Case(file, text.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static Case raw(String file, byte[] bytes, String expected) {
        return new Case(file, bytes, expected);
    }
}
