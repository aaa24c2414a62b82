package org.retentionsegments.flink;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.ScalarFunction;
import org.retentionsegments.input.Fields;
import org.retentionsegments.input.Values;

/**
 * The scalar functions the stream SQL in {@code sql/flink} uses for parsing. Each is a thin
 * wrapper over {@link Fields} and {@link Values}, which are tested on their own.
 */
public final class SqlFunctions {

    private SqlFunctions() {}

    /** Registers every function under its SQL name. */
    public static void register(TableEnvironment tEnv) {
        tEnv.createTemporarySystemFunction("SPLIT_CSV", SplitCsv.class);
        tEnv.createTemporarySystemFunction("SPLIT_WS", SplitWhitespace.class);
        tEnv.createTemporarySystemFunction("IS_RECORD", IsRecord.class);
        tEnv.createTemporarySystemFunction("PARSE_TS", ParseTimestamp.class);
        tEnv.createTemporarySystemFunction("PARSE_NUMBER", ParseNumber.class);
        tEnv.createTemporarySystemFunction("PARSE_INT", ParseInteger.class);
        tEnv.createTemporarySystemFunction("PARSE_BOOL", ParseBoolean.class);
        tEnv.createTemporarySystemFunction("ISO_FROM_SPREADSHEET", IsoFromSpreadsheet.class);
    }

    /** {@code SPLIT_CSV(line)}: the CSV fields of a line, null for an unterminated quote. */
    public static class SplitCsv extends ScalarFunction {
        public @DataTypeHint("ARRAY<STRING>") String[] eval(String line) {
            return Fields.csv(line);
        }
    }

    /** {@code SPLIT_WS(line)}: the white-space separated fields of a line. */
    public static class SplitWhitespace extends ScalarFunction {
        public @DataTypeHint("ARRAY<STRING>") String[] eval(String line) {
            return Fields.whitespace(line);
        }
    }

    /** {@code IS_RECORD(line, header)}: false for blank lines and for the header line itself. */
    public static class IsRecord extends ScalarFunction {
        public boolean eval(String line, String header) {
            if (line == null || line.isBlank()) {
                return false;
            }
            String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (header == null || header.isEmpty()) {
                return true;
            }
            // a header is short and starts with a letter or a quote: most data lines stop here
            if (text.length() > 2 * header.length() + 16 || !startsLikeHeader(text)) {
                return true;
            }
            return !normalized(text).equals(header);
        }
    }

    private static boolean startsLikeHeader(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Character.isWhitespace(c) && c != '"' && c != '\uFEFF') {
                return Character.isLetter(c) || c == '_';
            }
        }
        return false;
    }

    /** A header line as {@code IS_RECORD} compares it: no quotes or blanks, lower case. */
    public static String normalized(String headerLine) {
        StringBuilder out = new StringBuilder(headerLine.length());
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c != '"' && !Character.isWhitespace(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** {@code PARSE_TS(text, zone)}: a strict ISO-8601 timestamp as UTC, null when invalid. */
    public static class ParseTimestamp extends ScalarFunction {
        public @DataTypeHint("TIMESTAMP(3)") LocalDateTime eval(String text, String zone) {
            return Values.timestampUtc(text, ZoneId.of(zone));
        }
    }

    /** {@code PARSE_NUMBER(text)}: a finite number, null for text, NaN and infinities. */
    public static class ParseNumber extends ScalarFunction {
        public Double eval(String text) {
            return Values.number(text);
        }
    }

    /** {@code PARSE_INT(text)}: an integer, null otherwise. */
    public static class ParseInteger extends ScalarFunction {
        public Long eval(String text) {
            return Values.integer(text);
        }
    }

    /** {@code PARSE_BOOL(text)}: true/false/yes/no/1/0, null otherwise. */
    public static class ParseBoolean extends ScalarFunction {
        public Boolean eval(String text) {
            return Values.bool(text);
        }
    }

    /** {@code ISO_FROM_SPREADSHEET(text)}: {@code M/D/YYYY H:MM[:SS]} as ISO, other text unchanged. */
    public static class IsoFromSpreadsheet extends ScalarFunction {
        public String eval(String text) {
            return Values.isoFromSpreadsheet(text);
        }
    }
}
