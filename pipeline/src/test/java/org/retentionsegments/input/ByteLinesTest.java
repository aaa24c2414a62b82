package org.retentionsegments.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ByteLines}: physical lines split at LF, a trailing CR removed, long lines cut. */
class ByteLinesTest {

    /** Each line as "number:text" (text as ISO-8859-1), with "!full" appended when too long. */
    private static List<String> lines(InputStream in, int maxBytes) throws IOException {
        ByteLines lines = new ByteLines(in, maxBytes);
        List<String> out = new ArrayList<>();
        while (lines.next()) {
            String text = new String(lines.bytes(), 0, lines.length(), StandardCharsets.ISO_8859_1);
            out.add(lines.number() + ":" + text + (lines.tooLong() ? "!" + lines.fullLength() : ""));
            if (!lines.tooLong()) {
                assertEquals(lines.length(), lines.fullLength());
            }
        }
        assertFalse(lines.next());
        return out;
    }

    private static List<String> lines(String text, int maxBytes) throws IOException {
        return lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), maxBytes);
    }

    /** A stream that hands out one byte per read, as a slow source may. */
    private static InputStream trickle(byte[] bytes) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[pos++];
                return 1;
            }
        };
    }

    @Test
    void splitsAtLfAndRemovesOneTrailingCr() throws IOException {
        assertEquals(List.of("1:a", "2:b", "3:", "4:c\rd", "5:e\r", "6:f"),
                lines("a\nb\r\n\r\nc\rd\ne\r\r\nf", 100));
    }

    @Test
    void anEmptyStreamHasNoLinesAndAFinalLfEndsTheLastLine() throws IOException {
        assertEquals(List.of(), lines("", 100));
        assertEquals(List.of("1:"), lines("\n", 100));
        assertEquals(List.of("1:", "2:"), lines("\n\n", 100));
        assertEquals(List.of("1:x"), lines("x\n", 100));
        assertEquals(List.of("1:x"), lines("x\r\n", 100));
        assertEquals(List.of("1:"), lines("\r", 100));
    }

    @Test
    void aLongerLineIsCutAndMarkedAndTheNextLineIsWhole() throws IOException {
        assertEquals(List.of("1:abcde!8", "2:xy", "3:abcde", "4:abcde!6"),
                lines("abcdefgh\nxy\nabcde\nabcdef", 5));
    }

    /** BUG: the CR of a CRLF line end is counted into the line's length before it is removed. */
    @Test
    void aLineOfExactlyMaxBytesWithCrlfIsNotTooLong() throws IOException {
        assertEquals(List.of("1:abcde", "2:x"), lines("abcde\r\nx\r\n", 5));
    }

    @Test
    void linesSpanningTheReadBufferAreWhole() throws IOException {
        byte[] a = new byte[100_000];
        Arrays.fill(a, (byte) 'a');
        byte[] b = new byte[70_000];
        Arrays.fill(b, (byte) 'b');
        byte[] all = ReaderFixture.bytes(a, "\r\n", b, "\nend");
        List<String> expected = List.of("1:" + "a".repeat(100_000), "2:" + "b".repeat(70_000), "3:end");
        assertEquals(expected, lines(new ByteArrayInputStream(all), 1 << 20));
        assertEquals(expected, lines(trickle(all), 1 << 20));
    }

    @Test
    void aCrLfSplitAcrossReadsIsStillOneLineEnd() throws IOException {
        byte[] all = "ab\r\ncd\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of("1:ab", "2:cd"), lines(trickle(all), 100));
    }

    @Test
    void aLineTooLongAcrossManyBuffersKeepsOnlyMaxBytes() throws IOException {
        byte[] big = new byte[300_000];
        Arrays.fill(big, (byte) 'z');
        ByteLines lines = new ByteLines(new ByteArrayInputStream(ReaderFixture.bytes(big, "\nnext\n")), 1000);
        assertTrue(lines.next());
        assertTrue(lines.tooLong());
        assertEquals(1000, lines.length());
        assertEquals(300_000, lines.fullLength());
        assertTrue(lines.bytes().length < 300_000, "the rest of a long line is not buffered");
        assertTrue(lines.next());
        assertFalse(lines.tooLong());
        assertEquals(2, lines.number());
        assertEquals("next", new String(lines.bytes(), 0, lines.length(), StandardCharsets.US_ASCII));
        assertFalse(lines.next());
    }
}
