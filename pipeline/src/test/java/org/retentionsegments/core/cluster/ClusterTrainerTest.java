package org.retentionsegments.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterTrainerTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

    /**
     * 900 customers in three groups (recent frequent big spenders, recent one-off small buyers,
     * lapsed one-off small buyers), plus 4 monetary outliers, 3 frequency outliers and 2 of both.
     */
    static List<RfmPoint> business() {
        List<RfmPoint> points = new ArrayList<>(ThreeGroups.of(300, new Random(5)));
        for (int i = 0; i < 4; i++) {
            points.add(new RfmPoint("whale" + i, 40, 2, 500_000));
        }
        for (int i = 0; i < 3; i++) {
            points.add(new RfmPoint("daily" + i, 1, 2_000, 300));
        }
        for (int i = 0; i < 2; i++) {
            points.add(new RfmPoint("vip" + i, 1, 3_000, 900_000));
        }
        return points;
    }

    @Test
    void separatesTheOutliersChoosesTheThreeGroupsAndNamesThem() {
        List<RfmPoint> points = business();
        ClusterModel model = ClusterTrainer.train(points, AS_OF, ClusterTrainer.Settings.range(2, 6), line -> {});
        assertEquals(Map.of("PAMPER", 4L, "UPSELL", 3L, "DELIGHT", 2L), model.outliers().counts());
        assertEquals(900, model.clusteredRows());
        assertEquals(909, model.inputRows());
        assertEquals(3, model.k(), () -> "diagnostics " + model.diagnostics());
        assertEquals(5, model.diagnostics().size());
        Map<String, String> labelOfGroup = new HashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        ClusterModel.Placer placer = model.placer();
        for (RfmPoint p : points) {
            ClusterModel.Assignment a = model.assign(p);
            assertEquals(a.label(), placer.label(a).label());
            String group = p.customerId().replaceAll("\\d+$", "");
            String before = labelOfGroup.put(group, a.label());
            assertTrue(before == null || before.equals(a.label()), "group " + group + " split: " + before + ", " + a.label());
            sizes.merge(a.label(), 1L, Long::sum);
            if (a.cluster() < 0) {
                assertNull(a.distance());
            }
        }
        assertEquals("Reward", labelOfGroup.get("top"));
        assertEquals("Nurture", labelOfGroup.get("new"));
        assertEquals("Re-Engage", labelOfGroup.get("gone"));
        assertEquals("PAMPER", labelOfGroup.get("whale"));
        assertEquals("UPSELL", labelOfGroup.get("daily"));
        assertEquals("DELIGHT", labelOfGroup.get("vip"));
        for (ClusterModel.Cluster c : model.clusters()) {
            assertEquals(c.customers(), sizes.get(c.label()), "the trainer's size of " + c.label());
        }
        ClusterModel.Cluster reward = model.clusters().get(0);
        assertEquals("Reward", reward.label());
        assertTrue(reward.centroidRaw()[1] >= 3 && reward.centroidRaw()[1] <= 6, () -> "orders at the Reward centre: " + reward.centroidRaw()[1]);
    }

    @Test
    void theModelFileRoundTripsAndTheVersionFollowsTheContent() {
        List<RfmPoint> points = business();
        ClusterModel model = ClusterTrainer.train(points, AS_OF, ClusterTrainer.Settings.range(2, 4), line -> {});
        ClusterModel read = ClusterModel.fromJson(model.json());
        assertEquals(model.version(), read.version());
        for (RfmPoint p : points) {
            assertEquals(model.assign(p), read.assign(p));
        }
        ClusterModel again = ClusterTrainer.train(points, AS_OF, ClusterTrainer.Settings.range(2, 4), line -> {});
        assertEquals(model.version(), again.version(), "same customers and settings, same version");
        ClusterModel given = ClusterTrainer.train(points, AS_OF,
                new ClusterTrainer.Settings(4, 4, true, 5, 42, 3.5, 20_000, 100_000), line -> {});
        assertEquals(4, given.k());
        assertNotEquals(model.version(), given.version());
        assertThrows(IllegalArgumentException.class, () -> ClusterModel.fromJson("{\"k\": \"x\"}"));
    }

    @Test
    void aScanSampleTriesTheRangeOnASubsetAndFitsTheChosenKOnEveryone() {
        List<RfmPoint> points = business();
        List<String> lines = new ArrayList<>();
        ClusterModel model = ClusterTrainer.train(points, AS_OF,
                new ClusterTrainer.Settings(2, 5, false, 3, 42, 3.5, 200, 300), lines::add);
        assertEquals(3, model.k());
        for (ClusterModel.Diagnostic d : model.diagnostics()) {
            assertEquals(300, d.fitCustomers());
            assertEquals(200, d.silhouetteCustomers());
        }
        assertEquals(900, model.clusters().stream().mapToLong(ClusterModel.Cluster::customers).sum());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("k = 3 fitted on all 900 customers")), () -> "" + lines);
    }

    @Test
    void refusesWhatCannotBeClustered() {
        assertThrows(IllegalArgumentException.class,
                () -> ClusterTrainer.train(List.of(), AS_OF, ClusterTrainer.Settings.range(2, 3), line -> {}));
        assertThrows(IllegalArgumentException.class, () -> ClusterTrainer.Settings.range(1, 3));
        assertThrows(IllegalArgumentException.class, () -> ClusterTrainer.Settings.range(5, 3));
        List<RfmPoint> two = List.of(new RfmPoint("a", 1, 1, 10), new RfmPoint("b", 2, 1, 11));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterTrainer.train(two, AS_OF, ClusterTrainer.Settings.range(2, 3), line -> {}));
        assertTrue(e.getMessage().contains("too few"), e.getMessage());
    }
}
