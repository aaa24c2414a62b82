package org.retentionsegments.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retentionsegments.input.ReaderFixture.bad;
import static org.retentionsegments.input.ReaderFixture.json;
import static org.retentionsegments.input.ReaderFixture.ok;

import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON lines files read by {@link RecordReader}: one record per line, numbered, rejected lines kept. */
class RecordReaderJsonTest {

    @Test
    void eachLineIsOneRecordWithColumnsInCanonicalOrder() {
        assertEquals(List.of(
                        ok(1, "{\"EVENT_TYPE\":\"email_open\",\"Customer_Id\":\"c1\",\"event_ts\":\"2024-01-01\"}",
                                "c1", "2024-01-01", "email_open", null, null),
                        ok(2, "{\"customer_id\":\"c2\",\"event_ts\":\"2024-01-02\",\"event_type\":\"site_visit\","
                                + "\"channel\":\"web\",\"event_id\":17,\"extra\":{\"a\":[1]}}",
                                "c2", "2024-01-02", "site_visit", "web", "17")),
                json(InputKind.ENGAGEMENT,
                        "{\"EVENT_TYPE\":\"email_open\",\"Customer_Id\":\"c1\",\"event_ts\":\"2024-01-01\"}\r\n"
                                + "{\"customer_id\":\"c2\",\"event_ts\":\"2024-01-02\",\"event_type\":\"site_visit\","
                                + "\"channel\":\"web\",\"event_id\":17,\"extra\":{\"a\":[1]}}"));
    }

    @Test
    void blankLinesAreSkippedAndRejectedLinesDoNotStopTheFile() {
        assertEquals(List.of(
                        ok(2, "{\"customer_id\":\"c1\"}", "c1", null, null, null, null, null),
                        bad(4, "{\"customer_id\":\"c2\"}{\"customer_id\":\"c3\"}", "more than one JSON value on one line"),
                        bad(5, "[{\"customer_id\":\"c4\"}]", "not a JSON object"),
                        bad(6, "\"c5\"", "not a JSON object"),
                        bad(7, "{\"customer_id\":\"c6\",\"CUSTOMER_ID\":\"c7\"}",
                                "key 'CUSTOMER_ID' appears twice in the JSON object"),
                        bad(8, "{\"customer_id\":{\"id\":\"c8\"}}",
                                "'customer_id' must be a string or a number, not an object"),
                        bad(9, "{\"customer_id\":\"c9\",\"country\":NaN}",
                                "not valid JSON: Non-standard token 'NaN': enable"
                                        + " `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"),
                        ok(11, "  {\"customer_id\":\"c10\",\"signup_ts\":null,\"email_consent\":true} ",
                                "c10", null, "true", null, null, null)),
                json(InputKind.CUSTOMERS, "\n{\"customer_id\":\"c1\"}\n   \n"
                        + "{\"customer_id\":\"c2\"}{\"customer_id\":\"c3\"}\n"
                        + "[{\"customer_id\":\"c4\"}]\n"
                        + "\"c5\"\n"
                        + "{\"customer_id\":\"c6\",\"CUSTOMER_ID\":\"c7\"}\n"
                        + "{\"customer_id\":{\"id\":\"c8\"}}\n"
                        + "{\"customer_id\":\"c9\",\"country\":NaN}\r\n"
                        + "\t\r\n"
                        + "  {\"customer_id\":\"c10\",\"signup_ts\":null,\"email_consent\":true} \n\n"));
    }

    @Test
    void numbersKeepTheTextTheyWereWrittenWith() {
        assertEquals(List.of(ok(1, "{\"order_id\":1,\"customer_id\":\"c\",\"order_ts\":\"t\",\"amount\":1e400,"
                                + "\"line_no\":-0,\"discount\":12.50}",
                        "1", "c", "t", "1e400", "-0", null, null, "12.50")),
                json(InputKind.ORDERS, "{\"order_id\":1,\"customer_id\":\"c\",\"order_ts\":\"t\",\"amount\":1e400,"
                        + "\"line_no\":-0,\"discount\":12.50}\n"));
    }

    @Test
    void aJsonObjectSpanningLinesIsRejectedLineByLine() {
        assertEquals(List.of(
                        bad(1, "{\"customer_id\":", "not valid JSON: Unexpected end-of-input within/between Object"
                                + " entries"),
                        bad(2, "\"c1\"}", "not a JSON object"),
                        ok(3, "{\"customer_id\":\"c2\"}", "c2", null, null, null, null, null)),
                json(InputKind.CUSTOMERS, "{\"customer_id\":\n\"c1\"}\n{\"customer_id\":\"c2\"}\n"));
    }
}
