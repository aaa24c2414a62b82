package org.retentionsegments.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the bytes of one line into text in the input's encoding, strictly: a NUL byte or a byte
 * sequence that is not valid in the encoding makes the line unreadable (with the position, so
 * the user can find it), never a replacement character that could make two distinct ids equal.
 * One decoder per reader; not thread-safe.
 */
final class LineDecoder {

    /** Rejected rows keep at most this many characters of their text. */
    static final int RAW_TEXT_CHARS = 4096;

    private final Charset charset;
    private final CharsetDecoder strict;
    private final boolean utf8;
    private String error;

    LineDecoder(Charset charset) {
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.strict = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The text of {@code bytes[0, length)}, or null when it is unreadable (see {@link #error()}). */
    String decode(byte[] bytes, int length) {
        error = null;
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == 0) {
                error = "contains a NUL byte (0x00) at byte " + (i + 1) + " of the line";
                return null;
            }
            if (b < 0) {
                ascii = false;
            }
        }
        if (ascii) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return strict.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            int at = firstBadByte(bytes, length);
            String name = utf8 ? "UTF-8" : charset.name();
            error = "not valid " + name + " text (byte 0x"
                    + String.format(Locale.ROOT, "%02X", bytes[at] & 0xff) + " at byte " + (at + 1)
                    + " of the line); if the file is in another encoding, set input_encoding in pipeline.yaml"
                    + " (utf-8, latin-1 or windows-1252)";
            return null;
        }
    }

    /** Why the last {@link #decode} returned null. */
    String error() {
        return error;
    }

    /**
     * The line as it can be shown and stored whatever its bytes: valid characters as they are,
     * NUL and every byte that is not valid in the encoding as {@code \xNN}, cut after
     * {@value #RAW_TEXT_CHARS} characters with a note of how much more there was.
     */
    String printable(byte[] bytes, int length, long fullLength) {
        CharsetDecoder d = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 16);
        StringBuilder text = new StringBuilder();
        while (true) {
            CoderResult r = d.decode(in, out, true);
            out.flip();
            appendEscapingNul(text, out);
            out.clear();
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    text.append(String.format(Locale.ROOT, "\\x%02X", in.get() & 0xff));
                }
            } else if (r.isUnderflow()) {
                break;
            }
            if (text.length() > RAW_TEXT_CHARS) {
                break;
            }
        }
        d.flush(out);
        out.flip();
        appendEscapingNul(text, out);
        return cut(text.toString(), fullLength);
    }

    static String cut(String text, long fullLength) {
        if (text.length() <= RAW_TEXT_CHARS) {
            return text;
        }
        return text.substring(0, RAW_TEXT_CHARS) + "… [cut: the line has " + String.format(Locale.ROOT, "%,d", fullLength)
                + (fullLength == text.length() ? " characters]" : " bytes]");
    }

    private static void appendEscapingNul(StringBuilder text, CharBuffer chars) {
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == 0) {
                text.append("\\x00");
            } else {
                text.append(c);
            }
        }
    }

    private int firstBadByte(byte[] bytes, int length) {
        CharsetDecoder d = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 16);
        CoderResult r = d.decode(in, out, true);
        return r.isError() ? in.position() : 0;
    }
}
