package org.retentionsegments.warehouse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.postgresql.copy.CopyIn;

/**
 * Column values as PostgreSQL {@code COPY ... FROM STDIN (FORMAT binary)}, streamed in 64 KB
 * chunks: per row the column count, per value its length (-1 for NULL) and its bytes in the
 * server's binary form (big-endian integers and IEEE doubles, dates in days and timestamps in
 * microseconds since 2000-01-01, numerics in base-10000 digits, text as UTF-8). The server parses
 * no text, so nothing needs escaping. Timestamps are rounded half up to microseconds, as the
 * driver rounds bound parameters.
 */
final class CopyBinarySink implements ColumnSink {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final long EPOCH_2000_DAYS = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long EPOCH_2000_SECONDS = EPOCH_2000_DAYS * 86_400;

    private final CopyIn copy;
    private final int columns;
    private final byte[] buffer = new byte[1 << 16];
    private int length;

    CopyBinarySink(CopyIn copy, int columns) throws SQLException {
        this.copy = copy;
        this.columns = columns;
        bytes(HEADER, 0, HEADER.length);
    }

    @Override
    public void beginRow() throws SQLException {
        room(2);
        int16(columns);
    }

    @Override
    public void endRow() {}

    /** Sends what is buffered and the trailer, and ends the COPY; returns the rows the server took. */
    long finish() throws SQLException {
        room(2);
        int16(-1);
        flush();
        return copy.endCopy();
    }

    @Override
    public void text(String value) throws SQLException {
        if (value == null) {
            nul();
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        room(4);
        int32(utf8.length);
        bytes(utf8, 0, utf8.length);
    }

    @Override
    public void int4(Integer value) throws SQLException {
        if (value == null) {
            nul();
            return;
        }
        room(8);
        int32(4);
        int32(value);
    }

    @Override
    public void int8(Long value) throws SQLException {
        if (value == null) {
            nul();
            return;
        }
        room(12);
        int32(8);
        int64(value);
    }

    @Override
    public void float8(Double value) throws SQLException {
        if (value == null) {
            nul();
            return;
        }
        room(12);
        int32(8);
        int64(Double.doubleToLongBits(value));
    }

    @Override
    public void bool(Boolean value) throws SQLException {
        if (value == null) {
            nul();
            return;
        }
        room(5);
        int32(1);
        buffer[length++] = (byte) (value ? 1 : 0);
    }

    /** NUMERIC: sign, weight and base-10000 digits of a value of scale 2 (display scale 2). */
    @Override
    public void decimal(BigDecimal value) throws SQLException {
        if (value == null) {
            nul();
            return;
        }
        long unscaled = value.setScale(2).unscaledValue().longValueExact();
        long whole = Math.abs(unscaled / 100);
        int cents = (int) Math.abs(unscaled % 100);
        int[] groups = new int[5];
        int wholeGroups = 0;
        for (long w = whole; w > 0; w /= 10_000) {
            groups[wholeGroups++] = (int) (w % 10_000);
        }
        int digits = wholeGroups + (cents == 0 ? 0 : 1);
        room(4 + 8 + 2 * digits);
        int32(8 + 2 * digits);
        int16(digits);
        int16(wholeGroups == 0 ? -1 : wholeGroups - 1);
        int16(unscaled < 0 ? 0x4000 : 0);
        int16(2);
        for (int i = wholeGroups - 1; i >= 0; i--) {
            int16(groups[i]);
        }
        if (cents != 0) {
            int16(cents * 100);
        }
    }

    @Override
    public void date(LocalDate value) throws SQLException {
        if (value == null) {
            nul();
            return;
        }
        room(8);
        int32(4);
        int32(Math.toIntExact(value.toEpochDay() - EPOCH_2000_DAYS));
    }

    @Override
    public void timestamp(LocalDateTime value) throws SQLException {
        if (value == null) {
            nul();
            return;
        }
        long micros = (value.toEpochSecond(ZoneOffset.UTC) - EPOCH_2000_SECONDS) * 1_000_000
                + (value.getNano() + 500) / 1000;
        room(12);
        int32(8);
        int64(micros);
    }

    private void nul() throws SQLException {
        room(4);
        int32(-1);
    }

    private void int16(int v) {
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void int32(int v) {
        buffer[length++] = (byte) (v >>> 24);
        buffer[length++] = (byte) (v >>> 16);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void bytes(byte[] bytes, int from, int count) throws SQLException {
        while (count > 0) {
            room(1);
            int n = Math.min(count, buffer.length - length);
            System.arraycopy(bytes, from, buffer, length, n);
            length += n;
            from += n;
            count -= n;
        }
    }

    /** Makes room for {@code bytes} more bytes (at most the buffer's size). */
    private void room(int bytes) throws SQLException {
        if (length + bytes > buffer.length) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }
}
