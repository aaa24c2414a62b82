package org.retentionsegments.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@link TextChecks}: ids must be visible text of at most 256 characters, texts at most 1,000. */
class TextChecksTest {

    private static String invisible(String column, String codePoint, int at) {
        return column + " contains an invisible or control character (U+" + codePoint + " at character " + at + ")";
    }

    @Test
    void ordinaryIdsAreAccepted() {
        assertNull(TextChecks.idProblem("customer_id", null));
        assertNull(TextChecks.idProblem("customer_id", ""));
        assertNull(TextChecks.idProblem("customer_id", "C-000123"));
        assertNull(TextChecks.idProblem("customer_id", "Zoë Müller-Ørsted"));
        assertNull(TextChecks.idProblem("customer_id", "客户_42"));
        assertNull(TextChecks.idProblem("customer_id", "😀🎉 fan"));
        assertNull(TextChecks.idProblem("customer_id", "🇫🇷👍🏽"));
        assertNull(TextChecks.idProblem("order_id", "x".repeat(256)));
    }

    @Test
    void aByteOrderMarkInAnIdIsRejectedWithItsPosition() {
        assertEquals(invisible("customer_id", "FEFF", 1), TextChecks.idProblem("customer_id", "\uFEFFc1"));
        assertEquals(invisible("order_id", "FEFF", 3), TextChecks.idProblem("order_id", "o1\uFEFF"));
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        assertNull(TextChecks.idProblem("customer_id", "\uD83D\uDE00".repeat(256)));
        assertEquals("customer_id is longer than 256 characters",
                TextChecks.idProblem("customer_id", "\uD83D\uDE00".repeat(257)));
        assertNull(TextChecks.textProblem("category", "\uD83D\uDE00".repeat(1000)));
    }

    @Test
    void aJoinerInsideAnEmojiSequenceIsPartOfItButAloneIsInvisible() {
        assertNull(TextChecks.idProblem("customer_id", "fan-\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"));
        assertEquals(invisible("customer_id", "200D", 2), TextChecks.idProblem("customer_id", "a\u200Db"));
        assertEquals(invisible("customer_id", "200D", 2), TextChecks.idProblem("customer_id", "\uD83D\uDE00\u200D"));
    }

    @Test
    void aZeroWidthSpaceIsRejected() {
        assertEquals(invisible("customer_id", "200B", 3), TextChecks.idProblem("customer_id", "ab\u200Bc"));
    }

    @Test
    void controlCharactersAreRejected() {
        assertEquals(invisible("customer_id", "0009", 2), TextChecks.idProblem("customer_id", "a\tb"));
        assertEquals(invisible("customer_id", "000A", 2), TextChecks.idProblem("customer_id", "a\nb"));
        assertEquals(invisible("customer_id", "000D", 1), TextChecks.idProblem("customer_id", "\r"));
        assertEquals(invisible("customer_id", "007F", 2), TextChecks.idProblem("customer_id", "a\u007F"));
        assertEquals(invisible("customer_id", "0085", 1), TextChecks.idProblem("customer_id", "\u0085x"));
        assertEquals(invisible("customer_id", "001B", 4), TextChecks.idProblem("customer_id", "abc\u001B[0m"));
    }

    @Test
    void aNulCharacterIsRejected() {
        assertEquals(invisible("program_id", "0000", 4), TextChecks.idProblem("program_id", "abc\u0000"));
    }

    @Test
    void otherInvisibleCharactersAreRejected() {
        assertEquals(invisible("customer_id", "00AD", 2), TextChecks.idProblem("customer_id", "a\u00ADb"));
        assertEquals(invisible("customer_id", "2028", 2), TextChecks.idProblem("customer_id", "a\u2028"));
        assertEquals(invisible("customer_id", "2029", 1), TextChecks.idProblem("customer_id", "\u2029"));
        assertEquals(invisible("customer_id", "202E", 2), TextChecks.idProblem("customer_id", "a\u202Eb"));
        assertEquals(invisible("customer_id", "E000", 1), TextChecks.idProblem("customer_id", "\uE000"));
        assertEquals(invisible("customer_id", "D800", 2), TextChecks.idProblem("customer_id", "a\uD800b"));
        assertEquals(invisible("customer_id", "DC00", 1), TextChecks.idProblem("customer_id", "\uDC00"));
    }

    @Test
    void thePositionCountsCharactersNotUtf16Units() {
        assertEquals(invisible("customer_id", "200B", 3), TextChecks.idProblem("customer_id", "😀😀\u200B"));
        assertEquals(invisible("customer_id", "E0001", 2), TextChecks.idProblem("customer_id", "a\uDB40\uDC01"));
    }

    @Test
    void anIdOf257CharactersIsRejected() {
        assertEquals("customer_id is longer than 256 characters", TextChecks.idProblem("customer_id", "x".repeat(257)));
        assertEquals("customer_id is longer than 256 characters",
                TextChecks.idProblem("customer_id", "\u0000".repeat(300)), "the length is checked first");
    }

    @Test
    void textsOfAtMost1000CharactersAreAccepted() {
        assertNull(TextChecks.textProblem("category", null));
        assertNull(TextChecks.textProblem("category", ""));
        assertNull(TextChecks.textProblem("category", "Crème brûlée & café 😀"));
        assertNull(TextChecks.textProblem("category", "é".repeat(1000)));
    }

    @Test
    void aTextOf1001CharactersIsRejected() {
        assertEquals("category is longer than 1,000 characters", TextChecks.textProblem("category", "y".repeat(1001)));
        assertEquals("country is longer than 1,000 characters", TextChecks.textProblem("country", "é".repeat(5000)));
    }
}
