package org.retentionsegments.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link CsvRecord#parse}: the fields of one CSV record's text. */
class CsvRecordTest {

    private static void assertFields(String text, String... expected) {
        CsvRecord.Parsed parsed = CsvRecord.parse(text);
        assertFalse(parsed.openQuote(), text);
        assertNull(parsed.error(), text);
        assertArrayEquals(expected, parsed.fields(), text);
    }

    private static void assertOpen(String text) {
        CsvRecord.Parsed parsed = CsvRecord.parse(text);
        assertTrue(parsed.openQuote(), text);
        assertNull(parsed.fields(), text);
        assertNull(parsed.error(), text);
    }

    private static void assertError(String text, String error) {
        CsvRecord.Parsed parsed = CsvRecord.parse(text);
        assertFalse(parsed.openQuote(), text);
        assertNull(parsed.fields(), text);
        assertEquals(error, parsed.error(), text);
    }

    @Test
    void splitsAtCommasTrimsAndMakesEmptyValuesNull() {
        assertFields("a,b,c", "a", "b", "c");
        assertFields(" a , ,\tb\t,", "a", null, "b", null);
        assertFields("", (String) null);
        assertFields(",", null, null);
        assertFields("  ", (String) null);
    }

    @Test
    void quotedFieldsHoldCommasNewlinesAndDoubledQuotes() {
        assertFields("\"a,b\",c", "a,b", "c");
        assertFields("\"say \"\"hi\"\"\",x", "say \"hi\"", "x");
        assertFields("\"\"\"\"", "\"");
        assertFields("\"line 1\nline 2\",\"\r\"", "line 1\nline 2", null);
        assertFields("  \"a\"  ,\t\"b\"\t", "a", "b");
        assertFields("\"\",x", null, "x");
        assertFields("\" padded \"", "padded");
        assertFields("x,\"\"", "x", null);
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() {
        assertFields("a\"b,c\"", "a\"b", "c\"");
        assertFields("5\" screen,x", "5\" screen", "x");
        assertFields("a \"b\" c", "a \"b\" c");
    }

    @Test
    void anUnclosedQuoteIsAnOpenQuote() {
        assertOpen("\"");
        assertOpen("a,\"b");
        assertOpen("a,\"b\"\"");
        assertOpen("a,\"b\nc");
        assertOpen("\"a\",\"b,c");
    }

    @Test
    void textAfterAClosingQuoteIsAnErrorNamingTheColumn() {
        assertError("\"a\"b,c", "text after a closing quote in column 1");
        assertError("x,y,\"a\" b", "text after a closing quote in column 3");
        assertError("\"a\"\"b\"c", "text after a closing quote in column 1");
    }
}
