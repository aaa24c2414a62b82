package org.retentionsegments.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Helpers for the reader tests: read a whole byte array, and describe records as one string each
 * so a list of expected records can be compared with one {@code assertEquals} (and a failure shows
 * the whole file's outcome).
 */
final class ReaderFixture {

    static final String FILE = "in/orders.csv";
    static final String ORDERS_HEADER = "order_id,customer_id,order_ts,amount";
    static final String UTF8_HINT = "; if the file is in another encoding, set input_encoding in pipeline.yaml"
            + " (utf-8, latin-1 or windows-1252)";
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ReaderFixture() {}

    static RecordReader reader(InputKind kind, InputFormat format, Charset charset, byte[] bytes) {
        try {
            return new RecordReader(kind, format, charset, FILE, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<InputRecord> readAll(RecordReader reader) {
        List<InputRecord> out = new ArrayList<>();
        try {
            InputRecord r;
            while ((r = reader.next()) != null) {
                out.add(r);
            }
            assertNull(reader.next(), "next() after the end stays null");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<InputRecord> readAll(InputKind kind, InputFormat format, Charset charset, byte[] bytes) {
        return readAll(reader(kind, format, charset, bytes));
    }

    /** The records of a UTF-8 orders CSV file, described. */
    static List<String> orders(String text) {
        return describe(readAll(InputKind.ORDERS, InputFormat.CSV, StandardCharsets.UTF_8, utf8(text)));
    }

    static List<String> orders(byte[] bytes) {
        return describe(readAll(InputKind.ORDERS, InputFormat.CSV, StandardCharsets.UTF_8, bytes));
    }

    static List<String> json(InputKind kind, String text) {
        return describe(readAll(kind, InputFormat.JSON, StandardCharsets.UTF_8, utf8(text)));
    }

    static List<String> describe(List<InputRecord> records) {
        return records.stream().map(ReaderFixture::describe).collect(Collectors.toList());
    }

    static String describe(InputRecord r) {
        assertEquals(FILE, r.file(), "file of record at line " + r.line());
        if (r.error() == null) {
            assertNotNull(r.fields(), "fields of a readable record at line " + r.line());
            return ok(r.line(), r.raw(), r.fields());
        }
        assertNull(r.fields(), "fields of a rejected record at line " + r.line());
        return bad(r.line(), r.raw(), r.error());
    }

    /** A readable record: its first line, its text, its fields in {@link InputKind#columns()} order. */
    static String ok(long line, String raw, String... fields) {
        return line + " OK   raw=[" + show(raw) + "] fields=" + Arrays.stream(fields)
                .map(f -> f == null ? "<null>" : "'" + show(f) + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** A rejected record: its line, its printable text, the reason. */
    static String bad(long line, String raw, String error) {
        return line + " BAD  raw=[" + show(raw) + "] error=" + error;
    }

    /** A text as it is, or, over 300 characters, its ends, length and hash (short failure messages). */
    static String show(String text) {
        if (text == null || text.length() <= 300) {
            return text;
        }
        return text.substring(0, 40) + "…<" + text.length() + " chars, hash " + Integer.toHexString(text.hashCode())
                + ">…" + text.substring(text.length() - 60);
    }

    /**
     * Asserts that {@code raw} is {@code kept} (the first {@value LineDecoder#RAW_TEXT_CHARS}
     * characters) followed by a short note "… […]" that gives the line's length as
     * {@code lengths[0]} or one of the other accepted spellings (such as "5,000 characters").
     */
    static void assertCut(String kept, String raw, String... lengths) {
        assertEquals(LineDecoder.RAW_TEXT_CHARS, kept.length(), "test setup: the kept part");
        assertTrue(raw.startsWith(kept + "… ["), () -> "not the kept text and a note: " + show(raw));
        String note = raw.substring(kept.length());
        assertTrue(note.length() <= 80 && note.endsWith("]"), () -> "not a short note: " + show(note));
        for (String length : lengths) {
            if (java.util.regex.Pattern.compile("(?<![\\d,])" + java.util.regex.Pattern.quote(length) + "(?![\\d,])")
                    .matcher(note).find()) {
                return;
            }
        }
        fail("the note " + note + " does not give the line's length as " + String.join(" or ", lengths));
    }

    /** Asserts only that {@code raw} is {@code kept} followed by a short note (whatever length it names). */
    static void assertCutShort(String kept, String raw) {
        assertTrue(raw.startsWith(kept + "… ["), () -> "not the kept text and a note: " + show(raw));
        assertTrue(raw.length() <= kept.length() + 80 && raw.endsWith("]"), () -> "not a short note: " + show(raw));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Concatenates byte arrays and strings (strings as UTF-8). */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof byte[] b) {
                out.writeBytes(b);
            } else if (part instanceof Integer i) {
                out.write(i);
            } else {
                out.writeBytes(utf8((String) part));
            }
        }
        return out.toByteArray();
    }
}
