package org.retentionsegments.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link JsonRecord#parse}: one strict JSON object per line, keys matched to the columns. */
class JsonRecordTest {

    private static final List<String> ORDERS = InputKind.ORDERS.columns();

    private static String[] values(String text) {
        String[] error = new String[1];
        String[] values = JsonRecord.parse(text, ORDERS, error);
        assertNull(error[0], "error for " + text);
        assertNotNull(values, text);
        return values;
    }

    private static String error(String text) {
        String[] error = {null};
        String[] values = JsonRecord.parse(text, ORDERS, error);
        assertNull(values, text);
        assertNotNull(error[0], text);
        return error[0];
    }

    @Test
    void keysInAnyOrderAndCaseFillTheColumnsInOrder() {
        assertArrayEquals(new String[] {"o1", "c1", "2024-01-01T10:00:00Z", "12.50", null, "books", null, null},
                values("{\"Amount\":12.50,\"CATEGORY\":\"books\",\"Customer_ID\":\"c1\","
                        + "\"order_ts\":\"2024-01-01T10:00:00Z\",\"ORDER_ID\":\"o1\"}"));
    }

    @Test
    void unknownKeysAreIgnoredWhateverTheirValue() {
        assertArrayEquals(new String[] {"o1", "c1", null, null, null, null, null, null},
                values("{\"meta\":{\"order_id\":\"nested\",\"deep\":[1,{\"a\":[]}]},\"order_id\":\"o1\","
                        + "\"tags\":[\"x\",{\"customer_id\":1}],\"note\":null,\"flag\":true,\"customer_id\":\"c1\"}"));
    }

    @Test
    void aNestedValueUnderAnUnknownKeyMayRepeatAColumnName() {
        assertArrayEquals(new String[] {"o1", null, null, null, null, null, null, null},
                values("{\"a\":{\"order_id\":1,\"order_id\":2},\"order_id\":\"o1\"}"));
    }

    @Test
    void numbersAreKeptAsWritten() {
        assertArrayEquals(new String[] {"-0", "007x", "1E+2", "1e400", "12.50", "0.000000000000000000001", "-12",
                        "123456789012345678901234567890"},
                values("{\"order_id\":-0,\"customer_id\":\"007x\",\"order_ts\":1E+2,\"amount\":1e400,"
                        + "\"line_no\":12.50,\"category\":0.000000000000000000001,\"channel\":-12,"
                        + "\"discount\":123456789012345678901234567890}"));
    }

    @Test
    void booleansNullsAndEmptyStringsAreTextOrNull() {
        assertArrayEquals(new String[] {"true", "false", null, null, null, "x", null, null},
                values("{\"order_id\":true,\"customer_id\":false,\"order_ts\":null,\"amount\":\"\","
                        + "\"line_no\":\"   \",\"category\":\"  x \"}"));
    }

    @Test
    void stringEscapesAreDecoded() {
        assertArrayEquals(new String[] {"café \"q\"", "a\nb", "😀", "\uFEFFx", null, null, null, null},
                values("{\"order_id\":\"caf\\u00e9 \\\"q\\\"\",\"customer_id\":\"a\\nb\","
                        + "\"order_ts\":\"\\ud83d\\ude00\",\"amount\":\"\\uFEFFx\"}"));
    }

    @Test
    void anEmptyObjectGivesAllNulls() {
        assertArrayEquals(new String[8], values("{}"));
        assertArrayEquals(new String[8], values("  { }  "));
    }

    @Test
    void aKeyGivenTwiceInAnyCaseIsRejected() {
        assertEquals("key 'order_id' appears twice in the JSON object", error("{\"order_id\":\"a\",\"order_id\":\"b\"}"));
        assertEquals("key 'Order_Id' appears twice in the JSON object", error("{\"order_id\":\"a\",\"Order_Id\":\"b\"}"));
        assertEquals("key 'NOTE' appears twice in the JSON object", error("{\"note\":1,\"NOTE\":2}"));
    }

    @Test
    void aNestedValueForAColumnIsRejected() {
        assertEquals("'Customer_ID' must be a string or a number, not an object",
                error("{\"order_id\":\"o1\",\"Customer_ID\":{\"id\":\"c1\"}}"));
        assertEquals("'amount' must be a string or a number, not an array", error("{\"amount\":[10]}"));
        assertEquals("'amount' must be a string or a number, not an array", error("{\"amount\":[]}"));
    }

    @Test
    void aValueThatIsNotAnObjectIsRejected() {
        assertEquals("not a JSON object", error("[{\"order_id\":\"o1\"}]"));
        assertEquals("not a JSON object", error("42"));
        assertEquals("not a JSON object", error("\"o1\""));
        assertEquals("not a JSON object", error("null"));
        assertEquals("not a JSON object", error("order_id=o1"));
        assertEquals("not a JSON object", error("o1,c1,2024-01-01,10"));
    }

    @Test
    void twoValuesOnOneLineAreRejected() {
        assertEquals("more than one JSON value on one line", error("{\"order_id\":\"o1\"}{\"order_id\":\"o2\"}"));
        assertEquals("more than one JSON value on one line", error("{\"order_id\":\"o1\"} {}"));
        assertEquals("more than one JSON value on one line", error("{} 1"));
        assertEquals("more than one JSON value on one line", error("{} []"));
    }

    @Test
    void trailingGarbageIsRejected() {
        assertEquals("not valid JSON: Unrecognized token 'x': was expecting (JSON String, Number, Array, Object"
                + " or token 'null', 'true' or 'false')", error("{\"order_id\":\"o1\"} x"));
        assertEquals("not valid JSON: Unexpected character (',' (code 44)): expected a valid value (JSON String,"
                + " Number, Array, Object or token 'null', 'true' or 'false')", error("{\"order_id\":\"o1\"},"));
    }

    @Test
    void unquotedNaNIsRejectedAndQuotedNaNIsText() {
        assertEquals("not valid JSON: Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS`"
                + " to allow", error("{\"amount\":NaN}"));
        assertEquals("NaN", values("{\"amount\":\"NaN\"}")[3]);
    }

    @Test
    void otherNonStandardJsonIsRejected() {
        assertEquals("not valid JSON: Unexpected character (''' (code 39)): was expecting double-quote to start"
                + " field name", error("{'order_id':'o1'}"));
        assertEquals("not valid JSON: Unexpected character ('o' (code 111)): was expecting double-quote to start"
                + " field name", error("{order_id:\"o1\"}"));
        assertEquals("not valid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start"
                + " field name", error("{\"order_id\":\"o1\",}"));
        String leadingZero = error("{\"amount\":012}");
        assertEquals("not valid JSON: Invalid numeric value: Leading zeroes not allowed", leadingZero);
    }

    @Test
    void aTruncatedObjectIsNotValidJson() {
        String e = error("{\"order_id\":\"o1\"");
        assertTrue(e.startsWith("not valid JSON: Unexpected end-of-input: expected close marker for Object"), e);
        assertFalse(e.contains("[Source"), e);
    }
}
