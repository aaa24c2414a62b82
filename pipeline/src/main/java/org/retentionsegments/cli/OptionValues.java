package org.retentionsegments.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for option values whose picocli defaults would name Java types or exceptions in
 * the error ({@code cannot convert '2011-02-30' to LocalDate (java.time.format...)}): each says
 * in words what is wrong with the value.
 */
final class OptionValues {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private OptionValues() {}

    static CommandLine register(CommandLine cmd) {
        ITypeConverter<LocalDate> date = new Converter<>(OptionValues::date);
        ITypeConverter<Integer> integer = new Converter<>(OptionValues::integer);
        ITypeConverter<Long> longInteger = new Converter<>(OptionValues::longInteger);
        ITypeConverter<Double> number = new Converter<>(OptionValues::number);
        return cmd.registerConverter(LocalDate.class, date)
                .registerConverter(Integer.class, integer).registerConverter(Integer.TYPE, integer)
                .registerConverter(Long.class, longInteger).registerConverter(Long.TYPE, longInteger)
                .registerConverter(Double.class, number).registerConverter(Double.TYPE, number);
    }

    /**
     * A picocli converter made of a function. A class, not a lambda of picocli's interface: that
     * interface is a Java 5 class file, and the JDK 17 dump of the launcher's class-data archive
     * crashes on a lambda that implements such an interface (JDK-8274944); the function's own
     * interface is a modern one.
     */
    private static final class Converter<T> implements ITypeConverter<T> {
        private final Function<String, T> convert;

        Converter(Function<String, T> convert) {
            this.convert = convert;
        }

        @Override
        public T convert(String value) {
            return convert.apply(value);
        }
    }

    /** A yyyy-MM-dd date that exists. */
    static LocalDate date(String text) {
        Matcher m = ISO_DATE.matcher(text.strip());
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a date: write it as yyyy-MM-dd, e.g. 2011-12-10");
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            throw new TypeConversionException("'" + text + "' is not a date: there is no month " + month);
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            YearMonth ym = YearMonth.of(year, month);
            throw new TypeConversionException("'" + text + "' is not a date: " + ym + " has days 1 to "
                    + ym.lengthOfMonth());
        }
    }

    static Integer integer(String text) {
        long value = longInteger(text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new TypeConversionException("'" + text + "' is out of range " + Integer.MIN_VALUE + ".."
                    + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    static Long longInteger(String text) {
        String t = text.strip();
        if (!t.matches("[+-]?\\d+")) {
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is out of range " + Long.MIN_VALUE + ".."
                    + Long.MAX_VALUE);
        }
    }

    static Double number(String text) {
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
        double value = Double.parseDouble(t);
        if (!Double.isFinite(value)) {
            throw new TypeConversionException("'" + text + "' is too large a number");
        }
        return value;
    }
}
