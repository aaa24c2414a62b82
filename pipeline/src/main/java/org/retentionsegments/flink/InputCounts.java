package org.retentionsegments.flink;

import com.fasterxml.jackson.databind.JsonNode;
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
        Map<String, InputCounts> out = new TreeMap<>();
        for (JsonNode row : StagedRows.read(staging, "input_counts")) {
            JsonNode last = row.get("last_ts");
            InputCounts counts = new InputCounts(row.get("source").asText(),
                    row.get("read_rows").asLong(), row.get("rejected").asLong(),
                    row.get("duplicates").asLong(),
                    last == null || last.isNull() ? null
                            : LocalDateTime.parse(last.asText().replace(' ', 'T')));
            out.put(counts.source(), counts);
        }
        return out;
    }
}
