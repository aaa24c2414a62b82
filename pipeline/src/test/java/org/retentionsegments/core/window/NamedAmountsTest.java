package org.retentionsegments.core.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A customer's amounts by name hold what a hash map merged with the same sums holds, to the bit. */
class NamedAmountsTest {

    private static final double[] AWKWARD = {0.0, -0.0, 0.1, 0.2, 1e-7, -12.345678, 1e300, Double.NaN,
            Double.POSITIVE_INFINITY, 19.99, -19.99};

    @Test
    void theSameSumsAsAHashMapMerged() {
        Random random = new Random(7);
        for (int customer = 0; customer < 2_000; customer++) {
            Map<String, Double> map = new HashMap<>();
            NamedAmounts named = new NamedAmounts();
            for (int i = random.nextInt(60); i > 0; i--) {
                String name = "category " + random.nextInt(12);
                double amount = random.nextInt(4) == 0 ? AWKWARD[random.nextInt(AWKWARD.length)]
                        : Math.round(random.nextGaussian() * 10_000) / 100.0;
                map.merge(name, amount, Double::sum);
                named.add(name, amount);
            }
            assertEquals(map.size(), named.size());
            for (Map.Entry<String, Double> e : map.entrySet()) {
                assertEquals(Double.doubleToRawLongBits(e.getValue()), Double.doubleToRawLongBits(named.get(e.getKey())),
                        e.getKey() + " of customer " + customer);
            }
            assertEquals(new java.util.TreeMap<>(map).toString(), named.toMap().toString());
        }
    }

    @Test
    void namesKeepTheOrderTheyCameIn() {
        NamedAmounts named = new NamedAmounts();
        named.add("web", 1);
        named.add("store", 2);
        named.add("web", 3);
        assertEquals("web", named.name(0));
        assertEquals(4.0, named.amount(0));
        assertEquals("store", named.name(1));
        assertEquals(0.0, named.get("app"));
    }

    @Test
    void equalWithTheSameNamesAndAmountsInAnyOrderAndCopiedApart() {
        NamedAmounts a = new NamedAmounts();
        a.add("web", 1);
        a.add("store", 2);
        NamedAmounts b = new NamedAmounts();
        b.add("store", 2);
        b.add("web", 1);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        NamedAmounts copy = a.copy();
        copy.add("web", 1);
        assertNotEquals(a, copy);
        assertEquals(1.0, a.get("web"));
    }

    @Test
    void aNameIsKeptAsOneInstance() {
        NamedAmounts a = new NamedAmounts();
        NamedAmounts b = new NamedAmounts();
        String first = new String("garden tools");
        String second = new String("garden tools");
        assertNotSame(first, second);
        a.add(first, 1);
        b.add(second, 1);
        assertSame(a.name(0), b.name(0));
        assertSame(NamedAmounts.shared(new String("garden tools")), a.name(0));
    }
}
