package org.retentionsegments.flink;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.ScalarFunction;
import org.retentionsegments.core.Contacts;
import org.retentionsegments.input.Fields;
import org.retentionsegments.input.TextChecks;
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
        tEnv.createTemporarySystemFunction("ID_PROBLEM", IdProblem.class);
        tEnv.createTemporarySystemFunction("TEXT_PROBLEM", TextProblem.class);
        tEnv.createTemporarySystemFunction("PARSE_TS", ParseTimestamp.class);
        tEnv.createTemporarySystemFunction("PARSE_NUMBER", ParseNumber.class);
        tEnv.createTemporarySystemFunction("PARSE_INT", ParseInteger.class);
        tEnv.createTemporarySystemFunction("PARSE_BOOL", ParseBoolean.class);
        tEnv.createTemporarySystemFunction("ISO_FROM_SPREADSHEET", IsoFromSpreadsheet.class);
        tEnv.createTemporarySystemFunction("EMAIL_SHA256", EmailSha256.class);
        tEnv.createTemporarySystemFunction("PHONE_SHA256", PhoneSha256.class);
    }

    /** {@code EMAIL_SHA256(email)}: {@link Contacts#emailSha256}, null for a value that is not an address. */
    public static class EmailSha256 extends ParseFunction {
        public String eval(String email) {
            return Contacts.emailSha256(email);
        }
    }

    /** {@code PHONE_SHA256(phone, country)}: {@link Contacts#phoneSha256}, null for a value that is not a number. */
    public static class PhoneSha256 extends ParseFunction {
        public String eval(String phone, String country) {
            return Contacts.phoneSha256(phone, country);
        }
    }

    /**
     * Every function here is declared non-deterministic, though it is not: the planner then
     * computes each call once per row. Deterministic calls are copied into every expression that
     * uses their result when it merges the projections of stacked views (FLINK-33996), and the
     * batch stage's views use each parsed field many times: measured on 100,000 Online Retail
     * lines, SPLIT_CSV ran 37.6 times and PARSE_NUMBER 20 times per line before, once and 6
     * times (its number of call sites) after.
     */
    abstract static class ParseFunction extends ScalarFunction {
        @Override
        public boolean isDeterministic() {
            return false;
        }
    }

    /** {@code SPLIT_CSV(line)}: the CSV fields of a line, null for an unterminated quote. */
    public static class SplitCsv extends ParseFunction {
        public @DataTypeHint("ARRAY<STRING>") String[] eval(String line) {
            return Fields.csv(line);
        }
    }

    /** {@code SPLIT_WS(line)}: the white-space separated fields of a line. */
    public static class SplitWhitespace extends ParseFunction {
        public @DataTypeHint("ARRAY<STRING>") String[] eval(String line) {
            return Fields.whitespace(line);
        }
    }

    /** {@code ID_PROBLEM(column, value)}: why an identifier is unusable, null when it is fine. */
    public static class IdProblem extends ParseFunction {
        public String eval(String column, String value) {
            return TextChecks.idProblem(column, value);
        }
    }

    /** {@code TEXT_PROBLEM(column, value)}: why a text value is unusable, null when it is fine. */
    public static class TextProblem extends ParseFunction {
        public String eval(String column, String value) {
            return TextChecks.textProblem(column, value);
        }
    }

    /** {@code PARSE_TS(text, zone)}: a strict ISO-8601 timestamp as UTC, null when invalid. */
    public static class ParseTimestamp extends ParseFunction {
        private transient String zoneText;
        private transient ZoneId zone;

        public @DataTypeHint("TIMESTAMP(3)") LocalDateTime eval(String text, String zone) {
            if (!zone.equals(zoneText)) { // the zone is a constant of the query: parsed once
                this.zone = ZoneId.of(zone);
                this.zoneText = zone;
            }
            return Values.timestampUtc(text, this.zone);
        }
    }

    /** {@code PARSE_NUMBER(text)}: a finite number, null for text, NaN and infinities. */
    public static class ParseNumber extends ParseFunction {
        public Double eval(String text) {
            return Values.number(text);
        }
    }

    /** {@code PARSE_INT(text)}: an integer, null otherwise. */
    public static class ParseInteger extends ParseFunction {
        public Long eval(String text) {
            return Values.integer(text);
        }
    }

    /** {@code PARSE_BOOL(text)}: true/false/yes/no/1/0, null otherwise. */
    public static class ParseBoolean extends ParseFunction {
        public Boolean eval(String text) {
            return Values.bool(text);
        }
    }

    /** {@code ISO_FROM_SPREADSHEET(text)}: {@code M/D/YYYY H:MM[:SS]} as ISO, other text unchanged. */
    public static class IsoFromSpreadsheet extends ParseFunction {
        public String eval(String text) {
            return Values.isoFromSpreadsheet(text);
        }
    }
}
