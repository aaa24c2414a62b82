package org.retentionsegments.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FieldsTest {

    @Test
    void splitsCsvWithQuotesAndTrailingCarriageReturn() {
        assertArrayEquals(new String[] {"a", "b, c", "say \"hi\"", null}, Fields.csv("a,\"b, c\",\"say \"\"hi\"\"\",\r"));
        assertArrayEquals(new String[] {"x", null, "z"}, Fields.csv(" x , ,z"));
        assertArrayEquals(new String[] {" padded "}, Fields.csv("\" padded \""), "quoted blanks are kept");
    }

    @Test
    void anUnterminatedQuoteIsNotACsvLine() {
        assertNull(Fields.csv("a,\"b,c"));
    }

    @Test
    void splitsOnRunsOfWhiteSpace() {
        assertArrayEquals(new String[] {"00001", "19970101", "1", "11.77"}, Fields.whitespace(" 00001 19970101  1   11.77\r"));
        assertArrayEquals(new String[0], Fields.whitespace("   "));
    }

    @Test
    void linesWithoutQuotesSplitAsTheCharacterLoopSplitsThem() {
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = r.nextInt(30); n > 0; n--) {
                line.append(",, a1\t\r\u00a0x".charAt(r.nextInt(9)));
            }
            String text = line.toString();
            int end = text.endsWith("\r") ? text.length() - 1 : text.length();
            org.junit.jupiter.api.Assertions.assertArrayEquals(Fields.byCharacter(text, end), Fields.csv(text),
                    "'" + text + "'");
        }
    }
}
