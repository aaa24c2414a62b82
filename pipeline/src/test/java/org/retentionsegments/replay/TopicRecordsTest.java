package org.retentionsegments.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.replay.TopicRecords.TopicRecord;

/** A generated business as topic records: every file row once, keyed by its customer, in event-time order. */
class TopicRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRowOfEveryFileOnceKeyedByCustomerInEventTimeOrder(@TempDir Path dir) throws Exception {
        List<TopicRecord> records = TopicRecords.generated(
                GeneratorConfig.of(300, 200, 5).withEndDate(LocalDate.of(2026, 6, 30)), dir);

        Map<InputKind, Long> perKind = records.stream()
                .collect(Collectors.groupingBy(TopicRecord::kind, Collectors.counting()));
        for (Map.Entry<InputKind, Path> file : TopicRecords.generatedFiles(dir).entrySet()) {
            long rows = Files.readAllLines(file.getValue()).size() - 1; // the header
            assertTrue(rows > 0, file.toString());
            assertEquals(rows, perKind.get(file.getKey()), "records of " + file.getKey());
        }
        for (int i = 1; i < records.size(); i++) {
            assertTrue(records.get(i - 1).eventMs() <= records.get(i).eventMs(), "in time order at " + i);
        }
        for (TopicRecord r : records) {
            JsonNode value = JSON.readTree(r.value());
            assertEquals(value.get("customer_id").asText(), r.key());
            assertTrue(value.hasNonNull(r.kind().timeColumn()), r.value());
            value.fieldNames().forEachRemaining(column -> assertTrue(r.kind().columns().contains(column), column));
        }
        assertTrue(records.get(0).eventMs() < records.get(records.size() - 1).eventMs());
    }
}
