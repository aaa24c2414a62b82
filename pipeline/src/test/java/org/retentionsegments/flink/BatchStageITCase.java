package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.input.InputKind;

/** The batch stage's SQL over literal fixture files: accepted, rejected, duplicates, rollups. */
class BatchStageITCase {

    @TempDir Path temp;
    /** A staging folder whose name would be SQL if it reached SQL unquoted. */
    private Path staging;

    @Test
    void parsesValidatesDedupesAndRollsUp() throws Exception {
        RunInputs inputs = new RunInputs(Map.of(
                InputKind.ORDERS, fixture("orders_mixed.csv"),
                InputKind.ENGAGEMENT, fixture("engagement_small.jsonl")), List.of());
        staging = java.nio.file.Files.createDirectories(temp.resolve("it's ${staging.rejected}', 'sink.parallelism' = '9"));
        BatchStage.run(inputs.plan(staging, new RunInputs.Validation(ZoneOffset.UTC, LocalDateTime.of(2025, 1, 1, 0, 0),
                java.time.LocalDate.of(1970, 1, 1), java.nio.charset.StandardCharsets.UTF_8)), new Configuration());

        Map<String, JsonNode> counts = new java.util.HashMap<>();
        for (JsonNode row : rows("input_counts")) {
            counts.put(row.get("source").asText(), row);
        }
        JsonNode orders = counts.get("orders");
        assertEquals(13, orders.get("read_rows").asLong());
        assertEquals(7, orders.get("rejected").asLong());
        assertEquals(1, orders.get("duplicates").asLong());
        JsonNode engagement = counts.get("engagement");
        assertEquals(5, engagement.get("read_rows").asLong());
        assertEquals(2, engagement.get("rejected").asLong());
        assertEquals(1, engagement.get("duplicates").asLong());

        List<String> reasons = rows("rejected").stream().map(r -> r.get("reject_reason").asText()).sorted().toList();
        assertTrue(reasons.contains("missing customer_id"), reasons.toString());
        assertTrue(reasons.contains("amount is not a finite number: NaN"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("order_ts is not a valid ISO-8601 timestamp: 2011-02-30")), reasons.toString());
        assertTrue(reasons.contains("expected 8 columns, found 4"), reasons.toString());
        assertTrue(reasons.contains("expected 8 columns, found 1"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("order_ts is in the future")), reasons.toString());
        assertTrue(reasons.contains("not a JSON object"), reasons.toString());

        List<JsonNode> days = rows("customer_day");
        JsonNode c1Jan5 = find(days, "c1", "2024-01-05");
        assertEquals(1, c1Jan5.get("orders").asInt());
        assertEquals(50.0, c1Jan5.get("revenue").asDouble(), 1e-9);
        JsonNode c2Jan20 = find(days, "c2", "2024-01-20");
        assertEquals(1, c2Jan20.get("return_orders").asInt());
        assertEquals(40.0, c2Jan20.get("return_amount").asDouble(), 1e-9);
        JsonNode c2Jan5 = find(days, "c2", "2024-01-05");
        assertEquals(1, c2Jan5.get("midnight_orders").asInt(), "a date-only timestamp is midnight");
        JsonNode c1Jan4 = find(days, "c1", "2024-01-04");
        assertEquals(1, c1Jan4.get("engagement_events").asInt());
        assertEquals("email_open=1", c1Jan4.get("event_counts").asText());
        List<String> sortedDates = days.stream().map(d -> d.get("activity_date").asText()).toList();
        assertEquals(sortedDates.stream().sorted().toList(), sortedDates, "staged rollups are sorted by day");
    }

    private JsonNode find(List<JsonNode> rows, String customer, String date) {
        return rows.stream()
                .filter(r -> r.get("customer_id").asText().equals(customer) && r.get("activity_date").asText().equals(date))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + customer + " " + date + " in " + rows));
    }

    private List<JsonNode> rows(String table) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (var files = Files.walk(staging.resolve(table))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        out.add(json.readTree(line));
                    }
                }
            }
        }
        return out;
    }

    static Path fixture(String name) throws Exception {
        return Path.of(BatchStageITCase.class.getClassLoader().getResource("fixtures/" + name).toURI());
    }
}
