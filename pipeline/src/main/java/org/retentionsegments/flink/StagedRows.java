package org.retentionsegments.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.core.RejectedInput;

/** Reads small staging tables (JSON lines) that the batch stage leaves for the launcher. */
final class StagedRows {

    private StagedRows() {}

    /** Every row of the staging table {@code name}. */
    static List<JsonNode> read(Path staging, String name) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        Path dir = staging.resolve(name);
        if (!Files.isDirectory(dir)) {
            return rows;
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        rows.add(json.readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staging table " + dir, e);
        }
        return rows;
    }

    private static String text(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.get(field).asText() : null;
    }

    /** The rejected rows, for a run that stops before its stream stage would write them. */
    static List<RejectedInput> rejected(Path staging, String runId) {
        return read(staging, "rejected").stream()
                .map(r -> new RejectedInput(runId, r.get("source").asText(), text(r, "input_file"),
                        r.hasNonNull("input_line") ? r.get("input_line").asLong() : null,
                        text(r, "raw_line"), r.get("reject_reason").asText()))
                .toList();
    }
}
