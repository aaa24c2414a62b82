package org.retentionsegments.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One file of the hostile corpus being written: records (rows rendered as CSV in this file's
 * header order or as JSON lines, or raw bytes) each with the fate it must meet, and the number of
 * the line each starts on once the file is written.
 */
final class CorpusFile {

    private record Entry(byte[] bytes, Fate fate) {}

    final Path path;
    final String source;
    final boolean json;
    final List<String> header;
    private final String eol;
    private final boolean bom;
    private final List<Entry> entries = new ArrayList<>();

    CorpusFile(Path path, String source, boolean json, List<String> header, String eol, boolean bom) {
        this.path = path;
        this.source = source;
        this.json = json;
        this.header = header;
        this.eol = eol;
        this.bom = bom;
    }

    /** Adds a row of column -> value (absent columns empty), rendered for this file. */
    void row(Map<String, String> values, Fate fate) {
        raw(json ? JsonText.object(values, header) : csv(values), fate);
    }

    void raw(String text, Fate fate) {
        raw(text.getBytes(StandardCharsets.UTF_8), fate);
    }

    void raw(byte[] bytes, Fate fate) {
        entries.add(new Entry(bytes, fate));
    }

    /** Moves the last {@code n} entries to random places among the others. */
    void scatterLast(int n, Random random) {
        List<Entry> tail = new ArrayList<>(entries.subList(entries.size() - n, entries.size()));
        entries.subList(entries.size() - n, entries.size()).clear();
        for (Entry e : tail) {
            entries.add(random.nextInt(entries.size() + 1), e);
        }
    }

    /** Writes the file and returns the fate of the record starting on each line. */
    Map<Long, Fate> write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        long line = 1;
        if (!json && header != null) {
            out.write(String.join(",", header).getBytes(StandardCharsets.UTF_8));
            out.write(eol.getBytes(StandardCharsets.UTF_8));
            line++;
        }
        Map<Long, Fate> fates = new LinkedHashMap<>();
        for (Entry e : entries) {
            fates.put(line, e.fate());
            out.write(e.bytes());
            out.write(eol.getBytes(StandardCharsets.UTF_8));
            for (byte b : e.bytes()) {
                if (b == '\n') {
                    line++;
                }
            }
            line++;
        }
        Files.write(path, out.toByteArray());
        return fates;
    }

    /** The header's column names as written (case and blanks), lower-cased and trimmed. */
    private String csv(Map<String, String> values) {
        List<String> cells = new ArrayList<>();
        for (String column : header) {
            String v = values.get(column.strip().toLowerCase(java.util.Locale.ROOT));
            cells.add(v == null ? "" : quoted(v));
        }
        return String.join(",", cells);
    }

    static String quoted(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
