package org.retentionsegments.core.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.CustomerFacts;

/**
 * The top category and its share of spend do not depend on the order a day's parts came in, nor
 * on the order the category map was built in: two runs of the same input (a continuous job whose
 * partitions interleave differently, a restore that rebuilt the map) give the same bits.
 */
class CustomerWindowCategoryShareTest {

    private static final String[] CATEGORIES = {"books", "garden", "toys", "food", "tools", "music", "shoes"};

    /** One order line's spend in one category, as a part of a customer day. */
    private record Part(String category, double spend) {}

    private static DayActivity dayOf(int day, List<Part> parts) {
        DayActivity total = new DayActivity();
        total.customerId = "c";
        total.day = day;
        for (Part p : parts) {
            DayActivity part = new DayActivity();
            part.customerId = "c";
            part.day = day;
            part.orders = 1;
            part.revenue = p.spend();
            part.categorySpend.put(p.category(), p.spend());
            total.merge(part);
        }
        return total;
    }

    private static CustomerFacts facts(List<List<Part>> days) {
        CustomerWindow window = new CustomerWindow(365);
        CustomerHistory history = new CustomerHistory();
        TreeMap<Integer, WindowBucket> buckets = new TreeMap<>();
        for (int i = 0; i < days.size(); i++) {
            DayActivity d = dayOf(10 + i, days.get(i));
            history.fold(d);
            buckets.put(d.day, WindowBucket.of(d));
        }
        return window.facts("c", 10 + days.size(), history, buckets.values().toArray(new WindowBucket[0]));
    }

    @Test
    void aDaysPartsInAnyOrderGiveTheSameTopCategoryAndShareToTheBit() {
        Random random = new Random(20261205);
        int differentSums = 0;
        for (int customer = 0; customer < 2_000; customer++) {
            List<List<Part>> days = new ArrayList<>();
            for (int d = 0; d < 1 + random.nextInt(4); d++) {
                List<Part> parts = new ArrayList<>();
                for (int p = 0; p < 2 + random.nextInt(8); p++) {
                    // prices in cents times quantities, as order lines are
                    double spend = (1 + random.nextInt(5_000)) / 100.0 * (1 + random.nextInt(12));
                    parts.add(new Part(CATEGORIES[random.nextInt(CATEGORIES.length)], spend));
                }
                days.add(parts);
            }
            CustomerFacts asCame = facts(days);
            List<List<Part>> shuffled = new ArrayList<>();
            for (List<Part> day : days) {
                List<Part> copy = new ArrayList<>(day);
                Collections.shuffle(copy, random);
                shuffled.add(copy);
            }
            CustomerFacts reordered = facts(shuffled);
            for (int d = 0; d < days.size(); d++) {
                if (!dayOf(0, days.get(d)).categorySpend.equals(dayOf(0, shuffled.get(d)).categorySpend)) {
                    differentSums++;
                }
            }
            assertEquals(asCame.topCategory(), reordered.topCategory(), "customer " + customer);
            assertEquals(Double.doubleToLongBits(asCame.topCategoryShare()),
                    Double.doubleToLongBits(reordered.topCategoryShare()),
                    "customer " + customer + ": " + asCame.topCategoryShare() + " against " + reordered.topCategoryShare());
            // and it is the share it says it is
            Map<String, Double> spend = dayTotals(days);
            double total = spend.values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(spend.get(asCame.topCategory()) / total, asCame.topCategoryShare(), 1e-12);
            for (double v : spend.values()) {
                assertTrue(v <= spend.get(asCame.topCategory()) + 1e-9, "the top category has the most spend");
            }
        }
        assertTrue(differentSums > 20,
                "the shuffles must reach sums that differ in their last bits (" + differentSums + " did)");
    }

    @Test
    void equalSpendGoesToTheFirstCategoryByNameWhateverTheMapsOrder() {
        List<Part> forward = List.of(new Part("toys", 12.5), new Part("books", 12.5), new Part("garden", 5.0));
        List<Part> backward = List.of(new Part("garden", 5.0), new Part("books", 12.5), new Part("toys", 12.5));
        CustomerFacts a = facts(List.of(forward));
        CustomerFacts b = facts(List.of(backward));
        assertEquals("books", a.topCategory());
        assertEquals("books", b.topCategory());
        assertEquals(12.5 / 30.0, a.topCategoryShare(), 1e-15);
        assertEquals(Double.doubleToLongBits(a.topCategoryShare()), Double.doubleToLongBits(b.topCategoryShare()));
    }

    private static Map<String, Double> dayTotals(List<List<Part>> days) {
        Map<String, Double> totals = new TreeMap<>();
        for (List<Part> day : days) {
            for (Part p : day) {
                totals.merge(p.category(), p.spend(), Double::sum);
            }
        }
        return totals;
    }
}
