package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.fixtures.ConfigTexts;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * {@code ./segments explain} on a real bounded run, on DuckDB and PostgreSQL: 24 customers whose
 * last orders lie 0 to about 300 days before the refresh, so that they are active, lapsing and
 * lapsed and pass through many rules before theirs. Every customer's explanation is checked
 * against its row in the warehouse, not against the explainer's own code.
 */
class ExplainCommandITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Engine, String> RUNS = new EnumMap<>(Engine.class);

    @TempDir
    static Path tmp;

    /**
     * Customer i (0-23) orders {@code 1 + i % 5} times, first on 2023-06-01 + 11i days, then every
     * {@code 9 + 4 (i % 3)} days, for {@code 12.50 + 9i + 4k}; every fifth order is a return of 5.00.
     */
    private static Path orders() throws Exception {
        List<String> lines = new ArrayList<>(List.of("order_id,customer_id,order_ts,amount"));
        LocalDate start = LocalDate.of(2023, 6, 1);
        for (int i = 0; i < 24; i++) {
            for (int k = 0; k < 1 + i % 5; k++) {
                LocalDate day = start.plusDays(11L * i + (9L + 4 * (i % 3)) * k);
                String amount = (i + k) % 5 == 4 ? "-5.00" : (12 + 9 * i + 4 * k) + ".50";
                lines.add("o" + i + "_" + k + ",c" + (i < 10 ? "0" : "") + i + "," + day + "T10:00:00Z," + amount);
            }
        }
        return Files.write(tmp.resolve("orders.csv"), lines);
    }

    /** The warehouse of one bounded run on the engine, run once per engine for the class. */
    private static synchronized String warehouse(Engine engine) throws Exception {
        if (!RUNS.containsKey(engine)) {
            String url = WAREHOUSES.freshUrl(engine);
            Captured run = RunFixtures.cli("run", "--orders", orders().toString(), "--warehouse", url);
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("24 customers segmented as of"), run.out());
            RUNS.put(engine, url);
        }
        return RUNS.get(engine);
    }


    private static JsonNode json(String url, String customer, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("explain", "--customer", customer, "--json", "--warehouse", url));
        args.addAll(List.of(more));
        Captured explain = RunFixtures.cli(args.toArray(String[]::new));
        assertEquals(0, explain.exitCode(), explain.err());
        assertEquals(1, explain.out().lines().count(), "one JSON object on one line");
        return JSON.readTree(explain.out());
    }

    private static List<Map<String, Object>> customers(String url) throws Exception {
        return RunFixtures.rows(url, "SELECT * FROM customer_segment ORDER BY customer_id");
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyCustomerIsExplainedInTheSegmentTheRunPutItInWithItsScoresWithinThePrintedBoundaries(Engine engine)
            throws Exception {
        String url = warehouse(engine);
        List<Map<String, Object>> rows = customers(url);
        assertEquals(24, rows.size());
        Set<String> stages = new TreeSet<>();
        for (Map<String, Object> row : rows) {
            String customer = (String) row.get("customer_id");
            Captured text = RunFixtures.cli("explain", "--customer", customer, "--warehouse", url);
            assertEquals(0, text.exitCode(), text.err());
            assertTrue(text.out().contains("\nSEGMENT               " + row.get("segment") + "   (rule "), text.out());

            JsonNode json = json(url, customer);
            assertEquals(row.get("segment"), json.get("segment").asText());
            assertTrue(json.get("config_agrees").asBoolean(), json.toString());
            assertEquals(String.valueOf(row.get("arm")), json.get("arm").isNull() ? "null" : json.get("arm").asText());
            assertEquals(json.get("arm"), json.get("config_arm"), "the holdout hash gives the arm the run wrote");
            stages.add((String) row.get("lifecycle_stage"));
            String asOf = row.get("as_of").toString();
            assertEquals(asOf, json.get("as_of").asText());
            Map<String, String[]> dimensions = Map.of(
                    "r", new String[] {"r_score", "recency_days", "recency"},
                    "f", new String[] {"f_score", "frequency", "frequency"},
                    "m", new String[] {"m_score", "monetary", "monetary"},
                    "lifetime_f", new String[] {"lifetime_f_score", "lifetime_orders", "lifetime_frequency"},
                    "lifetime_m", new String[] {"lifetime_m_score", "lifetime_revenue", "lifetime_monetary"});
            for (Map.Entry<String, String[]> d : dimensions.entrySet()) {
                JsonNode score = json.get("scores").get(d.getKey());
                assertNotNull(score, d.getKey() + " in " + json);
                int stored = ((Number) row.get(d.getValue()[0])).intValue();
                assertEquals(stored, score.get("score").asInt(), d.getKey() + " of " + customer);
                // the printed boundaries are the refresh's score_boundary row of that score
                Map<String, Object> bucket = RunFixtures.rows(url, "SELECT lower_bound, upper_bound FROM score_boundary"
                        + " WHERE as_of = DATE '" + asOf + "' AND dimension = '" + d.getValue()[2] + "' AND score = "
                        + stored).get(0);
                assertEquals(bucket.get("lower_bound") == null, score.get("lower_bound").isNull());
                assertEquals(bucket.get("upper_bound") == null, score.get("upper_bound").isNull());
                double value = Math.max(d.getKey().equals("lifetime_m") ? 0 : Double.NEGATIVE_INFINITY,
                        number(row.get(d.getValue()[1])));
                if (bucket.get("lower_bound") != null) {
                    assertEquals(number(bucket.get("lower_bound")), score.get("lower_bound").asDouble());
                    assertTrue(value > score.get("lower_bound").asDouble(), customer + " " + d.getKey() + " " + score);
                }
                if (bucket.get("upper_bound") != null) {
                    assertEquals(number(bucket.get("upper_bound")), score.get("upper_bound").asDouble());
                    assertTrue(value <= score.get("upper_bound").asDouble(), customer + " " + d.getKey() + " " + score);
                }
            }
        }
        assertTrue(stages.containsAll(Set.of("active", "lapsing", "lapsed")), "the run covers the stages: " + stages);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyEarlierRuleFailsOnACriterionThatIsFalseForTheCustomersValues(Engine engine) throws Exception {
        String url = warehouse(engine);
        int failures = 0;
        int mostEarlier = 0;
        for (Map<String, Object> row : customers(url)) {
            JsonNode json = json(url, (String) row.get("customer_id"));
            JsonNode earlier = json.get("earlier_rules");
            assertEquals(json.get("rule_position").asInt() - 1, earlier.size(), json.toString());
            mostEarlier = Math.max(mostEarlier, earlier.size());
            for (JsonNode rule : earlier) {
                assertFalse(rule.get("condition_sets").isEmpty(), rule.toString());
                for (JsonNode set : rule.get("condition_sets")) {
                    assertFalse(set.isEmpty(), "a condition set that failed names a criterion: " + rule);
                    for (JsonNode failure : set) {
                        assertTrue(reallyFalse(failure, row), failure + " for " + row);
                        failures++;
                    }
                }
            }
        }
        assertTrue(mostEarlier >= 5, "some customer passes at least 5 rules before its own: " + mostEarlier);
        assertTrue(failures >= 50, "failures checked: " + failures);
    }

    /** Whether the criterion the failure names is false for the row's values, judged from the row alone. */
    private static boolean reallyFalse(JsonNode failure, Map<String, Object> row) {
        String criterion = failure.get("criterion").asText();
        String required = failure.get("required").asText();
        String actual = failure.get("actual").asText();
        Map<String, String> scoreColumns = Map.of("r", "r_score", "f", "f_score", "m", "m_score",
                "lifetime_f", "lifetime_f_score", "lifetime_m", "lifetime_m_score");
        if (scoreColumns.containsKey(criterion)) {
            Object score = row.get(scoreColumns.get(criterion));
            return score != null && actual.equals(score.toString()) && !scores(required).contains(((Number) score).intValue());
        }
        if (criterion.equals("lifecycle")) {
            String stage = (String) row.get("lifecycle_stage");
            return actual.equals(stage) && !Arrays.asList(required.split("/")).contains(stage);
        }
        if (criterion.equals("scores")) {
            return row.get("r_score") == null;
        }
        Object flag = row.get(criterion);
        return flag instanceof Boolean value && actual.equals(value ? "yes" : "no") && !required.equals(actual);
    }

    /** The scores of {@code 4-5}, {@code 3} or {@code 1,3-4}. */
    private static Set<Integer> scores(String text) {
        Set<Integer> scores = new TreeSet<>();
        for (String part : text.split(",")) {
            String[] ends = part.split("-");
            for (int s = Integer.parseInt(ends[0]); s <= Integer.parseInt(ends[ends.length - 1]); s++) {
                scores.add(s);
            }
        }
        return scores;
    }

    /** The classic grid names other segments: explaining with it says it disagrees with the run. */
    @org.junit.jupiter.api.Test
    void aConfigurationOtherThanTheRunsIsSaidToDisagree() throws Exception {
        String url = warehouse(Engine.DUCKDB);
        Path classic = Files.createDirectories(tmp.resolve("classic"));
        Files.writeString(classic.resolve("segments.yaml"), ConfigTexts.CLASSIC_SEGMENTS);
        Files.writeString(classic.resolve("strategies.yaml"), ConfigTexts.CLASSIC_STRATEGIES);
        Map<String, Object> row = RunFixtures.rows(url, "SELECT customer_id, segment FROM customer_segment"
                + " WHERE customer_id = 'c04'").get(0);
        assertEquals("Hibernating", row.get("segment"), "the default map puts c04 (lapsed, lifetime M 3) there");

        Captured text = RunFixtures.cli("explain", "--customer", "c04", "--config", classic.toString(), "--warehouse", url);
        JsonNode json = json(url, "c04", "--config", classic.toString());

        assertEquals(0, text.exitCode(), text.err());
        String warning = text.out().replaceAll("\n  ", " ");
        assertTrue(warning.contains("warning: the configuration given (pipeline.yaml (built-in default), " + classic
                + "/segments.yaml, " + classic + "/strategies.yaml"), text.out());
        assertTrue(warning.contains(") puts this customer in At Risk, the run put it in Hibernating: the rules below"
                + " are those of the configuration given"), text.out());
        assertTrue(text.out().contains("\nSEGMENT               Hibernating   (rule 10 of the run's segments.yaml)\n"),
                text.out());
        assertFalse(json.get("config_agrees").asBoolean());
        assertEquals("At Risk", json.get("config_segment").asText());
        assertEquals("Hibernating", json.get("segment").asText());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnknownCustomerIsOneLineAndExitCode3(Engine engine) throws Exception {
        String url = warehouse(engine);
        String id = "c99' OR '1'='1";

        Captured explain = RunFixtures.cli("explain", "--customer", id, "--warehouse", url);

        assertEquals(ExplainCommand.UNKNOWN_CUSTOMER, explain.exitCode());
        assertEquals(3, explain.exitCode(), "the exit code the help documents");
        assertEquals("", explain.out());
        assertEquals(List.of("error: no customer '" + id + "' in " + url + " (no row in customer_segment or"
                + " segment_snapshot); check the id as the input wrote it"), explain.err().lines().toList());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDayWithoutASnapshotNamesTheNearestKeptDaysAndExitsWith4(Engine engine) throws Exception {
        String url = warehouse(engine);
        String customer = "c03";
        List<LocalDate> kept = RunFixtures.rows(url, "SELECT as_of FROM segment_snapshot WHERE customer_id = '"
                + customer + "' ORDER BY as_of").stream().map(r -> LocalDate.parse(r.get("as_of").toString())).toList();
        assertTrue(kept.size() >= 3, "monthly snapshots of " + customer + ": " + kept);
        LocalDate before = kept.get(kept.size() - 2);
        LocalDate day = before.plusDays(3);
        LocalDate after = kept.stream().filter(d -> d.isAfter(day)).findFirst().orElseThrow();

        Captured missing = RunFixtures.cli("explain", "--customer", customer, "--as-of", day.toString(), "--warehouse", url);

        assertEquals(ExplainCommand.NO_SNAPSHOT, missing.exitCode());
        assertEquals(4, missing.exitCode(), "the exit code the help documents");
        assertEquals(List.of("error: no snapshot of customer '" + customer + "' as of " + day + "; the nearest: "
                + before + " (before), " + after + " (after) (refreshes are kept as pipeline.yaml's"
                + " refresh.snapshot_every says)"), missing.err().lines().toList());

        // the kept day before it is explained from its own snapshot and boundaries
        JsonNode json = json(url, customer, "--as-of", before.toString());
        Map<String, Object> snapshot = RunFixtures.rows(url, "SELECT segment, f_score FROM segment_snapshot WHERE"
                + " customer_id = '" + customer + "' AND as_of = DATE '" + before + "'").get(0);
        assertEquals(before.toString(), json.get("as_of").asText());
        assertFalse(json.get("current").asBoolean());
        assertEquals(snapshot.get("segment"), json.get("segment").asText());
        assertEquals(((Number) snapshot.get("f_score")).intValue(), json.get("scores").get("f").get("score").asInt());
        assertTrue(json.get("matched_rule").get("criteria_at_refresh").asText().length() > 0,
                "a kept refresh has its segment_criteria: " + json);
    }
}
