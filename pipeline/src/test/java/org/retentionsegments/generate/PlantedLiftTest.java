package org.retentionsegments.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planted effect, measured from the files as the pipeline will measure it. */
class PlantedLiftTest {

    private static final double LIFT = 0.07;

    @TempDir
    static Path tmp;

    private static GeneratedData planted;
    private static GeneratedData none;
    private static HorizonRetention plantedRetention;
    private static HorizonRetention noneRetention;

    @BeforeAll
    static void generate() {
        planted = GeneratedData.generate(GeneratedData.SMALL.withPlantedLift(LIFT), tmp.resolve("planted"));
        none = GeneratedData.generate(GeneratedData.SMALL, tmp.resolve("none"));
        plantedRetention = HorizonRetention.of(planted);
        noneRetention = HorizonRetention.of(none);
    }

    @Test
    void holdoutShareIsWithinTolerance() {
        long eligible = plantedRetention.holdoutByCustomer().size();
        double share = (double) plantedRetention.count(true) / eligible;
        double tolerance = 4 * Math.sqrt(0.2 * 0.8 / eligible);
        assertTrue(eligible > 5_000, "eligible " + eligible);
        assertEquals(0.2, share, tolerance);
        assertEquals(planted.summary().holdout(), plantedRetention.count(true));
    }

    @Test
    void confidenceIntervalOfMeasuredLiftContainsPlantedLift() {
        double lift = plantedRetention.lift();
        double halfWidth = plantedRetention.halfWidth95();
        assertTrue(Math.abs(lift - LIFT) <= halfWidth, "lift " + lift + " +- " + halfWidth);
        assertTrue(lift - halfWidth > 0, "lift " + lift + " +- " + halfWidth);
        assertEquals(LIFT, planted.summary().expectedLift(), 0.001);
    }

    @Test
    void withoutPlantedLiftConfidenceIntervalContainsZero() {
        double lift = noneRetention.lift();
        double halfWidth = noneRetention.halfWidth95();
        assertTrue(Math.abs(lift) <= halfWidth, "lift " + lift + " +- " + halfWidth);
        assertEquals(0.0, none.summary().expectedLift());
    }

    @Test
    void plantedLiftOnlyAddsOrdersToTreatedCustomers() {
        assertEquals(noneRetention.holdoutByCustomer(), plantedRetention.holdoutByCustomer());
        Map<String, List<String>> withLift = linesByCustomer(planted);
        Map<String, List<String>> without = linesByCustomer(none);
        Set<String> treated = plantedRetention.holdoutByCustomer().entrySet().stream()
                .filter(e -> !e.getValue()).map(Map.Entry::getKey).collect(Collectors.toSet());
        for (Map.Entry<String, List<String>> customer : without.entrySet()) {
            List<String> lines = withLift.get(customer.getKey());
            if (treated.contains(customer.getKey())) {
                assertEquals(customer.getValue(), lines.subList(0, customer.getValue().size()));
            } else {
                assertEquals(customer.getValue(), lines, customer.getKey());
            }
        }
        assertEquals(without.keySet(), withLift.keySet());
    }

    @Test
    void pairedIncreaseOfTreatedRetentionIsThePlantedLift() {
        long treated = 0;
        long gained = 0;
        for (Map.Entry<String, Boolean> e : plantedRetention.holdoutByCustomer().entrySet()) {
            boolean before = noneRetention.retainedByCustomer().get(e.getKey());
            boolean after = plantedRetention.retainedByCustomer().get(e.getKey());
            if (e.getValue()) {
                assertEquals(before, after, e.getKey());
            } else {
                assertTrue(after || !before, e.getKey());
                treated++;
                gained += after && !before ? 1 : 0;
            }
        }
        // Only the lift coin is random here: standard error about sqrt(L (1 - L) / treated) = 0.003.
        assertEquals(LIFT, (double) gained / treated, 0.012);
    }

    private static Map<String, List<String>> linesByCustomer(GeneratedData data) {
        return data.rows(Generator.ORDERS_FILE).stream().collect(Collectors.groupingBy(
                row -> row[1], Collectors.mapping(row -> String.join(",", row), Collectors.toList())));
    }
}
