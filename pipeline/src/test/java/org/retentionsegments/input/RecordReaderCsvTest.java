package org.retentionsegments.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.input.ReaderFixture.BOM;
import static org.retentionsegments.input.ReaderFixture.ORDERS_HEADER;
import static org.retentionsegments.input.ReaderFixture.bad;
import static org.retentionsegments.input.ReaderFixture.bytes;
import static org.retentionsegments.input.ReaderFixture.ok;
import static org.retentionsegments.input.ReaderFixture.orders;
import static org.retentionsegments.input.ReaderFixture.reader;
import static org.retentionsegments.input.ReaderFixture.readAll;
import static org.retentionsegments.input.ReaderFixture.utf8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV files read by {@link RecordReader}: header, quoting, line numbers, rejected lines. */
class RecordReaderCsvTest {

    private static final String UNTERMINATED = "unterminated quote in CSV line";

    // --- header -------------------------------------------------------------------------------

    @Test
    void headerInAnyOrderAndCaseGivesFieldsInCanonicalOrderExtraColumnsIgnoredMissingOptionalNull() {
        RecordReader reader = reader(InputKind.ORDERS, InputFormat.CSV, StandardCharsets.UTF_8, utf8(
                "Amount,CATEGORY,Customer_ID,note,order_ts,ORDER_ID\n"
                        + "12.50,books,c1,ignored,2024-01-01T10:00:00Z,o1\n"));
        assertEquals(List.of("amount", "category", "customer_id", "note", "order_ts", "order_id"), reader.header());
        assertEquals(List.of(ok(2, "12.50,books,c1,ignored,2024-01-01T10:00:00Z,o1",
                        "o1", "c1", "2024-01-01T10:00:00Z", "12.50", null, "books", null, null)),
                ReaderFixture.describe(readAll(reader)));
    }

    @Test
    void headerNamesAreTrimmedAndMayBeQuoted() {
        assertEquals(List.of(ok(2, "c1 , 2024-01-02 ,yes, FR",
                        "c1", "2024-01-02", "yes", "FR")),
                ReaderFixture.describe(readAll(InputKind.CUSTOMERS, InputFormat.CSV, StandardCharsets.UTF_8, utf8(
                        " Customer_Id ,\"SIGNUP_TS\",\t email_consent,country\nc1 , 2024-01-02 ,yes, FR\n"))));
    }

    @Test
    void allColumnsOfTheKindAreMapped() {
        assertEquals(List.of(ok(2, "d,ch,cat,5,10,ts,c,o", "o", "c", "ts", "10", "5", "cat", "ch", "d")),
                orders("discount,channel,category,line_no,amount,order_ts,customer_id,order_id\n"
                        + "d,ch,cat,5,10,ts,c,o\n"));
    }

    @Test
    void aMissingRequiredColumnStopsTheFileNamingTheColumnAndTheFile() {
        InputException e = assertThrows(InputException.class, () -> reader(InputKind.ORDERS, InputFormat.CSV,
                StandardCharsets.UTF_8, utf8("order_id,customer_id,amount,category\no1,c1,10,x\n")));
        assertEquals("the orders file in/orders.csv has no column 'order_ts' in its header line"
                + " (order_id,customer_id,amount,category); the orders input needs order_id, customer_id,"
                + " order_ts, amount — or map your layout with --source-sql", e.getMessage());
    }

    @Test
    void aMissingRequiredColumnOfAnotherKindIsNamedWithThatKind() {
        InputException e = assertThrows(InputException.class, () -> reader(InputKind.ENGAGEMENT, InputFormat.CSV,
                StandardCharsets.UTF_8, utf8("customer_id,event_type,channel\r\nc1,site_visit,web\r\n")));
        assertEquals("the engagement file in/orders.csv has no column 'event_ts' in its header line"
                + " (customer_id,event_type,channel); the engagement input needs customer_id, event_ts,"
                + " event_type — or map your layout with --source-sql", e.getMessage());
    }

    @Test
    void aHeaderColumnNamedTwiceInAnyCaseStopsTheFile() {
        InputException e = assertThrows(InputException.class, () -> reader(InputKind.ORDERS, InputFormat.CSV,
                StandardCharsets.UTF_8, utf8("order_id,customer_id,order_ts,amount,Customer_ID\n")));
        assertEquals("the orders file in/orders.csv names the column 'customer_id' twice in its header line",
                e.getMessage());
        InputException extra = assertThrows(InputException.class, () -> reader(InputKind.ORDERS, InputFormat.CSV,
                StandardCharsets.UTF_8, utf8("note,order_id,customer_id,order_ts,amount,NOTE\n")));
        assertEquals("the orders file in/orders.csv names the column 'note' twice in its header line",
                extra.getMessage());
    }

    @Test
    void aHeaderWithAnUnterminatedQuoteOrTextAfterAQuoteStopsTheFile() {
        InputException open = assertThrows(InputException.class, () -> reader(InputKind.ORDERS, InputFormat.CSV,
                StandardCharsets.UTF_8, utf8("order_id,\"customer_id,order_ts,amount\no1,c1,t,1\n")));
        assertEquals("the header line of the orders file in/orders.csv is not a CSV line (unterminated quote)",
                open.getMessage());
        InputException after = assertThrows(InputException.class, () -> reader(InputKind.ORDERS, InputFormat.CSV,
                StandardCharsets.UTF_8, utf8("order_id,\"customer_id\"x,order_ts,amount\n")));
        assertEquals("the header line of the orders file in/orders.csv is not a CSV line"
                + " (text after a closing quote in column 2)", after.getMessage());
    }

    @Test
    void anEmptyFileAndAHeaderOnlyFileGiveNoRecords() throws Exception {
        RecordReader empty = reader(InputKind.ORDERS, InputFormat.CSV, StandardCharsets.UTF_8, new byte[0]);
        assertEquals(List.of(), empty.header());
        assertNull(empty.next());
        assertEquals(List.of(), orders(""));
        assertEquals(List.of(), orders("\n\n  \r\n"));
        assertEquals(List.of(), orders(ORDERS_HEADER));
        assertEquals(List.of(), orders(ORDERS_HEADER + "\n"));
        assertEquals(List.of(), orders(ORDERS_HEADER + "\r\n\r\n\n   \n"));
        assertEquals(List.of(), orders(bytes(BOM, ORDERS_HEADER, "\r\n")));
        RecordReader headerOnly = reader(InputKind.ORDERS, InputFormat.CSV, StandardCharsets.UTF_8,
                utf8(ORDERS_HEADER + "\n"));
        assertEquals(List.of("order_id", "customer_id", "order_ts", "amount"), headerOnly.header());
    }

    // --- line ends, BOM, blank lines -------------------------------------------------------------

    @Test
    void crlfAndLfLineEndsBothWorkAndNoCarriageReturnIsKept() {
        assertEquals(List.of(
                        ok(2, "o1,c1,2024-01-01,10", "o1", "c1", "2024-01-01", "10", null, null, null, null),
                        ok(3, "o2,c2,2024-01-02,20", "o2", "c2", "2024-01-02", "20", null, null, null, null),
                        ok(4, "o3,c3,2024-01-03,30", "o3", "c3", "2024-01-03", "30", null, null, null, null)),
                orders(ORDERS_HEADER + "\r\no1,c1,2024-01-01,10\r\no2,c2,2024-01-02,20\no3,c3,2024-01-03,30"));
    }

    @Test
    void aByteOrderMarkAtTheStartOfTheFileIsIgnoredInTheHeader() {
        RecordReader reader = reader(InputKind.ORDERS, InputFormat.CSV, StandardCharsets.UTF_8,
                bytes(BOM, "Order_ID,customer_id,order_ts,amount\r\no1,c1,2024-01-01,10\r\n"));
        assertEquals(List.of("order_id", "customer_id", "order_ts", "amount"), reader.header());
        assertEquals(List.of(ok(2, "o1,c1,2024-01-01,10", "o1", "c1", "2024-01-01", "10", null, null, null, null)),
                ReaderFixture.describe(readAll(reader)));
    }

    @Test
    void aByteOrderMarkAtTheStartOfALatin1FileIsIgnoredToo() {
        RecordReader reader = reader(InputKind.ORDERS, InputFormat.CSV, StandardCharsets.ISO_8859_1,
                bytes(BOM, ORDERS_HEADER, "\no1,c1,t,1\n"));
        assertEquals(List.of("order_id", "customer_id", "order_ts", "amount"), reader.header());
    }

    @Test
    void aByteOrderMarkElsewhereIsKeptAsACharacter() {
        assertEquals(List.of(
                        ok(2, "o1,\uFEFFc1,t,1", "o1", "\uFEFFc1", "t", "1", null, null, null, null),
                        ok(3, "\uFEFFo2,c2,t,2", "\uFEFFo2", "c2", "t", "2", null, null, null, null)),
                orders(bytes(BOM, ORDERS_HEADER, "\no1,", BOM, "c1,t,1\n", BOM, "o2,c2,t,2\n")));
    }

    @Test
    void blankLinesAreSkippedAndLaterLinesKeepTheirOwnNumbers() {
        assertEquals(List.of(
                        ok(4, "o1,c1,t,1", "o1", "c1", "t", "1", null, null, null, null),
                        ok(7, "o2,c2,t,2", "o2", "c2", "t", "2", null, null, null, null),
                        ok(10, "o3,c3,t,3", "o3", "c3", "t", "3", null, null, null, null)),
                orders("\n" + ORDERS_HEADER + "\n\no1,c1,t,1\n   \n\t\no2,c2,t,2\r\n\r\n \r\no3,c3,t,3\n\n"));
    }

    @Test
    void blankLinesBeforeABomLessHeaderAreSkipped() {
        RecordReader reader = reader(InputKind.ORDERS, InputFormat.CSV, StandardCharsets.UTF_8,
                bytes(BOM, "\r\n  \r\n", ORDERS_HEADER, "\r\no1,c1,t,1\r\n"));
        assertEquals(List.of("order_id", "customer_id", "order_ts", "amount"), reader.header());
        assertEquals(List.of(ok(4, "o1,c1,t,1", "o1", "c1", "t", "1", null, null, null, null)),
                ReaderFixture.describe(readAll(reader)));
    }

    // --- quoting -------------------------------------------------------------------------------

    @Test
    void quotedFieldsHoldCommasAndDoubledQuotesAndAreTrimmed() {
        String line = "o1,\"c1, ltd\",\"2024-01-01\",10,1,\"say \"\"hi\"\"\", \" web \" ,\"\"";
        assertEquals(List.of(ok(2, line, "o1", "c1, ltd", "2024-01-01", "10", "1", "say \"hi\"", "web", null)),
                orders("order_id,customer_id,order_ts,amount,line_no,category,channel,discount\n" + line + "\n"));
    }

    @Test
    void emptyAndBlankFieldsAreNull() {
        assertEquals(List.of(ok(2, "o1, ,t,\t", "o1", null, "t", null, null, null, null, null)),
                orders(ORDERS_HEADER + "\no1, ,t,\t\n"));
    }

    @Test
    void aQuotedNewlineJoinsLinesIntoOneRecordNumberedByItsFirstLine() {
        assertEquals(List.of(
                        ok(2, "o1,c1,t,10,\"two\nlines, really\",web", "o1", "c1", "t", "10", null,
                                "two\nlines, really", "web", null),
                        ok(4, "o2,c2,t,20,plain,app", "o2", "c2", "t", "20", null, "plain", "app", null)),
                orders("order_id,customer_id,order_ts,amount,category,channel\n"
                        + "o1,c1,t,10,\"two\r\nlines, really\",web\r\n"
                        + "o2,c2,t,20,plain,app\r\n"));
    }

    @Test
    void aQuotedNewlineMaySpanABlankContinuationLine() {
        assertEquals(List.of(
                        ok(2, "o1,c1,t,10,\"first\n\n  \nlast\",web", "o1", "c1", "t", "10", null,
                                "first\n\n  \nlast", "web", null),
                        ok(6, "o2,c2,t,20,x,app", "o2", "c2", "t", "20", null, "x", "app", null)),
                orders("order_id,customer_id,order_ts,amount,category,channel\n"
                        + "o1,c1,t,10,\"first\n\n  \nlast\",web\n"
                        + "o2,c2,t,20,x,app\n"));
    }

    @Test
    void aQuotedFieldMaySpanAtMostOneHundredLines() {
        StringBuilder hundred = new StringBuilder(ORDERS_HEADER + "\no1,\"x");
        StringBuilder joined = new StringBuilder("x");
        for (int i = 2; i <= 99; i++) {
            hundred.append("\nx");
            joined.append("\nx");
        }
        hundred.append("\nx\",t,10\no2,c2,t,20\n");
        joined.append("\nx");
        List<String> records = orders(hundred.toString());
        assertEquals(List.of(
                        ok(2, "o1,\"" + joined + "\",t,10", "o1", joined.toString(), "t", "10", null, null, null, null),
                        ok(102, "o2,c2,t,20", "o2", "c2", "t", "20", null, null, null, null)),
                records);
    }

    @Test
    void aQuotedFieldOverOneHundredLinesRejectsItsFirstLineAndReadsTheOthersOnTheirOwn() {
        StringBuilder text = new StringBuilder(ORDERS_HEADER + "\no1,\"x");
        for (int i = 2; i <= 100; i++) {
            text.append("\nx");
        }
        text.append("\nx\",t,10\no2,c2,t,20\n");
        List<String> expected = new ArrayList<>();
        expected.add(bad(2, "o1,\"x", UNTERMINATED));
        for (int line = 3; line <= 101; line++) {
            expected.add(bad(line, "x", "expected 4 columns, found 1"));
        }
        expected.add(bad(102, "x\",t,10", "expected 4 columns, found 3"));
        expected.add(ok(103, "o2,c2,t,20", "o2", "c2", "t", "20", null, null, null, null));
        assertEquals(expected, orders(text.toString()));
    }

    @Test
    void anUnterminatedQuoteRejectsOnlyItsLineAndTheNextLinesAreReadWithTheirOwnNumbers() {
        assertEquals(List.of(
                        bad(2, "o1,\"c1,t,10", UNTERMINATED),
                        ok(3, "o2,c2,t,20", "o2", "c2", "t", "20", null, null, null, null),
                        ok(5, "o3,c3,t,30", "o3", "c3", "t", "30", null, null, null, null),
                        ok(6, "o4,c4,t,40", "o4", "c4", "t", "40", null, null, null, null)),
                orders(ORDERS_HEADER + "\no1,\"c1,t,10\no2,c2,t,20\n\no3,c3,t,30\r\no4,c4,t,40"));
    }

    @Test
    void twoLinesWithAnOddQuoteThatJoinIntoTheWrongWidthAreBothRejectedAndTheLinesBetweenKept() {
        // Lines 2..4 joined: the quote of line 4 closes the field opened on line 2, giving 2 fields.
        assertEquals(List.of(
                        bad(2, "o1,\"c1,t,10", UNTERMINATED),
                        ok(3, "o2,c2,t,20", "o2", "c2", "t", "20", null, null, null, null),
                        bad(4, "o3,c3,t,30,\"", UNTERMINATED),
                        ok(5, "o4,c4,t,40", "o4", "c4", "t", "40", null, null, null, null)),
                orders(ORDERS_HEADER + "\no1,\"c1,t,10\no2,c2,t,20\no3,c3,t,30,\"\no4,c4,t,40\n"));
    }

    @Test
    void twoLinesWithAnOddQuoteThatJoinIntoTextAfterAQuoteAreBothRejected() {
        assertEquals(List.of(
                        bad(2, "o1,\"c1,t,10", UNTERMINATED),
                        ok(3, "o2,c2,t,20", "o2", "c2", "t", "20", null, null, null, null),
                        bad(4, "o3,c3,t,\"30", UNTERMINATED),
                        ok(5, "o4,c4,t,40", "o4", "c4", "t", "40", null, null, null, null)),
                orders(ORDERS_HEADER + "\no1,\"c1,t,10\no2,c2,t,20\no3,c3,t,\"30\no4,c4,t,40\n"));
    }

    @Test
    void textAfterAClosingQuoteIsRejectedNamingTheColumn() {
        assertEquals(List.of(
                        bad(2, "o1,\"c1\"x,t,10", "text after a closing quote in column 2"),
                        bad(3, "\"o2\" \"o\",c2,t,20", "text after a closing quote in column 1"),
                        ok(4, "o3,\"c3\"  ,t,30", "o3", "c3", "t", "30", null, null, null, null)),
                orders(ORDERS_HEADER + "\no1,\"c1\"x,t,10\n\"o2\" \"o\",c2,t,20\no3,\"c3\"  ,t,30\n"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsALiteralCharacter() {
        assertEquals(List.of(
                        ok(2, "o1,c\"1,t,10 \"in\"", "o1", "c\"1", "t", "10 \"in\"", null, null, null, null),
                        ok(3, "o2,c2\",t,20", "o2", "c2\"", "t", "20", null, null, null, null)),
                orders(ORDERS_HEADER + "\no1,c\"1,t,10 \"in\"\no2,c2\",t,20\n"));
    }

    @Test
    void aWrongColumnCountIsRejectedWithTheCounts() {
        assertEquals(List.of(
                        bad(2, "o1,c1,t", "expected 4 columns, found 3"),
                        bad(3, "o2,c2,t,20,", "expected 4 columns, found 5"),
                        bad(4, "o3", "expected 4 columns, found 1"),
                        ok(5, "o4,c4,t,40", "o4", "c4", "t", "40", null, null, null, null),
                        bad(6, "o5,\"c,5\",t", "expected 4 columns, found 3")),
                orders(ORDERS_HEADER + "\no1,c1,t\no2,c2,t,20,\no3\no4,c4,t,40\no5,\"c,5\",t\n"));
    }

    @Test
    void theWidthIsTheHeadersIncludingExtraColumns() {
        assertEquals(List.of(
                        bad(2, "o1,c1,t,10", "expected 5 columns, found 4"),
                        ok(3, "o2,c2,t,20,", "o2", "c2", "t", "20", null, null, null, null)),
                orders(ORDERS_HEADER + ",note\no1,c1,t,10\no2,c2,t,20,\n"));
    }

    @Test
    void aHeaderRepeatedMidFileIsSkippedInAnyCase() {
        assertEquals(List.of(
                        ok(2, "o1,c1,t,1", "o1", "c1", "t", "1", null, null, null, null),
                        ok(5, "o2,c2,t,2", "o2", "c2", "t", "2", null, null, null, null)),
                orders(ORDERS_HEADER + "\no1,c1,t,1\n" + ORDERS_HEADER + "\r\nORDER_ID, Customer_Id ,order_ts,\"amount\"\n"
                        + "o2,c2,t,2\n"));
    }

    @Test
    void aHeaderInAnotherOrderMidFileIsNotTheHeader() {
        assertEquals(List.of(ok(2, "customer_id,order_id,order_ts,amount",
                        "customer_id", "order_id", "order_ts", "amount", null, null, null, null)),
                orders(ORDERS_HEADER + "\ncustomer_id,order_id,order_ts,amount\n"));
    }

    /**
     * BUG: a header with a trailing comma (an empty last column name, as spreadsheet exports often
     * write) is not recognized when it is repeated mid-file, because the repeated line's empty
     * field is null and never equals the header's "" — the repeated header becomes a data record.
     */
    @Test
    void aHeaderWithATrailingEmptyColumnRepeatedMidFileIsSkipped() {
        assertEquals(List.of(
                        ok(2, "o1,c1,t,1,", "o1", "c1", "t", "1", null, null, null, null),
                        ok(4, "o2,c2,t,2,", "o2", "c2", "t", "2", null, null, null, null)),
                orders(ORDERS_HEADER + ",\no1,c1,t,1,\n" + ORDERS_HEADER + ",\no2,c2,t,2,\n"));
    }

    // --- long texts ----------------------------------------------------------------------------

    @Test
    void theRawTextOfARejectedLongLineIsCutAfter4096Characters() {
        String line = "a".repeat(5000);
        assertEquals(List.of(
                        bad(2, "a".repeat(4096) + "… [line of 5,000 bytes cut]", "expected 4 columns, found 1"),
                        ok(3, "o1,c1,t,1", "o1", "c1", "t", "1", null, null, null, null)),
                orders(ORDERS_HEADER + "\n" + line + "\no1,c1,t,1\n"));
    }

    /**
     * BUG: the note on a cut raw text says "line of N bytes" but N is the number of characters
     * of the decoded line, not its bytes: 5,000 'é' are 10,000 bytes of UTF-8.
     */
    @Test
    void theCutNoteOfARejectedLineCountsItsBytes() {
        String line = "é".repeat(5000);
        assertEquals(List.of(bad(2, "é".repeat(4096) + "… [line of 10,000 bytes cut]", "expected 4 columns, found 1")),
                orders(ORDERS_HEADER + "\n" + line + "\n"));
    }

    /**
     * BUG: a header line over 4,096 characters that lacks a required column is quoted cut in the
     * message with the note "[line of 0 bytes cut]".
     */
    @Test
    void aLongHeaderLackingAColumnIsQuotedWithItsRealLength() {
        StringBuilder header = new StringBuilder("order_id,customer_id,order_ts");
        for (int i = 0; header.length() <= 5000; i++) {
            header.append(",extra_column_").append(i);
        }
        int length = header.length();
        InputException e = assertThrows(InputException.class, () -> reader(InputKind.ORDERS, InputFormat.CSV,
                StandardCharsets.UTF_8, utf8(header + "\n")));
        assertTrue(e.getMessage().startsWith("the orders file in/orders.csv has no column 'amount' in its header line ("
                + header.substring(0, 4096) + "… [line of "), e.getMessage());
        assertFalse(e.getMessage().contains("[line of 0 bytes cut]"), e.getMessage());
        assertTrue(e.getMessage().contains("… [line of " + String.format(java.util.Locale.ROOT, "%,d", length)
                + " bytes cut]"), e.getMessage());
    }
}
