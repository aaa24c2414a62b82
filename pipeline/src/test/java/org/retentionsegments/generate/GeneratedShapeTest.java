package org.retentionsegments.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data looks like a real retailer's: many one-time buyers, a long tail, returns, new signups. */
class GeneratedShapeTest {

    @TempDir
    static Path tmp;

    private static GeneratedData data;
    private static Map<String, Set<String>> purchasesByCustomer;
    private static Map<String, Double> revenueByCustomer;
    private static long lines;
    private static long returnLines;

    @BeforeAll
    static void generate() {
        data = GeneratedData.generate(GeneratedData.SMALL, tmp);
        purchasesByCustomer = new HashMap<>();
        revenueByCustomer = new HashMap<>();
        for (String[] row : data.rows(Generator.ORDERS_FILE)) {
            double amount = Double.parseDouble(row[3]);
            lines++;
            if (amount < 0) {
                returnLines++;
            } else {
                purchasesByCustomer.computeIfAbsent(row[1], c -> new HashSet<>()).add(row[0]);
            }
            revenueByCustomer.merge(row[1], amount, Double::sum);
        }
    }

    @Test
    void manyBuyersBuyOnlyOnce() {
        long oneTime = purchasesByCustomer.values().stream().filter(orders -> orders.size() == 1).count();
        double share = (double) oneTime / purchasesByCustomer.size();
        assertTrue(share > 0.35 && share < 0.65, "one-time share " + share);
        long frequent = purchasesByCustomer.values().stream().filter(orders -> orders.size() >= 10).count();
        assertTrue(frequent > 0.05 * purchasesByCustomer.size(), "frequent buyers " + frequent);
    }

    @Test
    void aFewCustomersBringMostRevenue() {
        List<Double> revenue = new ArrayList<>(revenueByCustomer.values());
        revenue.sort(Collections.reverseOrder());
        double total = revenue.stream().mapToDouble(Double::doubleValue).sum();
        double top = revenue.subList(0, revenue.size() / 10).stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(top / total > 0.4, "top 10% revenue share " + top / total);
    }

    @Test
    void someLinesAreReturns() {
        double share = (double) returnLines / lines;
        assertTrue(share > 0.02 && share < 0.12, "return line share " + share);
    }

    @Test
    void everyArchetypeIsPresent() {
        for (Archetype archetype : Archetype.values()) {
            long count = data.summary().archetypeCounts().get(archetype);
            assertTrue(count > 0.01 * data.config().customers(), archetype + ": " + count);
        }
    }

    @Test
    void engagementIsPlentifulAndSomeProspectsEngageWithoutBuying() {
        Set<String> engaged = new HashSet<>();
        long events = 0;
        for (String[] row : data.rows(Generator.ENGAGEMENT_FILE)) {
            engaged.add(row[0]);
            events++;
        }
        assertTrue(events > 5L * data.config().customers(), "events " + events);
        long prospects = engaged.stream().filter(c -> !purchasesByCustomer.containsKey(c)).count();
        assertTrue(prospects > 0.05 * data.config().customers(), "engaged non-buyers " + prospects);
    }

    @Test
    void newCustomersKeepSigningUp() {
        Instant start = data.config().periodStart();
        long quarterSeconds = (data.config().periodEnd().getEpochSecond() - start.getEpochSecond()) / 8;
        long[] perQuarter = new long[8];
        for (String[] row : data.rows(Generator.CUSTOMERS_FILE)) {
            long offset = Instant.parse(row[1]).getEpochSecond() - start.getEpochSecond();
            if (offset >= 0) {
                perQuarter[(int) Math.min(7, offset / quarterSeconds)]++;
            }
        }
        for (long count : perQuarter) {
            assertTrue(count > 0.05 * data.config().customers(), "signups per quarter " + count);
        }
    }

    @Test
    void customersPreferSomeCategories() {
        Map<String, Map<String, Integer>> categories = new HashMap<>();
        for (String[] row : data.rows(Generator.ORDERS_FILE)) {
            categories.computeIfAbsent(row[1], c -> new HashMap<>()).merge(row[5], 1, Integer::sum);
        }
        double sum = 0;
        int customers = 0;
        for (Map<String, Integer> counts : categories.values()) {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            if (total >= 8) {
                sum += (double) Collections.max(counts.values()) / total;
                customers++;
            }
        }
        assertTrue(sum / customers > 0.45, "mean share of a customer's top category " + sum / customers);
    }
}
