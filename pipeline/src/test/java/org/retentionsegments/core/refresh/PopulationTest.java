package org.retentionsegments.core.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.FactsBuilder.T0;
import static org.retentionsegments.core.fixtures.FactsBuilder.buyer;
import static org.retentionsegments.core.fixtures.FactsBuilder.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.EngagementType;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.SegmentTransition;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.fixtures.ConfigTexts;

class PopulationTest {

    /** Fixed thresholds so each test customer's cell is known without a population. */
    private static final String FIXED_PIPELINE = ConfigTexts.PIPELINE
            .replace("  recency:\n    method: quantile",
                    "  recency:\n    method: fixed\n    thresholds: [7, 30, 90, 180]")
            .replace("  frequency:\n    method: quantile",
                    "  frequency:\n    method: fixed\n    thresholds: [1, 2, 4, 8]")
            .replace("  monetary:\n    method: quantile",
                    "  monetary:\n    method: fixed\n    thresholds: [50, 100, 250, 1000]");
    private static final ConfigBundle FIXED = ConfigTexts.classicWithPipeline(FIXED_PIPELINE);

    private static final class Rows {
        final List<WarehouseRow> all = new ArrayList<>();

        <T> List<T> of(Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private static Rows refresh(Population population, java.time.LocalDate asOf, boolean keep) {
        Rows rows = new Rows();
        population.refresh(asOf, keep, rows.all::add);
        return rows;
    }

    @Test
    void firstRefreshPlacesEveryoneAndTreatsEntriesIntoAlwaysOnSegments() {
        Population population = new Population(FIXED);
        population.upsert(buyer("champ", 3, 10, 2000));          // R5 F5 M5
        population.upsert(buyer("gone", 400, 1, 10));            // R1 F1 M1
        population.upsert(customer("lead")
                .engagement(EngagementType.EMAIL_CLICK, 1, 2, -2).build());

        Rows rows = refresh(population, T0, false);

        Map<String, String> entered = rows.of(SegmentTransition.class).stream()
                .peek(t -> assertNull(t.fromSegment()))
                .collect(Collectors.toMap(SegmentTransition::customerId,
                        SegmentTransition::toSegment));
        assertEquals(Map.of("champ", "Champions", "gone", "Lost", "lead", "Prospects"), entered);
        List<Treatment> treatments = rows.of(Treatment.class);
        assertEquals(List.of("Champions", "Prospects"),
                treatments.stream().map(Treatment::segment).sorted().toList(),
                "Lost is not always-on");
        assertEquals(List.of(), rows.of(SegmentAssignment.class), "refresh not kept");
        assertEquals("Champions", population.currentSegment("champ"));
        assertNull(population.currentSegment("nobody"));
    }

    @Test
    void transitionsOnlyOnChangeAndTreatmentsOnlyOnEntry() {
        Population population = new Population(FIXED);
        population.upsert(buyer("champ", 3, 10, 2000));
        population.upsert(buyer("steady", 3, 10, 2000));
        refresh(population, T0, false);

        Rows same = refresh(population, T0.plusDays(1), false);
        assertEquals(List.of(), same.of(SegmentTransition.class));
        assertEquals(List.of(), same.of(Treatment.class));

        // champ stops buying: 200 days later R1 with the same F and M -> Can't Lose Them
        population.upsert(buyer("champ", 200, 10, 2000));
        Rows moved = refresh(population, T0.plusDays(2), false);
        SegmentTransition t = moved.of(SegmentTransition.class).get(0);
        assertEquals(1, moved.of(SegmentTransition.class).size());
        assertEquals(new SegmentTransition("champ", T0.plusDays(2), "Champions",
                "Can't Lose Them"), t);
        Treatment treatment = moved.of(Treatment.class).get(0);
        assertEquals(1, moved.of(Treatment.class).size());
        assertEquals("always_on", treatment.programId());
        assertEquals("champ", treatment.customerId());
        assertEquals(Instant.parse("2024-03-03T00:00:00Z"), treatment.treatedTs());
        assertEquals("Can't Lose Them", treatment.segment());
        assertEquals("phone", treatment.channel());
        assertEquals("always_on", treatment.source());
        assertEquals(treatment.arm() == Arm.TREATMENT ? 5.0 : 0.0, treatment.cost());

        Rows again = refresh(population, T0.plusDays(3), false);
        assertEquals(List.of(), again.of(SegmentTransition.class));
        assertEquals(List.of(), again.of(Treatment.class));
    }

    @Test
    void keptRefreshWritesOneAssignmentPerCustomer() {
        Population population = new Population(FIXED);
        population.upsert(customer("champ").ordered(-300, -3).frequency(10).net(2000)
                .category("shoes", 0.7).engagement(EngagementType.EMAIL_OPEN, 2, 5, -1).build());
        population.upsert(customer("lead").unsubscribed().build());

        Map<String, SegmentAssignment> rows = refresh(population, T0, true)
                .of(SegmentAssignment.class).stream()
                .collect(Collectors.toMap(SegmentAssignment::customerId, Function.identity()));

        SegmentAssignment champ = rows.get("champ");
        assertEquals(T0, champ.asOf());
        assertEquals(3, champ.recencyDays());
        assertEquals(10, champ.frequency());
        assertEquals(2000.0, champ.monetary());
        assertEquals("555", champ.rfmCell());
        assertEquals(5.0, champ.compositeScore());
        assertEquals(LifecycleStage.ACTIVE, champ.lifecycleStage());
        assertEquals("shoes", champ.topCategory());
        assertEquals(2, champ.engagement30());
        assertEquals(5, champ.engagement90());
        assertEquals("Champions", champ.segment());
        assertEquals("reward_and_advocate", champ.strategy());
        assertTrue(champ.snapshot());

        SegmentAssignment lead = rows.get("lead");
        assertNull(lead.recencyDays());
        assertNull(lead.rScore());
        assertNull(lead.rfmCell());
        assertNull(lead.compositeScore());
        assertEquals(LifecycleStage.PROSPECT, lead.lifecycleStage());
        assertTrue(lead.emailUnengaged());
        assertEquals("Prospects", lead.segment());
    }

    @Test
    void boundaryRowsCountTheScoredPopulation() {
        Population population = new Population(ConfigTexts.classic());
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            population.upsert(buyer("c" + i, random.nextInt(365), 1 + random.nextInt(6),
                    Math.round(random.nextDouble() * 50000) / 100.0));
        }
        for (int i = 0; i < 50; i++) {
            population.upsert(customer("p" + i).build());
        }
        population.remove("c0");
        population.remove("p0");

        Rows rows = refresh(population, T0, true);
        List<ScoreBoundary> boundaries = rows.of(ScoreBoundary.class);
        assertEquals(25, boundaries.size());
        for (String dimension : List.of("recency", "frequency", "monetary", "lifetime_frequency", "lifetime_monetary")) {
            assertEquals(999, boundaries.stream().filter(b -> b.dimension().equals(dimension))
                    .mapToLong(ScoreBoundary::customers).sum(), dimension);
        }
        // The bucket sizes reported are the scores actually given.
        List<SegmentAssignment> assignments = rows.of(SegmentAssignment.class);
        assertEquals(1048, assignments.size());
        java.util.Set<String> assigned = new java.util.HashSet<>();
        assignments.forEach(a -> assigned.add(a.customerId()));
        assertEquals(1048, assigned.size(), "every remaining customer once, after removals");
        assertFalse(assigned.contains("c0") || assigned.contains("p0"), "removed customers are not refreshed");
        for (ScoreBoundary b : boundaries.stream().filter(b -> b.dimension().equals("frequency"))
                .toList()) {
            assertEquals(b.customers(), assignments.stream()
                    .filter(a -> a.fScore() != null && a.fScore() == b.score()).count());
        }
        // Quantile tiers put roughly a fifth of the customers in each recency bucket.
        boundaries.stream().filter(b -> b.dimension().equals("recency"))
                .forEach(b -> assertEquals(200, b.customers(), 15));
    }

    @Test
    void aSegmentWithoutAProgramGivesItsCustomersNoArm() {
        Population population = new Population(FIXED);
        population.upsert(buyer("champ", 3, 10, 2000));          // Champions: always on
        population.upsert(buyer("gone", 400, 1, 10));            // Lost: always_on false
        population.upsert(buyer("gone2", 500, 1, 5));

        Rows rows = refresh(population, T0, true);

        Map<String, SegmentAssignment> byCustomer = rows.of(SegmentAssignment.class).stream()
                .collect(Collectors.toMap(SegmentAssignment::customerId, Function.identity()));
        assertEquals("Lost", byCustomer.get("gone").segment());
        assertNull(byCustomer.get("gone").arm(), "no arm = 'treatment' for a segment without a program");
        assertNull(byCustomer.get("gone2").arm());
        assertEquals("Champions", byCustomer.get("champ").segment());
        assertEquals(rows.of(Treatment.class).get(0).arm(), byCustomer.get("champ").arm(),
                "an always-on segment's customer has the arm of its treatment row");
        assertEquals(List.of("champ"), rows.of(Treatment.class).stream().map(Treatment::customerId).toList());
    }

    @Test
    void armIsStableAcrossRefreshes() {
        Population population = new Population(FIXED);
        for (int i = 0; i < 200; i++) {
            population.upsert(buyer("c" + i, 3, 10, 2000));
        }
        Map<String, Arm> first = refresh(population, T0, true).of(SegmentAssignment.class)
                .stream().collect(Collectors.toMap(SegmentAssignment::customerId,
                        SegmentAssignment::arm));
        Map<String, Arm> second = refresh(population, T0.plusDays(1), true)
                .of(SegmentAssignment.class).stream().collect(Collectors.toMap(
                        SegmentAssignment::customerId, SegmentAssignment::arm));
        assertEquals(first, second);
        assertTrue(first.containsValue(Arm.HOLDOUT));
        assertTrue(first.containsValue(Arm.TREATMENT));
    }

    @Test
    void purchaseCycleIsTheMedianGapOnceEnoughCustomersRepeat() {
        Population population = new Population(ConfigTexts.classic());
        for (int i = 0; i < 29; i++) {
            population.upsert(customer("c" + i).ordered(-100, -1).gap(10 + i).build());
        }
        assertEquals(30.0, population.purchaseCycleDays(), "default below 30 repeat customers");
        population.upsert(customer("c29").ordered(-100, -1).gap(39.5).build());
        // gaps 10..38 and 39.5: nearest-rank median (15th of 30) is 24
        assertEquals(24.0, population.purchaseCycleDays());
        population.remove("c29");
        assertEquals(30.0, population.purchaseCycleDays());
    }

    @Test
    void restoreSegmentSuppressesASpuriousFirstSightTransition() {
        Population population = new Population(FIXED);
        population.upsert(buyer("champ", 3, 10, 2000));
        population.restoreSegment("champ", "Champions");
        Rows rows = refresh(population, T0, false);
        assertEquals(List.of(), rows.of(SegmentTransition.class));
        assertFalse(population.remove("nobody"));
        assertEquals(1, population.size());
    }

    @Test
    void lifetimeScoresKeepABigSpenderWhoWentQuietApartFromAOneOffBuyer() {
        // lifetime tiers fixed so the scores are known; Can't Lose Them defined by lifetime value
        ConfigBundle config = ConfigBundle.parse(FIXED_PIPELINE
                .replace("  lifetime_frequency:\n    method: quantile",
                        "  lifetime_frequency:\n    method: fixed\n    thresholds: [1, 2, 5, 10]")
                .replace("  lifetime_monetary:\n    method: quantile",
                        "  lifetime_monetary:\n    method: fixed\n    thresholds: [100, 500, 1000, 5000]"),
                ConfigTexts.replaceOnce(ConfigTexts.CLASSIC_SEGMENTS, "when: { r: 1-2, f: 4-5, m: 4-5 }",
                        "when: { r: 1-2, lifetime_m: 5 }"),
                ConfigTexts.CLASSIC_STRATEGIES,
                "test");
        Population population = new Population(config);
        // both lapsed, nothing in the window; one spent $9,000 over 12 orders, the other $40 once
        population.upsert(customer("big").ordered(-900, -400).lifetimeOrders(12).lifetimeNet(9000)
                .peakWindowValue(6000).build());
        population.upsert(customer("small").ordered(-400, -400).lifetimeNet(40).build());
        population.upsert(buyer("recent", 3, 2, 300));

        Map<String, SegmentAssignment> rows = refresh(population, T0, true).of(SegmentAssignment.class).stream()
                .collect(Collectors.toMap(SegmentAssignment::customerId, Function.identity()));
        assertEquals(new SegmentAssignment.Lifetime(12, 9000.0, 6000.0, 5, 5), rows.get("big").lifetime());
        assertEquals(new SegmentAssignment.Lifetime(1, 40.0, 0.0, 1, 1), rows.get("small").lifetime());
        assertEquals(1, rows.get("big").mScore(), "the window's M knows nothing of the past");
        assertEquals("Can't Lose Them", rows.get("big").segment());
        assertEquals("Lost", rows.get("small").segment());
        assertNotEquals("Can't Lose Them", rows.get("recent").segment(), "R 5 is not r: 1-2");
    }
}
