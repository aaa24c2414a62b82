package org.retentionsegments.core.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The array histogram answers every question as the tree-map one it replaced, through random changes. */
class CountHistogramTest {

    private static final double[][] POINTS = {
        {0.2, 0.4, 0.6, 0.8}, {0.5, 0.75, 0.9, 0.97}, {0.0, 0.01, 0.999, 1.0}, {0.25, 0.25, 0.5, 1.5}};

    @Test
    void answersAsTheTreeMapHistogramThroughRandomChanges() throws Exception {
        for (int seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            int spread = 1 + r.nextInt(seed * 50);
            CountHistogram histogram = new CountHistogram();
            TreeMapHistogram reference = new TreeMapHistogram();
            List<Long> present = new ArrayList<>();
            for (int step = 0; step < 4_000; step++) {
                if (!present.isEmpty() && r.nextInt(3) == 0) {
                    long key = present.remove(r.nextInt(present.size()));
                    histogram.remove(key);
                    reference.remove(key);
                } else {
                    long key = r.nextInt(spread) - spread / 5;
                    histogram.add(key);
                    reference.add(key);
                    present.add(key);
                }
                if (r.nextInt(40) == 0) {
                    same(histogram, reference, r, spread);
                }
            }
            same(histogram, reference, r, spread);
            CountHistogram restored = new CountHistogram();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            histogram.writeTo(new DataOutputStream(bytes));
            ByteArrayOutputStream referenceBytes = new ByteArrayOutputStream();
            reference.writeTo(new DataOutputStream(referenceBytes));
            assertArrayEquals(referenceBytes.toByteArray(), bytes.toByteArray(), "the checkpoint format is the same");
            restored.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            same(restored, reference, r, spread);
        }
    }

    private static void same(CountHistogram h, TreeMapHistogram ref, Random r, int spread) {
        assertEquals(ref.total(), h.total());
        assertEquals(ref.distinct(), h.distinct());
        for (double[] points : POINTS) {
            assertArrayEquals(ref.nearestRank(points, false), h.nearestRank(points, false));
            assertArrayEquals(ref.nearestRank(points, true), h.nearestRank(points, true));
            assertArrayEquals(ref.nearestRankAbove(0, points), h.nearestRankAbove(0, points));
            long floor = r.nextInt(spread + 2) - spread / 4;
            assertArrayEquals(ref.nearestRankAbove(floor, points), h.nearestRankAbove(floor, points), "above " + floor);
        }
        long floor = r.nextInt(spread + 2) - spread / 4;
        assertArrayEquals(ref.keysAbove(floor), h.keysAbove(floor));
        for (int i = 0; i < 5; i++) {
            long key = r.nextInt(spread) - spread / 5;
            assertEquals(ref.count(key), h.count(key));
        }
        long[] buckets = new long[7];
        long[] refBuckets = new long[7];
        h.countInto(buckets, key -> Math.floorMod(key, 7));
        ref.countInto(refBuckets, key -> Math.floorMod(key, 7));
        assertArrayEquals(refBuckets, buckets);
    }

    @Test
    void removingWhatIsNotThereFailsAndChangesNothing() {
        CountHistogram h = new CountHistogram();
        h.add(5);
        assertThrows(IllegalStateException.class, () -> h.remove(6));
        h.remove(5);
        assertThrows(IllegalStateException.class, () -> h.remove(5), "pending removals count");
        assertEquals(0, h.total());
        assertEquals(0, h.distinct());
        assertArrayEquals(new long[] {0, 0}, h.nearestRank(new double[] {0.5, 1.0}, false));
    }
}
