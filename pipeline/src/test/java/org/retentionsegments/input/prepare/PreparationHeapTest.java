package org.retentionsegments.input.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the inputs are too large for the heap, the run leaves the first stage to Flink SQL, which spills. */
class PreparationHeapTest {

    private static final long MB = 1L << 20;
    private static final long GB = 1L << 30;

    @Test
    void inputsFitWhileTheirEstimateStaysWithinTheHeapShare() {
        assertTrue(Preparation.fits(41 * MB, 6 * GB), "100,000 generated customers' orders (41 MB)");
        assertTrue(Preparation.fits(44 * MB, 6 * GB), "the Online Retail file");
        assertTrue(Preparation.fits(390 * MB, 5358 * MB), "1M customers' orders (390 MB) ran in a 3.2 GB heap");
        assertFalse(Preparation.fits(390 * MB, 4 * GB), "and ran out of a 2.4 GB heap: 1.6 times that is planned");
        assertFalse(Preparation.fits(41 * MB, 512 * MB), "41 MB ran out of a 250 MB heap");
        assertTrue(Preparation.fits(41 * MB, 600 * MB));
    }

    @Test
    void theHeapNeededIsWholeGigabytesThatFit() {
        long needed = Preparation.heapNeeded(390 * MB);
        assertEquals(0, needed % GB);
        assertTrue(Preparation.fits(390 * MB, needed));
        assertFalse(Preparation.fits(390 * MB, needed - GB));
    }
}
