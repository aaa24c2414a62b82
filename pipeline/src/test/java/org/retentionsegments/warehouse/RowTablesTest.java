package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowTablesTest {

    /** What {@link RowTables#money} must give: Java's decimal of the double, rounded half-even to cents. */
    private static BigDecimal library(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static void same(double amount) {
        assertEquals(library(amount), RowTables.money(amount, "revenue", "c1"), () -> "amount " + amount);
    }

    @Test
    void moneyRoundsToCentsAsTheDecimalOfTheDoubleDoes() {
        Random random = new Random(20261205L);
        for (int i = 0; i < 200_000; i++) {
            // prices in cents, and their sums and differences as a customer's figures add them up
            double price = random.nextInt(1_000_000) / 100.0;
            double sum = 0;
            for (int k = random.nextInt(12); k >= 0; k--) {
                sum += (random.nextBoolean() ? 1 : -1) * random.nextInt(100_000) / 100.0;
            }
            same(price);
            same(-price);
            same(sum);
            same(price * 0.35);
            // half cents, and amounts with a few more decimals, near and far from a half cent
            same((2 * random.nextInt(10_000_000) + 1) / 200.0);
            same(random.nextInt(100_000_000) / 100_000.0);
            same(-random.nextInt(100_000_000) / 1_000.0);
            same(random.nextDouble() * Math.pow(10, random.nextInt(15)));
        }
        for (double amount : new double[] {0.0, -0.0, 0.005, 0.015, 0.025, 1.005, 2.675, -2.675, 0.125, 0.375,
            1e9 - 0.005, 1e9 + 0.005, 123456789.125, 999999999.995, 1e15 + 0.5, Double.MIN_VALUE, -Double.MIN_VALUE,
            0.1 + 0.2, 1.1 * 3, 4.35 * 100 / 100}) {
            same(amount);
        }
    }

    @Test
    void anAmountThatIsNotANumberIsRefusedWithItsColumnAndCustomer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RowTables.money(Double.NaN, "revenue", "c7"));
        assertEquals("revenue of customer c7 is NaN, not an amount", e.getMessage());
    }
}
