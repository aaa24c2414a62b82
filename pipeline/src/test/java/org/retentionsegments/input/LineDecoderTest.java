package org.retentionsegments.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link LineDecoder}: strict decoding with the position of a bad byte, and printable texts. */
class LineDecoderTest {

    private static final String HINT = "; if the file is in another encoding, set input_encoding in pipeline.yaml"
            + " (utf-8, latin-1 or windows-1252)";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static byte[] b(Object... parts) {
        return ReaderFixture.bytes(parts);
    }

    @Test
    void decodesAsciiAndUtf8() {
        LineDecoder d = new LineDecoder(StandardCharsets.UTF_8);
        byte[] ascii = b("o1,c1,t,1");
        assertEquals("o1,c1,t,1", d.decode(ascii, ascii.length));
        assertNull(d.error());
        byte[] text = b("café 😀 客户");
        assertEquals("café 😀 客户", d.decode(text, text.length));
        assertNull(d.error());
        assertEquals("", d.decode(new byte[0], 0));
    }

    @Test
    void decodesOnlyTheGivenLength() {
        LineDecoder d = new LineDecoder(StandardCharsets.UTF_8);
        byte[] bytes = b("abc", 0xFF, 0);
        assertEquals("abc", d.decode(bytes, 3));
        assertNull(d.error());
    }

    @Test
    void invalidUtf8IsRejectedWithTheFirstBadByteAndItsPosition() {
        LineDecoder d = new LineDecoder(StandardCharsets.UTF_8);
        byte[] start = b(0xFF, "abc");
        assertNull(d.decode(start, start.length));
        assertEquals("not valid UTF-8 text (byte 0xFF at byte 1 of the line)" + HINT, d.error());
        byte[] middle = b("aé", 0xE9, "b", 0xFE);
        assertNull(d.decode(middle, middle.length));
        assertEquals("not valid UTF-8 text (byte 0xE9 at byte 4 of the line)" + HINT, d.error());
        byte[] end = b("abc", 0xF0, 0x9F, 0x98);
        assertNull(d.decode(end, end.length));
        assertEquals("not valid UTF-8 text (byte 0xF0 at byte 4 of the line)" + HINT, d.error());
    }

    @Test
    void overlongEncodingsAndEncodedSurrogatesAreNotUtf8() {
        LineDecoder d = new LineDecoder(StandardCharsets.UTF_8);
        byte[] overlong = b("a", 0xC0, 0xAF);
        assertNull(d.decode(overlong, overlong.length));
        assertEquals("not valid UTF-8 text (byte 0xC0 at byte 2 of the line)" + HINT, d.error());
        byte[] surrogate = b(0xED, 0xA0, 0x80);
        assertNull(d.decode(surrogate, surrogate.length));
        assertEquals("not valid UTF-8 text (byte 0xED at byte 1 of the line)" + HINT, d.error());
    }

    @Test
    void theErrorIsClearedByTheNextGoodLine() {
        LineDecoder d = new LineDecoder(StandardCharsets.UTF_8);
        byte[] bad = b(0xFF);
        assertNull(d.decode(bad, 1));
        byte[] good = b("é");
        assertEquals("é", d.decode(good, good.length));
        assertNull(d.error());
    }

    @Test
    void aNulByteIsRejectedWithItsPositionEvenInValidText() {
        LineDecoder d = new LineDecoder(StandardCharsets.UTF_8);
        byte[] bytes = b("é", 0, "x");
        assertNull(d.decode(bytes, bytes.length));
        assertEquals("contains a NUL byte (0x00) at byte 3 of the line", d.error());
        LineDecoder latin1 = new LineDecoder(StandardCharsets.ISO_8859_1);
        assertNull(latin1.decode(b(0), 1));
        assertEquals("contains a NUL byte (0x00) at byte 1 of the line", latin1.error());
    }

    @Test
    void latin1DecodesEveryByte() {
        LineDecoder d = new LineDecoder(StandardCharsets.ISO_8859_1);
        byte[] bytes = b("caf", 0xE9, " ", 0xFF, 0x81);
        assertEquals("café ÿ\u0081", d.decode(bytes, bytes.length));
        assertNull(d.error());
    }

    @Test
    void windows1252DecodesItsPunctuationAndRejectsUndefinedBytes() {
        LineDecoder d = new LineDecoder(WINDOWS_1252);
        byte[] good = b(0x80, " ", 0x93, "q", 0x94, " caf", 0xE9);
        assertEquals("€ “q” café", d.decode(good, good.length));
        for (int undefined : new int[] {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
            byte[] bad = b("ab", undefined);
            assertNull(d.decode(bad, bad.length), Integer.toHexString(undefined));
            assertEquals("not valid windows-1252 text (byte 0x" + Integer.toHexString(undefined).toUpperCase()
                    + " at byte 3 of the line)" + HINT, d.error());
        }
    }

    @Test
    void printableEscapesInvalidBytesAndNul() {
        LineDecoder d = new LineDecoder(StandardCharsets.UTF_8);
        byte[] bytes = b(0xFF, "é", 0, "x", 0xE2, 0x82);
        assertEquals("\\xFFé\\x00x\\xE2\\x82", d.printable(bytes, bytes.length, bytes.length));
        LineDecoder w = new LineDecoder(WINDOWS_1252);
        byte[] cp = b("a", 0x81, 0x80);
        assertEquals("a\\x81€", w.printable(cp, cp.length, cp.length));
    }

    @Test
    void printableKeeps4096CharactersAndNotesTheLength() {
        LineDecoder d = new LineDecoder(StandardCharsets.UTF_8);
        byte[] exact = b("a".repeat(4096));
        assertEquals("a".repeat(4096), d.printable(exact, exact.length, exact.length));
        byte[] longer = b("a".repeat(4097));
        ReaderFixture.assertCut("a".repeat(4096), d.printable(longer, longer.length, 4097), "4,097");
        byte[] bad = b("x".repeat(100), 0xFF);
        assertEquals("x".repeat(100) + "\\xFF", d.printable(bad, bad.length, 5_000_000));
    }

    @Test
    void printableOfManyInvalidBytesStopsAfterTheCut() {
        LineDecoder d = new LineDecoder(StandardCharsets.UTF_8);
        byte[] bytes = new byte[100_000];
        java.util.Arrays.fill(bytes, (byte) 0xFF);
        ReaderFixture.assertCut("\\xFF".repeat(1024), d.printable(bytes, bytes.length, 100_000), "100,000 bytes");
    }

    @Test
    void cutKeeps4096Characters() {
        assertEquals("abc", LineDecoder.cut("abc", 3));
        assertEquals("é".repeat(4096), LineDecoder.cut("é".repeat(4096), 8192));
        ReaderFixture.assertCut("é".repeat(4096), LineDecoder.cut("é".repeat(4097), 12_345), "12,345 bytes");
    }
}
