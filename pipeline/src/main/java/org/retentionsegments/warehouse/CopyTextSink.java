package org.retentionsegments.warehouse;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.postgresql.copy.CopyIn;

/**
 * Column values as PostgreSQL {@code COPY ... FROM STDIN} text format, UTF-8, streamed in 64 KB
 * chunks: tab between columns, newline after a row, {@code \N} for NULL, and in text the
 * backslash, newline, carriage return and tab escaped. Values are spelt as the driver spells
 * bound parameters, so a row means the same either way: doubles as {@link Double#toString}
 * (which reads back to the same double), timestamps rounded half up to microseconds.
 */
final class CopyTextSink implements ColumnSink {

    private static final byte[] NULL = {'\\', 'N'};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private final CopyIn copy;
    private final byte[] buffer = new byte[1 << 16];
    private int length;
    private boolean firstColumn;

    CopyTextSink(CopyIn copy) {
        this.copy = copy;
    }

    @Override
    public void beginRow() {
        firstColumn = true;
    }

    @Override
    public void endRow() throws SQLException {
        room(1);
        buffer[length++] = '\n';
    }

    /** Sends what is buffered and ends the COPY; returns the rows the server took. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void text(String value) throws SQLException {
        if (value == null) {
            column(NULL);
            return;
        }
        separator();
        for (int i = 0; i < value.length(); i++) {
            room(4);
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escape('\\');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case '\t' -> escape('t');
                    default -> buffer[length++] = (byte) c;
                }
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xC0 | c >> 6);
                buffer[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                buffer[length++] = (byte) (0xF0 | cp >> 18);
                buffer[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buffer[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                buffer[length++] = '?'; // as String.getBytes(UTF_8), and so the driver, encodes it
            } else {
                buffer[length++] = (byte) (0xE0 | c >> 12);
                buffer[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    @Override
    public void int4(Integer value) throws SQLException {
        ascii(value == null ? null : value.toString());
    }

    @Override
    public void int8(Long value) throws SQLException {
        ascii(value == null ? null : value.toString());
    }

    @Override
    public void float8(Double value) throws SQLException {
        ascii(value == null ? null : value.toString());
    }

    @Override
    public void bool(boolean value) throws SQLException {
        ascii(value ? "t" : "f");
    }

    @Override
    public void decimal(BigDecimal value) throws SQLException {
        ascii(value == null ? null : value.toPlainString());
    }

    @Override
    public void date(LocalDate value) throws SQLException {
        ascii(value == null ? null : value.toString());
    }

    @Override
    public void timestamp(LocalDateTime value) throws SQLException {
        if (value == null) {
            ascii(null);
            return;
        }
        int belowMicros = value.getNano() % 1000;
        LocalDateTime micros = belowMicros >= 500 ? value.plusNanos(1000 - belowMicros) : value;
        ascii(TIMESTAMP.format(micros));
    }

    /** A value whose text is ASCII with nothing to escape; null writes NULL. */
    private void ascii(String text) throws SQLException {
        if (text == null) {
            column(NULL);
            return;
        }
        separator();
        room(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void column(byte[] bytes) throws SQLException {
        separator();
        room(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void separator() throws SQLException {
        if (firstColumn) {
            firstColumn = false;
        } else {
            room(1);
            buffer[length++] = '\t';
        }
    }

    private void escape(char c) {
        buffer[length++] = '\\';
        buffer[length++] = (byte) c;
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
