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

    /** Parses a finite decimal number; null for text, NaN and infinities. */
    public static Double number(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty() || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
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
