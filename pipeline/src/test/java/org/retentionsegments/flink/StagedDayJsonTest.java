package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.window.DayActivity;

/**
 * A staged {@code customer_day} row read field by field gives what the tree of nodes it replaced
 * gave: every figure to the bit, on random rows with awkward numbers, nulls, absent and repeated
 * fields, fields in any order and columns the reader does not use.
 */
class StagedDayJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] INTS = {"orders", "return_orders", "discounted_orders", "midnight_orders",
        "engagement_events", "signed_up", "email_consent"};
    private static final String[] DOUBLES = {"revenue", "gross", "return_amount", "midnight_revenue", "midnight_gross",
        "midnight_return_amount"};
    private static final String[] TEXTS = {"country", "email_sha256", "phone_sha256"};
    private static final double[] AWKWARD = {0.0, -0.0, 0.1, 0.30000000000000004, 1e-7, 123456789.123456789,
        2.0e23, 4.9e-324, 1.7976931348623157e308, -17.35, 9007199254740993.0};

    @Test
    void fieldByFieldEqualsTheTree() throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            ObjectNode row = JSON.createObjectNode();
            row.put("customer_id", "C" + random.nextInt(1000) + (random.nextBoolean() ? " ü€" : ""));
            row.put("activity_date", LocalDate.ofEpochDay(random.nextInt(30_000)).toString());
            for (String f : INTS) {
                switch (random.nextInt(5)) {
                    case 0 -> row.putNull(f);
                    case 1 -> { } // absent
                    default -> row.put(f, random.nextInt(20) - 2);
                }
            }
            for (String f : DOUBLES) {
                switch (random.nextInt(6)) {
                    case 0 -> row.putNull(f);
                    case 1 -> { }
                    case 2 -> row.put(f, AWKWARD[random.nextInt(AWKWARD.length)]);
                    case 3 -> row.put(f, random.nextInt(1000)); // written as a whole number
                    default -> row.put(f, Math.round(random.nextGaussian() * 1e7) / 100.0);
                }
            }
            for (String f : TEXTS) {
                if (random.nextBoolean()) {
                    row.put(f, "t" + random.nextInt(9));
                } else if (random.nextBoolean()) {
                    row.putNull(f);
                }
            }
            row.put("channel_orders", random.nextBoolean() ? "store=1;web=2" : null);
            row.put("category_spend", random.nextBoolean() ? "home=12.5;shoes=0.30000000000000004" : null);
            row.put("event_counts", random.nextBoolean() ? "email_open=3;site_visit=1" : null);
            if (random.nextInt(4) == 0) {
                row.putObject("unused").put("nested", 1);
                row.putArray("unused_list").add(1).add("x");
            }
            String line = JSON.writeValueAsString(row);
            if (random.nextInt(4) == 0) { // a repeated field: the last one wins
                line = line.substring(0, line.length() - 1) + ",\"orders\":" + random.nextInt(9) + "}";
            }
            assertEquals(describe(byTree(line)), describe(StreamStage.dayActivityJson(line)), line);
        }
    }

    /** Doubles as the first stage writes them (Schubfach, the shortest text) read back to the bit. */
    @Test
    void doublesWrittenShortestReadBackToTheBit() throws Exception {
        com.fasterxml.jackson.core.JsonFactory fast = com.fasterxml.jackson.core.JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
        Random random = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            double v = switch (random.nextInt(4)) {
                case 0 -> AWKWARD[random.nextInt(AWKWARD.length)];
                case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL); // finite
                case 2 -> Math.round(random.nextGaussian() * 1e8) / 100.0;
                default -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            };
            java.io.StringWriter text = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator g = fast.createGenerator(text)) {
                g.writeStartObject();
                g.writeStringField("customer_id", "c");
                g.writeStringField("activity_date", "2024-03-01");
                g.writeNumberField("revenue", v);
                g.writeEndObject();
            }
            assertEquals(bits(v), bits(StreamStage.dayActivityJson(text.toString()).revenue), text.toString());
        }
    }

    /** The reading of before: a tree of nodes per row. */
    private static DayActivity byTree(String line) throws Exception {
        JsonNode row = JSON.readTree(line);
        DayActivity d = new DayActivity();
        d.customerId = row.get("customer_id").asText();
        d.day = (int) LocalDate.parse(row.get("activity_date").asText()).toEpochDay();
        d.orders = intOf(row, "orders");
        d.returnOrders = intOf(row, "return_orders");
        d.revenue = doubleOf(row, "revenue");
        d.gross = doubleOf(row, "gross");
        d.returnAmount = doubleOf(row, "return_amount");
        d.discountedOrders = intOf(row, "discounted_orders");
        d.midnightOrders = intOf(row, "midnight_orders");
        d.midnightRevenue = doubleOf(row, "midnight_revenue");
        d.midnightGross = doubleOf(row, "midnight_gross");
        d.midnightReturnAmount = doubleOf(row, "midnight_return_amount");
        d.channelOrders = DayActivity.counts(text(row, "channel_orders"));
        d.categorySpend = DayActivity.amounts(text(row, "category_spend"));
        d.engagement = DayActivity.engagement(text(row, "event_counts"));
        d.engagementEvents = intOf(row, "engagement_events");
        d.signedUp = intOf(row, "signed_up") > 0;
        d.emailConsent = row.hasNonNull("email_consent") ? row.get("email_consent").asInt() : -1;
        d.country = text(row, "country");
        d.emailSha256 = text(row, "email_sha256");
        d.phoneSha256 = text(row, "phone_sha256");
        return d;
    }

    private static String text(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.get(field).asText() : null;
    }

    private static int intOf(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.get(field).asInt() : 0;
    }

    private static double doubleOf(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.get(field).asDouble() : 0.0;
    }

    private static String describe(DayActivity d) {
        return String.join("|", d.customerId, "" + d.day, "" + d.orders, "" + d.returnOrders,
                bits(d.revenue), bits(d.gross), bits(d.returnAmount), "" + d.discountedOrders, "" + d.midnightOrders,
                bits(d.midnightRevenue), bits(d.midnightGross), bits(d.midnightReturnAmount),
                new TreeMap<>(d.channelOrders).toString(), describeAmounts(d), Arrays.toString(d.engagement),
                "" + d.engagementEvents, "" + d.signedUp, "" + d.emailConsent, d.country, d.emailSha256, d.phoneSha256);
    }

    private static String describeAmounts(DayActivity d) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(d.categorySpend).forEach((k, v) -> s.append(k).append('=').append(bits(v)).append(';'));
        return s.toString();
    }

    private static String bits(double v) {
        return Long.toHexString(Double.doubleToRawLongBits(v));
    }
}
