package org.retentionsegments.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text of one CSV record (RFC 4180): fields separated by commas; a field that starts
 * with a double quote (after optional blanks) is quoted, may hold commas, newlines and doubled
 * quotes, and ends at the next single quote, after which only blanks may come before the comma; a
 * quote inside an unquoted field is an ordinary character. Values are trimmed and an empty value
 * is null.
 */
final class CsvRecord {

    /** The outcome of {@link #parse}: fields, or an open quote, or an error. */
    record Parsed(String[] fields, boolean openQuote, String error) {}

    private static final Parsed OPEN = new Parsed(null, true, null);

    private CsvRecord() {}

    static Parsed parse(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int n = text.length();
        int i = 0;
        while (true) {
            int start = i;
            while (i < n && isBlank(text.charAt(i))) {
                i++;
            }
            if (i < n && text.charAt(i) == '"') {
                i++;
                field.setLength(0);
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (!closed) {
                    return OPEN;
                }
                while (i < n && isBlank(text.charAt(i))) {
                    i++;
                }
                if (i < n && text.charAt(i) != ',') {
                    return new Parsed(null, false, "text after a closing quote in column " + (fields.size() + 1));
                }
                fields.add(value(field.toString()));
            } else {
                int comma = text.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                fields.add(value(text.substring(start, end)));
                i = end;
            }
            if (i >= n) {
                return new Parsed(fields.toArray(new String[0]), false, null);
            }
            i++; // the comma
        }
    }

    /**
     * Whether a record whose previous line ended inside a quoted field is still inside one at the
     * end of {@code line}, following the same rules as {@link #parse} (so that a record that spans
     * lines is scanned once, not parsed again for every line it takes).
     */
    static boolean stillQuoted(String line) {
        int state = 0; // 0 quoted, 1 after a closing quote, 2 at a field start, 3 in an unquoted field
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            switch (state) {
                case 0 -> {
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            i++;
                        } else {
                            state = 1;
                        }
                    }
                }
                case 1 -> {
                    if (c == ',') {
                        state = 2;
                    } else if (!isBlank(c)) {
                        return false; // text after a closing quote: the parse will say so
                    }
                }
                case 2 -> {
                    if (c == '"') {
                        state = 0;
                    } else if (c != ',' && !isBlank(c)) {
                        state = 3;
                    }
                }
                default -> {
                    if (c == ',') {
                        state = 2;
                    }
                }
            }
        }
        return state == 0;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static String value(String raw) {
        String v = raw.strip();
        return v.isEmpty() ? null : v;
    }
}
