package org.retentionsegments.core.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.FactsBuilder.DAY0;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.EngagementType;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.fixtures.ConfigTexts;
import org.retentionsegments.core.fixtures.FactsBuilder;

/**
 * The mirror finds exactly the customers whose segment {@link Segmenter#place} changes: random
 * customers (buyers, prospects with engagement, unsubscribed, high returns, discount and channel
 * flags, every lifecycle stage) placed at one day and checked against the scales of days and
 * populations after it, under the default rules, the classic R x F x M grid and rules that read
 * every behaviour flag.
 */
public class SegmentMirrorTest {

    private final Random random = new Random(20261204);

    private CustomerFacts randomCustomer(String id) {
        FactsBuilder b = FactsBuilder.customer(id);
        boolean buyer = random.nextInt(10) > 0;
        if (buyer) {
            int last = -random.nextInt(700);
            int first = last - random.nextInt(400);
            b.ordered(first, last);
            if (first < last && random.nextBoolean()) {
                b.previousOrder(last - 1 - random.nextInt(Math.max(1, last - first)));
            }
            int frequency = random.nextInt(8);
            b.frequency(frequency);
            if (random.nextInt(5) == 0) {
                double gross = random.nextInt(50_000) / 100.0;
                b.grossAndReturns(gross, random.nextInt(30_000) / 100.0);
            } else {
                b.net(frequency == 0 ? 0 : random.nextInt(200_000) / 100.0);
            }
            b.lifetimeOrders(frequency + random.nextInt(20) + 1).lifetimeNet(random.nextInt(500_000) / 100.0 - 50);
            if (random.nextInt(4) == 0) {
                b.channel("web", random.nextDouble(), random.nextInt(10));
            }
            if (random.nextInt(4) == 0) {
                b.discountShare(random.nextDouble());
            }
        }
        if (random.nextInt(3) == 0) {
            int opens = random.nextInt(3);
            b.engagement(EngagementType.EMAIL_OPEN, opens, opens + random.nextInt(2), -random.nextInt(300));
        }
        if (random.nextInt(20) == 0) {
            b.unsubscribed();
        }
        return b.build();
    }

    private static RefreshScales scales(List<CustomerFacts> customers, int day) {
        PopulationCounts counts = new PopulationCounts(ConfigBundle.loadDefault().pipeline());
        // the pipeline settings are the same in every configuration of these tests
        customers.forEach(c -> counts.count(CountKey.of(c), 1));
        return counts.scales(LocalDate.ofEpochDay(day));
    }

    /** The default rules with the first three also catching customers by every flag. */
    public static ConfigBundle flagRules() {
        return ConfigTexts.withSegments(flagSegments());
    }

    /** The text of {@link #flagRules}' segments.yaml. */
    public static String flagSegments() {
        String segments = ConfigTexts.replaceOnce(ConfigTexts.SEGMENTS, "when: { lifecycle: prospect }",
                "when: [{ lifecycle: prospect }, { flags: { email_unengaged: true, high_return_rate: false } }]");
        segments = ConfigTexts.replaceOnce(segments, "when: { lifecycle: new }",
                "when: [{ lifecycle: new }, { flags: { high_return_rate: true } }]");
        segments = ConfigTexts.replaceOnce(segments, "when: { lifecycle: reactivated }",
                "when: [{ lifecycle: reactivated }, { flags: { single_channel: true } },"
                        + " { flags: { discount_dependent: true } }]");
        return segments;
    }

    static Stream<ConfigBundle> configs() {
        return Stream.of(ConfigBundle.loadDefault(), ConfigTexts.classic(), flagRules());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void findsExactlyTheCustomersWhoseSegmentChanges(ConfigBundle config) {
        Segmenter segmenter = new Segmenter(config);
        int changes = 0;
        for (int round = 0; round < 20; round++) {
            List<CustomerFacts> customers = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                customers.add(randomCustomer("c" + round + "-" + i));
            }
            RefreshScales placedAt = scales(customers, DAY0);
            SegmentMirror mirror = new SegmentMirror(segmenter);
            for (CustomerFacts c : customers) {
                mirror.put(c.customerId(), c, (byte) segmenter.place(c, placedAt).segment());
            }
            assertEquals(customers.size(), mirror.size());
            for (int later : new int[] {0, 1, 2, 7, 30, 95, 400}) {
                // later days, over the same population and over one with a part of it replaced
                List<CustomerFacts> population = new ArrayList<>(customers);
                if (later % 2 == 1) {
                    for (int i = 0; i < 100; i++) {
                        population.set(random.nextInt(population.size()), randomCustomer("x" + i));
                    }
                }
                RefreshScales at = scales(population, DAY0 + later);
                Set<Object> expected = new HashSet<>();
                for (CustomerFacts c : customers) {
                    if (segmenter.place(c, at).segment() != mirror.segment(c.customerId())) {
                        expected.add(c.customerId());
                    }
                }
                Set<Object> found = new HashSet<>();
                mirror.changed(at, found::add);
                assertEquals(expected, found, "round " + round + ", day +" + later);
                changes += expected.size();
            }
        }
        assertTrue(changes > 1_000, "the days and populations move many customers: " + changes);
    }

    @Test
    void keepsItsCustomersAcrossUpdatesAndRemovals() {
        Segmenter segmenter = new Segmenter(ConfigBundle.loadDefault());
        SegmentMirror mirror = new SegmentMirror(segmenter);
        List<CustomerFacts> customers = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            customers.add(randomCustomer("c" + i));
        }
        RefreshScales at = scales(customers, DAY0);
        for (CustomerFacts c : customers) {
            mirror.put(c.customerId(), c, (byte) 0);
        }
        Set<String> kept = new HashSet<>();
        customers.forEach(c -> kept.add(c.customerId()));
        for (int i = 0; i < 3_000; i += 2) {
            mirror.remove("c" + i);
            kept.remove("c" + i);
        }
        mirror.remove("never kept");
        for (int i = 1; i < 3_000; i += 4) {
            // replaced facts and segment for a kept customer: stays one entry
            CustomerFacts c = customers.get(i);
            mirror.put(c.customerId(), c, (byte) segmenter.place(c, at).segment());
        }
        assertEquals(kept.size(), mirror.size());
        for (String id : kept) {
            int i = Integer.parseInt(id.substring(1));
            byte expected = i % 4 == 1 ? (byte) segmenter.place(customers.get(i), at).segment() : 0;
            assertEquals(expected, mirror.segment(id), id);
        }
        assertEquals(CustomerRefresh.NONE, mirror.segment("c0"));
        Set<Object> changed = new HashSet<>();
        mirror.changed(at, changed::add);
        for (Object id : changed) {
            assertTrue(kept.contains(id), "only kept customers are reported: " + id);
            assertTrue(Integer.parseInt(((String) id).substring(1)) % 4 != 1, "updated ones are in their segment");
        }
        mirror.clear();
        assertEquals(0, mirror.size());
        mirror.changed(at, id -> {
            throw new AssertionError("cleared, yet " + id);
        });
    }
}
