package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.hostile.HostileCorpus;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.prepare.Preparation;
import org.retentionsegments.input.prepare.Rules;

/**
 * The file preparation in Java ({@link Preparation}) leaves exactly what the feature views of
 * {@code sql/flink/features} leave when Flink SQL runs them in batch mode (the first stage of a run
 * with a user's adapter SQL, and the views the continuous job runs): the same staged rollups,
 * treatments, rejected rows with their reasons, and counts, on the hostile corpus, the Online
 * Retail layout, CDNOW, a generated business with all four inputs and the small fixtures. Amounts
 * are compared at 12 significant digits (sums in another order may differ in the last bit), the
 * packed lists as maps, and the rollups must come sorted by day from both.
 */
class PreparationMatchesFlinkSqlITCase {

    @TempDir static Path dir;

    /** The validation of a run with the default configuration, at a fixed moment. */
    private static final RunInputs.Validation VALIDATION = new RunInputs.Validation(ZoneOffset.UTC,
            LocalDateTime.of(2026, 1, 1, 0, 0).plus(Duration.ofDays(1)), LocalDate.of(1990, 1, 1), StandardCharsets.UTF_8);

    @Test
    void hostileCorpus() throws Exception {
        HostileCorpus.Expected corpus = HostileCorpus.write(20261203L, Files.createDirectories(dir.resolve("hostile")));
        Map<InputKind, Path> files = new EnumMap<>(InputKind.class);
        corpus.inputs().forEach((source, path) -> files.put(InputKind.valueOf(source.toUpperCase()), path));
        compare("hostile", new RunInputs(files, List.of()), new RunInputs.Validation(ZoneOffset.UTC,
                LocalDateTime.of(2026, 12, 3, 0, 0), LocalDate.of(1990, 1, 1), StandardCharsets.UTF_8));
    }

    @Test
    void onlineRetailLayout() throws Exception {
        RunFixtures.RetailFile file = RunFixtures.onlineRetail(dir.resolve("Online Retail.csv"));
        compare("online_retail", new RunInputs(Map.of(InputKind.ORDERS, file.path()), List.of("online_retail")),
                VALIDATION);
    }

    @Test
    void cdnow() throws Exception {
        compare("cdnow", new RunInputs(Map.of(InputKind.ORDERS,
                Path.of("..", "datasets", "cdnow", "CDNOW_master.txt")), List.of("cdnow")), VALIDATION);
    }

    @Test
    void generatedBusinessWithEveryInput() throws Exception {
        Path generated = Files.createDirectories(dir.resolve("generated"));
        RunFixtures.generate(GeneratorConfig.of(2_000, 400, 11), generated);
        RunInputs inputs = RunFixtures.generatedInputs(generated);
        assertEquals(4, inputs.files().size(), "orders, engagement, treatments and customers");
        compare("generated", inputs, VALIDATION);
    }

    @Test
    void smallFixtures() throws Exception {
        Path fixtures = Path.of("src", "test", "resources", "fixtures");
        compare("fixtures", new RunInputs(Map.of(InputKind.ORDERS, fixtures.resolve("orders_mixed.csv"),
                InputKind.ENGAGEMENT, fixtures.resolve("engagement_small.jsonl"),
                InputKind.TREATMENTS, fixtures.resolve("treatments_small.csv")), List.of()),
                new RunInputs.Validation(ZoneOffset.UTC, LocalDateTime.of(2025, 1, 1, 0, 0), LocalDate.of(1970, 1, 1),
                        StandardCharsets.UTF_8));
    }

    private static void compare(String name, RunInputs inputs, RunInputs.Validation validation) throws Exception {
        Path sqlStaging = Files.createDirectories(dir.resolve(name + "-sql"));
        Path javaStaging = Files.createDirectories(dir.resolve(name + "-java"));
        RunInputs.Plan plan = inputs.plan(sqlStaging, validation);
        BatchStage.run(plan, new Configuration());
        assertTrue(Preparation.handles(inputs.adapters()));
        Preparation.run(plan.preparationFiles(), plan.charset(), inputs.adapters(), new Rules(validation.zone(),
                validation.futureCutoff(), validation.earliest(), RunInputs.AMOUNT_LIMIT), javaStaging);
        for (String table : List.of("customer_day", "treatments", "rejected", "input_counts")) {
            List<String> sql = canonical(StagedRows.read(sqlStaging, table));
            List<String> java = canonical(StagedRows.read(javaStaging, table));
            if (table.equals("customer_day") || table.equals("treatments")) {
                String time = table.equals("customer_day") ? "activity_date" : "treated_ts";
                assertTrue(sorted(StagedRows.read(javaStaging, table), time), name + ": " + table + " sorted by " + time);
            }
            assertEquals(sql.size(), java.size(), name + ": rows of " + table + "; first differences: " + diff(sql, java));
            assertEquals(List.of(), diff(sql, java), name + ": " + table + " (Flink SQL, then Java)");
        }
        assertTrue(StagedRows.read(javaStaging, "customer_day").size() > 0, name + ": something was rolled up");
    }

    private static boolean sorted(List<JsonNode> rows, String field) {
        String previous = "";
        for (JsonNode row : rows) {
            String value = row.get(field).asText();
            if (value.compareTo(previous) < 0) {
                return false;
            }
            previous = value;
        }
        return true;
    }

    /** Up to 10 rows only one side has, each marked with its side. */
    private static List<String> diff(List<String> sql, List<String> java) {
        List<String> onlySql = new ArrayList<>(sql);
        List<String> onlyJava = new ArrayList<>();
        for (String row : java) {
            if (!onlySql.remove(row)) {
                onlyJava.add(row);
            }
        }
        List<String> out = new ArrayList<>();
        onlySql.stream().limit(5).forEach(r -> out.add("sql:  " + r));
        onlyJava.stream().limit(5).forEach(r -> out.add("java: " + r));
        return out;
    }

    /** Each row as one sorted text: fields by name, numbers at 12 digits, packed lists as maps, times parsed. */
    private static List<String> canonical(List<JsonNode> rows) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : rows) {
            Map<String, String> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                fields.put(f.getKey(), value(f.getKey(), f.getValue()));
            }
            out.add(fields.toString());
        }
        out.sort(null);
        return out;
    }

    private static String value(String name, JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isNumber()) {
            return number(v.asDouble());
        }
        String text = v.asText();
        if (name.endsWith("_ts")) {
            return LocalDateTime.parse(text.replace(' ', 'T')).toString();
        }
        if (name.equals("channel_orders") || name.equals("category_spend") || name.equals("event_counts")) {
            Map<String, String> packed = new TreeMap<>();
            for (String pair : text.split(";")) {
                int eq = pair.lastIndexOf('=');
                packed.put(pair.substring(0, eq), number(Double.parseDouble(pair.substring(eq + 1))));
            }
            return packed.toString();
        }
        return text;
    }

    private static String number(double d) {
        return new BigDecimal(d).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
