package org.retentionsegments.input.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The day's small tallies give the packed lists the hash maps they replaced gave. */
class TallyTest {

    @Test
    void emptyOrAbsentIsNull() {
        assertNull(Tally.packed(null, true));
        assertNull(Tally.packed(new Tally(), false));
    }

    @Test
    void countsAreWholeAndSortedByName() {
        Tally t = new Tally();
        t.add("web", 1);
        t.add("app", 1);
        t.add("web", 1);
        t.add("Store", 1);
        assertEquals("Store=1;app=1;web=2", Tally.packed(t, true));
    }

    @Test
    void sumsEqualMapMergeOnRandomAmounts() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            Tally tally = new Tally();
            Map<String, Double> map = new HashMap<>();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                String name = "c" + random.nextInt(5);
                double amount = Math.round(random.nextGaussian() * 1e6) / 100.0;
                tally.add(name, amount);
                map.merge(name, amount, Double::sum);
            }
            StringBuilder expected = new StringBuilder();
            for (Map.Entry<String, Double> e : new TreeMap<>(map).entrySet()) {
                expected.append(expected.isEmpty() ? "" : ";").append(e.getKey()).append('=').append(e.getValue());
            }
            assertEquals(expected.toString(), Tally.packed(tally, false));
        }
    }
}
