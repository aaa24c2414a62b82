package org.retentionsegments.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoxStatsAndHistogramTest {

    @Test
    void quartilesInterpolateBetweenTheSortedValues() {
        // sorted 1..8: q1 at position 0.25 * 7 = 1.75, between 2 and 3; the median between 4 and 5;
        // q3 at 5.25, between 6 and 7
        BoxStats box = BoxStats.of(new double[] {8, 3, 1, 6, 2, 7, 5, 4});
        assertArrayEquals(new double[] {1, 2.75, 4.5, 6.25, 8}, box.five(), 1e-12);
        assertEquals(0, box.beyond());
    }

    @Test
    void whiskersStopAtTheLastValueWithinOneAndAHalfBoxes() {
        // 1..7 and 100: the quartiles as for 1..8 (position 5.25 lies between 6 and 7); IQR 3.5, fences
        // -2.5 and 11.5: the upper whisker is 7 and 100 is beyond
        BoxStats box = BoxStats.of(new double[] {1, 2, 3, 4, 5, 6, 7, 100});
        assertArrayEquals(new double[] {1, 2.75, 4.5, 6.25, 7}, box.five(), 1e-12);
        assertEquals(1, box.beyond());
        assertArrayEquals(new double[] {5, 5, 5, 5, 5}, BoxStats.of(new double[] {5}).five(), 1e-12);
    }

    @Test
    void wholeNumbersGetWholeBinsAndValuesAboveTheCutAreCounted() {
        Histogram h = Histogram.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 30}, 9, true);
        assertEquals(1, h.width(), 1e-12);
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, h.counts());
        assertEquals(1, h.above());
        assertEquals(9, h.edge(10), 1e-12);
    }

    @Test
    void freedmanDiaconisSetsTheBinsBetweenTenAndForty() {
        // 0..999: IQR 499.5, width 2 * 499.5 / 1000^(1/3) = 99.9; up to 1948: 19.5, so 20 bins of 97.4
        double[] uniform = IntStream.range(0, 1000).asDoubleStream().toArray();
        Histogram h = Histogram.of(uniform, 1948, false);
        assertEquals(20, h.counts().length);
        assertEquals(97.4, h.width(), 1e-9);
        assertEquals(1000, java.util.Arrays.stream(h.counts()).sum());
        // a narrow middle and a long range would make hundreds of bins: 40
        double[] tailed = IntStream.range(0, 1001).mapToDouble(i -> i == 1000 ? 10 : i / 1000.0).toArray();
        assertEquals(40, Histogram.of(tailed, 10, false).counts().length);
        // a range of 0.9 cut in 10 makes the ten values fall one per bin, the top one in the last
        Histogram small = Histogram.of(IntStream.range(0, 10).mapToDouble(i -> i / 10.0).toArray(), 0.9, false);
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, small.counts());
    }
}
