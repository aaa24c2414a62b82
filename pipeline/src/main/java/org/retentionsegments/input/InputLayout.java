package org.retentionsegments.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one input file is laid out: CSV with a header (columns in any order, extra columns ignored)
 * or JSON lines. Produces the SQL placeholders that {@code features/X_fields.sql} uses to map the
 * file's fields onto the canonical columns.
 */
public record InputLayout(InputKind kind, Path path, boolean json, List<String> header) {

    /**
     * Inspects a file (or the first file of a folder). JSON lines are recognised by the extension
     * {@code .jsonl}, {@code .ndjson} or {@code .json}; anything else is CSV whose first line is
     * the header.
     *
     * @throws InputException when the file is missing or a required column is absent
     */
    public static InputLayout inspect(InputKind kind, Path path) {
        Path first = firstFile(kind, path);
        String name = first.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return new InputLayout(kind, path, true, kind.columns());
        }
        String headerLine = firstLine(first);
        if (headerLine == null) {
            return new InputLayout(kind, path, false, kind.columns());
        }
        String[] fields = Fields.csv(headerLine);
        List<String> header = fields == null ? List.of()
                : Arrays.stream(fields).map(f -> f == null ? "" : f.toLowerCase(Locale.ROOT)).toList();
        for (String column : kind.required()) {
            if (!header.contains(column)) {
                throw new InputException(kind.label() + " file " + path + " has no column '" + column
                        + "' in its header line (" + headerLine.strip() + "); the " + kind.label()
                        + " input needs " + String.join(", ", kind.required())
                        + " — or map your layout with --source-sql");
            }
        }
        return new InputLayout(kind, path, false, header);
    }

    /** An absent optional input: an empty file in the canonical CSV layout. */
    public static InputLayout empty(InputKind kind, Path emptyFile) {
        return new InputLayout(kind, emptyFile, false, kind.columns());
    }

    /** The placeholders {@code X.path}, {@code X.header}, {@code X.split}, {@code X.parse_error}, {@code X.col.NAME}. */
    public Map<String, String> placeholders() {
        String p = kind.label() + ".";
        Map<String, String> values = new HashMap<>();
        values.put(p + "path", path.toAbsolutePath().toString());
        if (json) {
            values.put(p + "header", "''");
            values.put(p + "split", "CAST(NULL AS ARRAY<STRING>)");
            values.put(p + "parse_error",
                    "CASE WHEN line IS JSON OBJECT THEN CAST(NULL AS STRING) ELSE 'not a JSON object' END");
            for (String column : kind.columns()) {
                values.put(p + "col." + column, "JSON_VALUE(line, '$." + column + "')");
            }
        } else {
            values.put(p + "header", "'" + String.join(",", header).replaceAll("[\\s\"]", "").replace("'", "''") + "'");
            values.put(p + "split", "SPLIT_CSV(line)");
            int n = header.size();
            values.put(p + "parse_error", "CASE WHEN f IS NULL THEN 'unterminated quote in CSV line'"
                    + " WHEN CARDINALITY(f) <> " + n + " THEN 'expected " + n
                    + " columns, found ' || CAST(CARDINALITY(f) AS STRING) END");
            for (String column : kind.columns()) {
                int index = header.indexOf(column);
                values.put(p + "col." + column,
                        index < 0 ? "CAST(NULL AS STRING)" : "f[" + (index + 1) + "]");
            }
        }
        return values;
    }

    private static Path firstFile(InputKind kind, Path path) {
        if (!Files.exists(path)) {
            throw new InputException("the " + kind.label() + " file " + path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            return path;
        }
        try (var files = Files.list(path)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().findFirst()
                    .orElseThrow(() -> new InputException("the " + kind.label() + " folder " + path + " is empty"));
        } catch (IOException e) {
            throw new InputException("cannot list " + path + ": " + e.getMessage());
        }
    }

    private static String firstLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    return line.startsWith("\uFEFF") ? line.substring(1) : line;
                }
            }
            return null;
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
