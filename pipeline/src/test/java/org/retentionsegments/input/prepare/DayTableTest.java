package org.retentionsegments.input.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table of days finds each (customer, day) as a hash map would, through its growth. */
class DayTableTest {

    private record Key(String customerId, long day) {}

    @Test
    void findsTheSameDayForEqualKeysAndKeepsEveryDay() {
        Random random = new Random(3);
        DayTable table = new DayTable();
        Map<Key, Preparation.Day> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            // ids as new instances (equal, not the same), days clustered and far apart, negative too
            String customer = new String("C" + random.nextInt(20_000));
            long day = random.nextInt(10) == 0 ? random.nextInt(2_000_000) - 1_000_000 : 19_000 + random.nextInt(40);
            Preparation.Day d = table.get(customer, day);
            assertEquals(customer, d.customerId);
            assertEquals(day, d.day);
            Preparation.Day known = reference.putIfAbsent(new Key(customer, day), d);
            if (known != null) {
                assertSame(known, d);
            }
        }
        assertEquals(reference.size(), table.size());
        Preparation.Day[] all = table.all();
        assertEquals(reference.size(), all.length);
        Map<Preparation.Day, Boolean> seen = new IdentityHashMap<>();
        for (Preparation.Day d : all) {
            assertSame(reference.get(new Key(d.customerId, d.day)), d);
            seen.put(d, true);
        }
        assertEquals(all.length, seen.size());
    }
}
