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

    /** What {@link #number} accepts (after stripping white space); {@link #isNumber} decides it without the pattern. */
    static final Pattern NUMBER =
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
        LocalDateTime fast = fastUtc(s, s.length());
        if (fast != null) {
            return toUtc(fast, zone);
        }
        fast = fastSeconds(s, zone);
        return fast != null ? fast : byFormatter(s, zone);
    }

    /**
     * The shape {@code yyyy-MM-ddTHH:mm:ss} (or with a space) followed by a fraction of 1 to 9
     * digits, a {@code Z}, or both ({@code 2026-12-06T03:01:23.456Z}, as {@code Instant.toString()}
     * and JavaScript's {@code toISOString()} write), parsed without the formatter, as UTC; null when
     * {@code s} has another shape or is not a valid time, in which case the formatter decides. A
     * topic's producer that stamps milliseconds sent every record through the formatter: 4.99 of a
     * source task's 9.34 CPU seconds in a profile of {@code bench/continuous.sh}'s capacity phase.
     */
    private static LocalDateTime fastSeconds(String s, ZoneId zone) {
        int n = s.length();
        boolean zulu = s.charAt(n - 1) == 'Z';
        int end = zulu ? n - 1 : n;
        int nanos = 0;
        if (end > 19) {
            int digits = end - 20;
            if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int fraction = digits(s, 20, digits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (end != 19 || !zulu) {
            return null;
        }
        LocalDateTime seconds = fastUtc(s, 19);
        if (seconds == null) {
            return null;
        }
        LocalDateTime local = seconds.withNano(nanos);
        return zulu ? local : toUtc(local, zone);
    }

    /** {@link #timestampUtc} by the formatter alone (every shape it takes), for text already stripped. */
    static LocalDateTime byFormatter(String s, ZoneId zone) {
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

    /** A local time in {@code zone} as UTC; a zone of one fixed offset (UTC itself, say) without the zone rules. */
    private static LocalDateTime toUtc(LocalDateTime local, ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? local : local.minusSeconds(offset.getTotalSeconds());
        }
        if (zone.getId().equals("UTC") || zone.getId().equals("Z")) {
            return local;
        }
        return local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /**
     * The common shapes {@code yyyy-MM-dd}, {@code yyyy-MM-ddTHH:mm} and {@code yyyy-MM-ddTHH:mm:ss} (or with a space),
     * of the first {@code n} characters of {@code s} (at least {@code n}),
     * parsed without the formatter; null when they have another shape or are not a valid date,
     * in which case the formatter decides.
     */
    private static LocalDateTime fastUtc(String s, int n) {
        if ((n != 10 && n != 16 && n != 19) || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (n > 10) {
            char sep = s.charAt(10);
            if ((sep != 'T' && sep != ' ') || s.charAt(13) != ':' || (n == 19 && s.charAt(16) != ':')) {
                return null;
            }
            hour = digits(s, 11, 2);
            minute = digits(s, 14, 2);
            second = n == 19 ? digits(s, 17, 2) : 0;
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

    static final Pattern SPREADSHEET_TS = Pattern.compile(
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
        String fast = spreadsheetFast(text);
        if (fast != null) {
            return fast;
        }
        Matcher m = SPREADSHEET_TS.matcher(text.strip());
        if (!m.matches()) {
            return text;
        }
        return m.group(3) + "-" + twoDigits(m.group(1)) + "-" + twoDigits(m.group(2)) + " "
                + twoDigits(m.group(4)) + ":" + m.group(5) + (m.group(6) == null ? "" : m.group(6));
    }

    /**
     * {@link #isoFromSpreadsheet} for text without surrounding white space, without the pattern:
     * the result, or null when the pattern must decide (or the text does not match it).
     */
    private static String spreadsheetFast(String s) {
        int n = s.length();
        int i = 0;
        int month = runOfDigits(s, i, 1, 2);
        if (month < 0 || (i += month) >= n || s.charAt(i) != '/') {
            return null;
        }
        int dayAt = ++i;
        int day = runOfDigits(s, i, 1, 2);
        if (day < 0 || (i += day) >= n || s.charAt(i) != '/') {
            return null;
        }
        int yearAt = ++i;
        if (runOfDigits(s, i, 4, 4) < 0 || (i += 4) >= n || s.charAt(i) != ' ') {
            return null;
        }
        int hourAt = ++i;
        int hour = runOfDigits(s, i, 1, 2);
        if (hour < 0 || (i += hour) >= n || s.charAt(i) != ':') {
            return null;
        }
        int minuteAt = ++i;
        if (runOfDigits(s, i, 2, 2) < 0) {
            return null;
        }
        i += 2;
        if (i != n && !(i + 3 == n && s.charAt(i) == ':' && runOfDigits(s, i + 1, 2, 2) == 2)) {
            return null;
        }
        StringBuilder iso = new StringBuilder(19).append(s, yearAt, yearAt + 4).append('-');
        (month == 1 ? iso.append('0') : iso).append(s, 0, month).append('-');
        (day == 1 ? iso.append('0') : iso).append(s, dayAt, dayAt + day).append(' ');
        (hour == 1 ? iso.append('0') : iso).append(s, hourAt, hourAt + hour).append(':');
        return iso.append(s, minuteAt, n).toString();
    }

    /** The length of the run of ASCII digits at {@code from}, if it is {@code min} to {@code max} long and ends there; else -1. */
    private static int runOfDigits(String s, int from, int min, int max) {
        int i = from;
        while (i < s.length() && i - from <= max && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        int length = i - from;
        return length >= min && length <= max ? length : -1;
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
        if (s.isEmpty() || !isNumber(s)) {
            return null;
        }
        double value = Double.parseDouble(s);
        return Double.isFinite(value) ? value : null;
    }

    /** Whether {@code s} matches {@link #NUMBER}, without the pattern (tested against it). */
    static boolean isNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fractionDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** {@code \d} of {@link Pattern}: ASCII digits only. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
