package org.retentionsegments.input;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of delimited text into fields: CSV with quotes, or runs of white space. */
public final class Fields {

    private Fields() {}

    /**
     * Splits a CSV line (RFC 4180 quoting, doubled quotes inside quotes, a trailing carriage
     * return ignored). Fields are trimmed; empty fields become null. Returns null for a line with
     * an unterminated quote.
     */
    public static String[] csv(String line) {
        if (line == null) {
            return null;
        }
        int end = line.endsWith("\r") ? line.length() - 1 : line.length();
        return line.indexOf('"') < 0 ? unquoted(line, end) : byCharacter(line, end);
    }

    /** {@link #csv} one character at a time: for lines with quotes (and to test the faster path against). */
    static String[] byCharacter(String line, int end) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < end && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                out.add(finish(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(finish(field, wasQuoted));
        return out.toArray(new String[0]);
    }

    /** {@link #csv} of a line without quotes: each field between commas, stripped, null when empty. */
    private static String[] unquoted(String line, int end) {
        String[] out = new String[8];
        int count = 0;
        int from = 0;
        while (true) {
            int comma = line.indexOf(',', from);
            int stop = comma < 0 || comma > end ? end : comma;
            String value = line.substring(from, stop).strip();
            if (count == out.length) {
                out = java.util.Arrays.copyOf(out, count * 2);
            }
            out[count++] = value.isEmpty() ? null : value;
            if (stop == end) {
                return count == out.length ? out : java.util.Arrays.copyOf(out, count);
            }
            from = stop + 1;
        }
    }

    /** Splits on runs of white space, ignoring leading and trailing white space. */
    public static String[] whitespace(String line) {
        if (line == null) {
            return null;
        }
        String trimmed = line.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    private static String finish(StringBuilder field, boolean wasQuoted) {
        String value = wasQuoted ? field.toString() : field.toString().strip();
        return value.isEmpty() ? null : value;
    }
}
