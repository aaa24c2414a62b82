package org.retentionsegments.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accounting of one input after the batch stage: read = accepted + rejected + duplicates.
 *
 * @param lastEvent the latest accepted event time (UTC), null when none
 */
public record InputCounts(String source, long read, long rejected, long duplicates, LocalDateTime lastEvent) {

    public long accepted() {
        return read - rejected - duplicates;
    }

    /** Reads the counts the batch stage left in {@code staging/input_counts}, by source. */
    public static Map<String, InputCounts> read(Path staging) {
        ObjectMapper json = new ObjectMapper();
        Map<String, InputCounts> out = new TreeMap<>();
        try (var files = Files.walk(staging.resolve("input_counts"))) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode row = json.readTree(line);
                    JsonNode last = row.get("last_ts");
                    InputCounts counts = new InputCounts(row.get("source").asText(),
                            row.get("read_rows").asLong(), row.get("rejected").asLong(),
                            row.get("duplicates").asLong(),
                            last == null || last.isNull() ? null
                                    : LocalDateTime.parse(last.asText().replace(' ', 'T')));
                    out.put(counts.source(), counts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input counts in " + staging, e);
        }
        return out;
    }
}
