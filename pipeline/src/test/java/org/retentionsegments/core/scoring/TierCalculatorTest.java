package org.retentionsegments.core.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.TierMethod;
import org.retentionsegments.core.config.TierSpec;

class TierCalculatorTest {

    private static final int DAY = 20_000;
    private static final LocalDate AS_OF = LocalDate.ofEpochDay(DAY);

    private static CountHistogram histogram(long... keys) {
        CountHistogram h = new CountHistogram();
        for (long key : keys) {
            h.add(key);
        }
        return h;
    }

    private static long[] range(int from, int to) {
        long[] keys = new long[to - from + 1];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = from + i;
        }
        return keys;
    }

    @Test
    void frequencyQuantilesIgnoreCustomersWithNothingInTheWindow() {
        long[] keys = new long[1100];
        System.arraycopy(range(1, 100), 0, keys, 1000, 100);
        CountHistogram f = histogram(keys);
        Tiers tiers = TierCalculator.tiers(Dimension.FREQUENCY, TierSpec.quantile(), f, DAY, 30);
        assertArrayEquals(new double[] {20, 40, 60, 80}, tiers.bounds(),
                "1,000 zeros must not collapse the boundaries onto zero");
        assertEquals(1, tiers.score(0));
        assertEquals(1, tiers.score(20));
        assertEquals(5, tiers.score(81));
    }

    @Test
    void quantileBoundariesUseNearestRankOnAKnownDistribution() {
        CountHistogram f = histogram(range(1, 100));
        Tiers tiers = TierCalculator.tiers(Dimension.FREQUENCY, TierSpec.quantile(), f, DAY, 30);
        assertArrayEquals(new double[] {20, 40, 60, 80}, tiers.bounds());
        assertEquals(1, tiers.score(20));
        assertEquals(2, tiers.score(21));
        assertEquals(5, tiers.score(81));
        assertArrayEquals(new long[] {0, 20, 20, 20, 20, 20},
                TierCalculator.bucketSizes(tiers, f, DAY));

        // N = 5: ranks ceil(1), ceil(2), ceil(3), ceil(4) exactly, despite 0.6 * 5 > 3 in doubles
        Tiers five = TierCalculator.tiers(Dimension.FREQUENCY, TierSpec.quantile(),
                histogram(10, 20, 30, 40, 50), DAY, 30);
        assertArrayEquals(new double[] {10, 20, 30, 40}, five.bounds());
    }

    @Test
    void tiesAlwaysGetEqualScoresAndLeaveEmptyBuckets() {
        long[] keys = new long[100];
        for (int i = 0; i < 100; i++) {
            keys[i] = i < 60 ? 1 : i < 85 ? 2 : 3;
        }
        CountHistogram f = histogram(keys);
        Tiers tiers = TierCalculator.tiers(Dimension.FREQUENCY, TierSpec.quantile(), f, DAY, 30);
        assertArrayEquals(new double[] {1, 1, 1, 2}, tiers.bounds());
        assertEquals(1, tiers.score(1));
        assertEquals(4, tiers.score(2));
        assertEquals(5, tiers.score(3));
        long[] sizes = TierCalculator.bucketSizes(tiers, f, DAY);
        assertArrayEquals(new long[] {0, 60, 0, 0, 25, 15}, sizes);
        List<ScoreBoundary> rows = tiers.rows(AS_OF, sizes);
        assertEquals(100, rows.stream().mapToLong(ScoreBoundary::customers).sum());
    }

    @Test
    void recencyIsMirroredFewerDaysScoreHigher() {
        // last order days such that recency = 1..100 days
        long[] lastDays = new long[100];
        for (int i = 0; i < 100; i++) {
            lastDays[i] = DAY - (i + 1);
        }
        CountHistogram h = histogram(lastDays);
        Tiers r = TierCalculator.tiers(Dimension.RECENCY, TierSpec.quantile(), h, DAY, 30);
        assertArrayEquals(new double[] {20, 40, 60, 80}, r.bounds());
        assertEquals(5, r.score(1));
        assertEquals(5, r.score(20));
        assertEquals(4, r.score(21));
        assertEquals(1, r.score(81));
        assertArrayEquals(new long[] {0, 20, 20, 20, 20, 20},
                TierCalculator.bucketSizes(r, h, DAY));

        List<ScoreBoundary> rows = r.rows(AS_OF, TierCalculator.bucketSizes(r, h, DAY));
        ScoreBoundary best = rows.get(4);
        assertEquals(5, best.score());
        assertEquals("recency", best.dimension());
        assertEquals("quantile", best.method());
        assertNull(best.lowerBound());
        assertEquals(20.0, best.upperBound());
        ScoreBoundary worst = rows.get(0);
        assertEquals(80.0, worst.lowerBound());
        assertNull(worst.upperBound());
    }

    @Test
    void monetaryQuantilesAreInMoneyFromCents() {
        CountHistogram cents = histogram(1999, 1999, 5000, 12345, 99999);
        Tiers m = TierCalculator.tiers(Dimension.MONETARY, TierSpec.quantile(), cents, DAY, 30);
        assertArrayEquals(new double[] {19.99, 19.99, 50.00, 123.45}, m.bounds());
        assertEquals(1, m.score(TierCalculator.money(TierCalculator.cents(19.99))));
        assertEquals(5, m.score(999.99));
    }

    @Test
    void fixedThresholdsAreUsedAsGiven() {
        TierSpec spec = new TierSpec(TierMethod.FIXED, new double[] {1, 2, 4, 8});
        Tiers f = TierCalculator.tiers(Dimension.FREQUENCY, spec, new CountHistogram(), DAY, 30);
        assertEquals(1, f.score(1));
        assertEquals(2, f.score(2));
        assertEquals(3, f.score(3));
        assertEquals(4, f.score(5));
        assertEquals(5, f.score(9));
        assertEquals("fixed", f.rows(AS_OF, new long[6]).get(0).method());
    }

    @Test
    void cycleTiersAreMultiplesOfThePurchaseCycle() {
        TierSpec spec = new TierSpec(TierMethod.CYCLE, new double[] {0.5, 1, 2, 4});
        Tiers r = TierCalculator.tiers(Dimension.RECENCY, spec, new CountHistogram(), DAY, 30);
        assertArrayEquals(new double[] {15, 30, 60, 120}, r.bounds());
        assertEquals(5, r.score(15));
        assertEquals(4, r.score(16));
        assertEquals(2, r.score(120));
        assertEquals(1, r.score(121));
    }

    @Test
    void emptyPopulationGivesZeroBoundariesAndEmptyBuckets() {
        CountHistogram empty = new CountHistogram();
        Tiers r = TierCalculator.tiers(Dimension.RECENCY, TierSpec.quantile(), empty, DAY, 30);
        assertArrayEquals(new double[] {0, 0, 0, 0}, r.bounds());
        assertArrayEquals(new long[6], TierCalculator.bucketSizes(r, empty, DAY));
    }

    @Test
    void histogramRemovalKeepsQuantilesExact() {
        CountHistogram h = histogram(range(1, 10));
        h.remove(10);
        h.remove(9);
        h.add(1);
        h.add(1);
        assertEquals(10, h.total());
        assertEquals(3, h.count(1));
        assertArrayEquals(new long[] {1, 2, 4, 6},
                h.nearestRank(TierSpec.DEFAULT_POINTS, false));
        assertArrayEquals(new long[] {7, 5, 3, 1},
                h.nearestRank(TierSpec.DEFAULT_POINTS, true));
    }

    /** Orders per customer: 7 with 1, 2 with 2, 2 with 3, 1 with 4, 1 with 6 (N = 13, five distinct values). */
    private static CountHistogram mostlyOneOrder() {
        return histogram(1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6);
    }

    @Test
    void distinctMovesBoundariesApartWhereTiesCollapseTiers() {
        // Nearest rank, N = 13: ranks 3, 6, 8, 11 -> 1, 1, 2, 3 (F 2 empty, F 1 holds 7).
        // distinct: b1 = min(1, d[0]) = 1; b2 = min(max(1, next above 1 = 2), d[1] = 2) = 2;
        // b3 = min(max(2, 3), d[2] = 3) = 3; b4 = min(max(3, 4), d[3] = 4) = 4.
        CountHistogram f = mostlyOneOrder();
        Tiers quantile = TierCalculator.tiers(Dimension.FREQUENCY, TierSpec.quantile(), f, DAY, 30);
        assertArrayEquals(new double[] {1, 1, 2, 3}, quantile.bounds(), "quantile boundaries stay as they are");
        assertArrayEquals(new long[] {0, 7, 0, 2, 2, 2}, TierCalculator.bucketSizes(quantile, f, DAY));

        TierSpec spec = new TierSpec(TierMethod.DISTINCT, TierSpec.DEFAULT_POINTS);
        Tiers distinct = TierCalculator.tiers(Dimension.FREQUENCY, spec, f, DAY, 30);
        assertArrayEquals(new double[] {1, 2, 3, 4}, distinct.bounds());
        assertArrayEquals(new long[] {0, 7, 2, 2, 1, 1}, TierCalculator.bucketSizes(distinct, f, DAY));
        assertEquals("distinct", distinct.rows(AS_OF, new long[6]).get(0).method());
    }

    @Test
    void distinctEqualsQuantileWithoutTiesAndIgnoresZeros() {
        long[] keys = new long[1100];
        System.arraycopy(range(1, 100), 0, keys, 1000, 100);
        TierSpec spec = new TierSpec(TierMethod.DISTINCT, TierSpec.DEFAULT_POINTS);
        assertArrayEquals(new double[] {20, 40, 60, 80},
                TierCalculator.tiers(Dimension.FREQUENCY, spec, histogram(keys), DAY, 30).bounds());
        // cents, N = 7: ranks 2, 3, 5, 6 -> 19.99 twice collapses M 1 and M 2 under quantile;
        // distinct moves b2 up to the next value, 50.00
        CountHistogram cents = histogram(1999, 1999, 1999, 5000, 12345, 50000, 99999);
        assertArrayEquals(new double[] {19.99, 19.99, 123.45, 500.00},
                TierCalculator.tiers(Dimension.MONETARY, TierSpec.quantile(), cents, DAY, 30).bounds());
        assertArrayEquals(new double[] {19.99, 50.00, 123.45, 500.00},
                TierCalculator.tiers(Dimension.MONETARY, spec, cents, DAY, 30).bounds());
    }

    @Test
    void distinctWithFewerThanFiveValuesLeavesTheLowestTiersEmpty() {
        // d = [1, 2, 3, 5], quantiles [1, 1, 2, 3]: the ceilings d[max(0, D-6+i)] = 1, 1, 2, 3 win
        assertArrayEquals(new long[] {1, 1, 2, 3},
                TierCalculator.distinct(new long[] {1, 1, 2, 3}, new long[] {1, 2, 3, 5}));
        // d = [1, 2]: 1 1 1 2 -> 1 1 1 1 (F 1 = one order, F 5 = two)
        assertArrayEquals(new long[] {1, 1, 1, 1},
                TierCalculator.distinct(new long[] {1, 1, 1, 2}, new long[] {1, 2}));
        // nothing above zero: the (zero) quantiles unchanged
        assertArrayEquals(new long[4], TierCalculator.distinct(new long[4], new long[0]));
        // long tail of repeat buyers: 60 % one order, then 2..20 orders
        assertArrayEquals(new long[] {1, 2, 3, 4},
                TierCalculator.distinct(new long[] {1, 1, 1, 2}, range(1, 20)));
    }
}
