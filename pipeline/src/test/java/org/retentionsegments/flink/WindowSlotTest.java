package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.window.WindowBucket;

/** A slot's days in the window, kept as a sorted map of them would keep them. */
class WindowSlotTest {

    @Test
    void bucketsStayInDayOrderOneADayAsASortedMapKeepsThem() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            WindowSlot slot = new WindowSlot();
            TreeMap<Integer, WindowBucket> map = new TreeMap<>();
            for (int i = random.nextInt(40); i > 0; i--) {
                if (random.nextInt(4) == 0) {
                    int cut = random.nextInt(60);
                    slot.removeBuckets(b -> b.day < cut);
                    map.headMap(cut).clear();
                } else {
                    WindowBucket b = new WindowBucket();
                    b.day = random.nextInt(60);
                    b.orders = random.nextInt(5);
                    slot.putBucket(b);
                    map.put(b.day, b);
                }
                assertArrayEquals(map.values().toArray(new WindowBucket[0]), slot.buckets,
                        "round " + round + ": " + Arrays.toString(Arrays.stream(slot.buckets).mapToInt(b -> b.day).toArray()));
            }
        }
    }

    @Test
    void aSlotWithoutDaysSharesTheEmptyArrayAndIsEmpty() {
        WindowSlot slot = new WindowSlot();
        assertTrue(slot.isEmpty());
        WindowBucket b = new WindowBucket();
        b.day = 3;
        slot.putBucket(b);
        WindowBucket[] before = slot.buckets;
        slot.removeBuckets(x -> false);
        assertSame(before, slot.buckets, "nothing gone: the same array");
        int[] asked = {0};
        slot.removeBuckets(x -> ++asked[0] > 0);
        assertSame(WindowSlot.NO_BUCKETS, slot.buckets);
        assertEquals(1, asked[0], "each bucket asked once");
        assertTrue(slot.isEmpty());
    }
}
