package org.retentionsegments.core.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A bucket's midnight part, kept apart and only when there is one, reads back as it was set. */
class WindowBucketTest {

    private static final double[] AMOUNTS = {0.0, -0.0, 12.5, -3.25, Double.NaN, Double.MIN_VALUE};

    @Test
    void midnightFiguresReadBackToTheBit() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            DayActivity d = new DayActivity();
            d.day = random.nextInt(30_000);
            d.orders = random.nextInt(4);
            d.midnightOrders = random.nextInt(3) == 0 ? random.nextInt(3) : 0;
            d.midnightRevenue = random.nextInt(3) == 0 ? AMOUNTS[random.nextInt(AMOUNTS.length)] : 0.0;
            d.midnightGross = random.nextInt(3) == 0 ? AMOUNTS[random.nextInt(AMOUNTS.length)] : 0.0;
            d.midnightReturnAmount = random.nextInt(3) == 0 ? AMOUNTS[random.nextInt(AMOUNTS.length)] : 0.0;
            WindowBucket b = WindowBucket.of(d);
            assertEquals(d.midnightOrders, b.midnightOrders());
            assertEquals(bits(d.midnightRevenue), bits(b.midnightNet()));
            assertEquals(bits(d.midnightGross), bits(b.midnightGross()));
            assertEquals(bits(d.midnightReturnAmount), bits(b.midnightReturnAmount()));
            // the rule the four fields had
            boolean had = d.midnightOrders > 0 || d.midnightRevenue != 0.0 || d.midnightGross != 0.0
                    || d.midnightReturnAmount != 0.0;
            assertEquals(had, b.hasMidnightOrders());
        }
    }

    @Test
    void aMinusZeroIsKeptBecauseItSumsDifferently() {
        WindowBucket b = new WindowBucket();
        b.setMidnight(0, -0.0, 0.0, 0.0);
        assertEquals(bits(-0.0), bits(b.midnightNet()));
        assertFalse(b.hasMidnightOrders());
        assertEquals(bits(0.0), bits(-0.0 + b.midnightGross())); // -0.0 + 0.0 is 0.0, as with the field
        b.setMidnight(1, 0.0, 0.0, 0.0);
        assertTrue(b.hasMidnightOrders());
        b.setMidnight(0, 0.0, 0.0, 0.0);
        assertFalse(b.hasMidnightOrders());
        assertEquals(0, b.midnightOrders());
    }

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }
}
