package org.retentionsegments.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.core.EngagementType;

/** Every file has the contract's header and every row parses (DESIGN.md section 3). */
class GeneratedFormatTest {

    private static final Pattern AMOUNT = Pattern.compile("-?\\d+\\.\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Set<String> CATEGORIES = Set.of(
            "apparel", "home", "beauty", "electronics", "grocery", "toys", "sports", "books");

    @TempDir
    static Path tmp;

    private static GeneratedData data;
    private static Instant start;
    private static Instant end;

    @BeforeAll
    static void generate() {
        data = GeneratedData.generate(GeneratorConfig.of(5_000, 730, 3).withPlantedLift(0.07), tmp);
        start = data.config().periodStart();
        end = data.config().periodEnd();
    }

    @Test
    void headersAreTheCanonicalColumns() {
        assertEquals("order_id,customer_id,order_ts,amount,line_no,category,channel,discount",
                data.header(Generator.ORDERS_FILE));
        assertEquals("customer_id,event_ts,event_type,channel,event_id", data.header(Generator.ENGAGEMENT_FILE));
        assertEquals("customer_id,signup_ts,email_consent,country,email,phone", data.header(Generator.CUSTOMERS_FILE));
        assertEquals("program_id,customer_id,treated_ts,arm,channel,cost", data.header(Generator.TREATMENTS_FILE));
    }

    @Test
    void customersAreUniqueWithValidFields() {
        List<String[]> rows = data.rows(Generator.CUSTOMERS_FILE);
        assertEquals(5_000, rows.size());
        Set<String> ids = new HashSet<>();
        for (String[] row : rows) {
            assertEquals(6, row.length, String.join(",", row));
            assertTrue(ids.add(row[0]), row[0]);
            assertTrue(instant(row[1]).isBefore(end));
            assertTrue(Set.of("true", "false").contains(row[2]));
            assertTrue(row[3].matches("[A-Z]{2}"));
            assertEquals("customer-" + row[0].toLowerCase(java.util.Locale.ROOT) + "@example.com",
                    org.retentionsegments.core.Contacts.email(row[4]));
            assertTrue(org.retentionsegments.core.Contacts.phone(row[5], row[3]).matches("\\+447700900\\d{3}"), row[5]);
        }
    }

    @Test
    void orderLinesParseAndNumberTheirLines() {
        Set<String> customers = customerIds();
        Map<String, Integer> linesPerOrder = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (String[] row : data.rows(Generator.ORDERS_FILE)) {
            String text = String.join(",", row);
            assertEquals(8, row.length, text);
            assertTrue(customers.contains(row[1]), text);
            assertInPeriod(row[2]);
            assertTrue(AMOUNT.matcher(row[3]).matches(), text);
            assertNotEquals(0.0, Double.parseDouble(row[3]), text);
            int lineNo = Integer.parseInt(row[4]);
            assertTrue(lineNo >= 1 && lineNo <= 4, text);
            assertTrue(keys.add(row[0] + "#" + lineNo), "duplicate line " + text);
            linesPerOrder.merge(row[0], 1, Integer::sum);
            assertTrue(CATEGORIES.contains(row[5]), text);
            assertTrue(Set.of("web", "app", "store").contains(row[6]), text);
            double discount = Double.parseDouble(row[7]);
            assertTrue(discount >= 0 && discount < 1, text);
        }
        for (String[] row : data.rows(Generator.ORDERS_FILE)) {
            assertTrue(Integer.parseInt(row[4]) <= linesPerOrder.get(row[0]), "line numbers have a gap: " + row[0]);
        }
    }

    @Test
    void engagementEventsParseWithKnownTypesAndUniqueIds() {
        Set<String> customers = customerIds();
        Set<String> eventIds = new HashSet<>();
        for (String[] row : data.rows(Generator.ENGAGEMENT_FILE)) {
            String text = String.join(",", row);
            assertEquals(5, row.length, text);
            assertTrue(customers.contains(row[0]), text);
            assertInPeriod(row[1]);
            assertNotEquals(EngagementType.OTHER, EngagementType.of(row[2]), text);
            assertFalse(row[3].isEmpty(), text);
            assertTrue(eventIds.add(row[4]), text);
        }
    }

    @Test
    void treatmentsAreOneProgramOnOneDayOncePerCustomer() {
        Set<String> customers = customerIds();
        Set<String> treated = new HashSet<>();
        for (String[] row : data.rows(Generator.TREATMENTS_FILE)) {
            String text = String.join(",", row);
            assertEquals(6, row.length, text);
            assertEquals(data.config().programId(), row[0]);
            assertTrue(customers.contains(row[1]), text);
            assertTrue(treated.add(row[1]), text);
            assertEquals(data.config().treatedAt(), instant(row[2]));
            assertTrue(Set.of("treatment", "holdout").contains(row[3]), text);
            assertTrue(Set.of("email", "sms").contains(row[4]), text);
            assertEquals(row[3].equals("holdout") ? "0.00" : "0.50", row[5], text);
        }
        assertEquals(data.summary().eligible(), treated.size());
    }

    private static Set<String> customerIds() {
        Set<String> ids = new HashSet<>();
        data.rows(Generator.CUSTOMERS_FILE).forEach(row -> ids.add(row[0]));
        return ids;
    }

    private static void assertInPeriod(String timestamp) {
        Instant at = instant(timestamp);
        assertFalse(at.isBefore(start), timestamp);
        assertTrue(at.isBefore(end), timestamp);
    }

    private static Instant instant(String timestamp) {
        assertTrue(TIMESTAMP.matcher(timestamp).matches(), timestamp);
        return Instant.parse(timestamp);
    }
}
