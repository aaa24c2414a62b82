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
        assertFalse(Preparation.fits(410 * MB, 6 * GB), "1M customers' orders (410 MB) thrashed a 6 GB heap");
        assertTrue(Preparation.fits(410 * MB, 16 * GB));
        assertFalse(Preparation.fits(41 * MB, 512 * MB), "41 MB ran out of a 400 MB heap");
    }

    @Test
    void theHeapNeededIsWholeGigabytesThatFit() {
        long needed = Preparation.heapNeeded(410 * MB);
        assertEquals(0, needed % GB);
        assertTrue(Preparation.fits(410 * MB, needed));
        assertFalse(Preparation.fits(410 * MB, needed - GB));
    }
}
