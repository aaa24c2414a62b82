package org.retentionsegments.input;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict parsing of the input contract's timestamps and numbers: null means "not valid". */
public final class Values {

    private static final DateTimeFormatter LOCAL =
            new DateTimeFormatterBuilder()
                    .appendPattern("uuuu-MM-dd")
                    .optionalStart()
                    .appendLiteral('T')
                    .optionalEnd()
                    .optionalStart()
                    .appendLiteral(' ')
                    .optionalEnd()
                    .optionalStart()
                    .appendPattern("HH:mm")
                    .optionalStart()
                    .appendPattern(":ss")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
                    .optionalEnd()
                    .optionalEnd()
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HH:MM", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HHMM", "Z")
                    .optionalEnd()
                    .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                    .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                    .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
                    .toFormatter()
                    .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Values() {}

    /**
     * Parses an ISO-8601 timestamp ({@code 2011-12-09T12:50:00}, with {@code Z} or an offset, a
     * space instead of {@code T}, or a bare date meaning midnight) and returns it as UTC local time.
     * Timestamps without an offset are read in {@code zone}. Impossible dates give null.
     */
    public static LocalDateTime timestampUtc(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.length() < 10) {
            return null;
        }
        LocalDateTime fast = fastUtc(s);
        if (fast != null) {
            return fast.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (s.length() == 20 && s.charAt(19) == 'Z') {
            fast = fastUtc(s.substring(0, 19));
            if (fast != null) {
                return fast;
            }
        }
        try {
            var parsed = LOCAL.parse(s);
            LocalDateTime local = LocalDateTime.of(
                    LocalDate.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                            parsed.get(ChronoField.DAY_OF_MONTH)),
                    java.time.LocalTime.of(parsed.get(ChronoField.HOUR_OF_DAY),
                            parsed.get(ChronoField.MINUTE_OF_HOUR),
                            parsed.get(ChronoField.SECOND_OF_MINUTE),
                            parsed.isSupported(ChronoField.NANO_OF_SECOND)
                                    ? parsed.get(ChronoField.NANO_OF_SECOND) : 0));
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
                return OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime();
            }
            return local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeException | ArithmeticException invalid) {
            return null;
        }
    }

    /**
     * The common shapes {@code yyyy-MM-dd} and {@code yyyy-MM-ddTHH:mm:ss} (or with a space),
     * parsed without the formatter; null when {@code s} has another shape or is not a valid date,
     * in which case the formatter decides.
     */
    private static LocalDateTime fastUtc(String s) {
        int n = s.length();
        if ((n != 10 && n != 19) || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (n == 19) {
            char sep = s.charAt(10);
            if ((sep != 'T' && sep != ' ') || s.charAt(13) != ':' || s.charAt(16) != ':') {
                return null;
            }
            hour = digits(s, 11, 2);
            minute = digits(s, 14, 2);
            second = digits(s, 17, 2);
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final Pattern SPREADSHEET_TS = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2})(:\\d{2})?");

    /**
     * Rewrites a spreadsheet-style US timestamp {@code M/D/YYYY H:MM[:SS]} (as in exports of the
     * "Online Retail" workbook) to ISO {@code YYYY-MM-DD HH:MM[:SS]}, digits untouched, so that
     * the strict timestamp validation still judges it (an impossible {@code 2/30/2011} stays
     * impossible); any other text is returned as it is.
     */
    public static String isoFromSpreadsheet(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SPREADSHEET_TS.matcher(text.strip());
        if (!m.matches()) {
            return text;
        }
        return m.group(3) + "-" + twoDigits(m.group(1)) + "-" + twoDigits(m.group(2)) + " "
                + twoDigits(m.group(4)) + ":" + m.group(5) + (m.group(6) == null ? "" : m.group(6));
    }

    private static String twoDigits(String digits) {
        return digits.length() == 1 ? "0" + digits : digits;
    }

    /** Parses a finite decimal number; null for text, NaN and infinities. */
    public static Double number(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty() || !NUMBER.matcher(s).matches()) {
            return null;
        }
        double value = Double.parseDouble(s);
        return Double.isFinite(value) ? value : null;
    }

    /** Parses an integer; null when it is not one. */
    public static Long integer(String text) {
        Double value = number(text);
        if (value == null || value != Math.rint(value) || Math.abs(value) > 1e15) {
            return null;
        }
        return value.longValue();
    }

    /** Parses a boolean in the usual spellings (true/false, yes/no, 1/0, y/n); null otherwise. */
    public static Boolean bool(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "y", "1", "t" -> Boolean.TRUE;
            case "false", "no", "n", "0", "f" -> Boolean.FALSE;
            default -> null;
        };
    }
}
