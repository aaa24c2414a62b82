package org.retentionsegments.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * A buffered ASCII CSV writer: fields are appended one by one, {@link #end()} closes a line. Values
 * are never quoted, so callers only write text without commas, quotes or line breaks. Timestamps
 * are written as {@code yyyy-MM-ddTHH:mm:ssZ} with the date part cached per day.
 */
final class LineWriter implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private final byte[][] datePrefixes;
    private final long firstCachedDay;
    private int position;
    private boolean fieldStarted;
    private long lines;

    /** Caches date prefixes for epoch days in {@code [firstDay, firstDay + dayCount)}. */
    LineWriter(OutputStream out, long firstDay, int dayCount) {
        this.out = out;
        this.firstCachedDay = firstDay;
        this.datePrefixes = new byte[dayCount][];
    }

    /** Writes the header line (not counted in {@link #lines()}). */
    LineWriter header(String header) {
        text(header).end();
        lines--;
        return this;
    }

    LineWriter text(String value) {
        separate();
        int length = value.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[position++] = (byte) value.charAt(i);
        }
        return this;
    }

    /** Writes {@code prefix} directly followed by {@code digits} and, if {@code suffix >= 0}, "-suffix". */
    LineWriter id(char prefix, byte[] digits, long suffix) {
        separate();
        ensure(digits.length + 22);
        buffer[position++] = (byte) prefix;
        System.arraycopy(digits, 0, buffer, position, digits.length);
        position += digits.length;
        if (suffix >= 0) {
            buffer[position++] = '-';
            writeLong(suffix);
        }
        return this;
    }

    /** Writes {@code cents / 100} with two decimals, e.g. {@code -12.05}. */
    LineWriter cents(long cents) {
        separate();
        ensure(24);
        if (cents < 0) {
            buffer[position++] = '-';
            cents = -cents;
        }
        writeLong(cents / 100);
        int fraction = (int) (cents % 100);
        buffer[position++] = '.';
        buffer[position++] = (byte) ('0' + fraction / 10);
        buffer[position++] = (byte) ('0' + fraction % 10);
        return this;
    }

    LineWriter timestamp(long epochSecond) {
        separate();
        ensure(32);
        long day = Math.floorDiv(epochSecond, 86_400L);
        int second = (int) Math.floorMod(epochSecond, 86_400L);
        byte[] date = datePrefix(day);
        System.arraycopy(date, 0, buffer, position, date.length);
        position += date.length;
        two(second / 3600);
        buffer[position++] = ':';
        two(second / 60 % 60);
        buffer[position++] = ':';
        two(second % 60);
        buffer[position++] = 'Z';
        return this;
    }

    LineWriter end() {
        ensure(1);
        buffer[position++] = '\n';
        fieldStarted = false;
        lines++;
        return this;
    }

    /** Data lines written so far. */
    long lines() {
        return lines;
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private byte[] datePrefix(long day) {
        long index = day - firstCachedDay;
        if (index >= 0 && index < datePrefixes.length) {
            byte[] cached = datePrefixes[(int) index];
            if (cached == null) {
                cached = formatDate(day);
                datePrefixes[(int) index] = cached;
            }
            return cached;
        }
        return formatDate(day);
    }

    private static byte[] formatDate(long day) {
        return (LocalDate.ofEpochDay(day) + "T").getBytes(StandardCharsets.US_ASCII);
    }

    private void separate() {
        if (fieldStarted) {
            ensure(1);
            buffer[position++] = ',';
        }
        fieldStarted = true;
    }

    private void two(int value) {
        buffer[position++] = (byte) ('0' + value / 10);
        buffer[position++] = (byte) ('0' + value % 10);
    }

    private void writeLong(long value) {
        if (value == 0) {
            buffer[position++] = '0';
            return;
        }
        int start = position;
        while (value > 0) {
            buffer[position++] = (byte) ('0' + value % 10);
            value /= 10;
        }
        for (int i = start, j = position - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
    }

    private void ensure(int bytes) {
        if (position + bytes > buffer.length) {
            flush();
            if (bytes > buffer.length) {
                throw new IllegalArgumentException("field longer than the buffer: " + bytes);
            }
        }
    }

    private void flush() {
        try {
            out.write(buffer, 0, position);
            position = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
