package org.retentionsegments.input;

import java.nio.file.Path;
import java.util.Locale;

/** How the records of an input file are written. */
public enum InputFormat {
    /** CSV with a header line, columns in any order. */
    CSV,
    /** JSON lines: one object per line. */
    JSON,
    /** Plain lines, parsed by an adapter's SQL. */
    LINES;

    /** JSON lines for {@code .jsonl}, {@code .ndjson} and {@code .json}, CSV otherwise. */
    public static InputFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? JSON : CSV;
    }
}
