package org.retentionsegments.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.config.SegmentContract;
import org.retentionsegments.core.config.SegmentContract.Range;

/** The verdict of a contract on given counts, and the line that states it. */
class ContractResultTest {

    private static final SegmentContract NEW_90 = new SegmentContract("New", SegmentContract.NO_MIN_SIZE,
            Set.of(LifecycleStage.NEW), null, null, null, 0, 0, 0.9);
    private static final SegmentContract RECENT_ALL = new SegmentContract("Champions", SegmentContract.NO_MIN_SIZE,
            Set.of(), new Range(0, 120), null, null, 0, 0, 1.0);
    private static final SegmentContract THOUSAND = SegmentContract.minSize("Champions", 1000);

    @Test
    void aShareBelowItsThresholdFailsWithItsFigure() {
        ContractResult r = new ContractResult(NEW_90, 1007, 413);
        assertFalse(r.passed());
        assertEquals("New: 41 % of 1,007 customers are lifecycle new, expected at least 90 %", r.line());
    }

    @Test
    void aShareAtOrAboveItsThresholdPasses() {
        assertTrue(new ContractResult(NEW_90, 10, 9).passed(), "exactly 90 % (0.9 * 10 is 9.000000000000002)");
        assertEquals("New: 96 % of 1,007 customers are lifecycle new (expected at least 90 %)",
                new ContractResult(NEW_90, 1007, 967).line());
    }

    @Test
    void aFailingShareIsNeverRoundedUpToItsThreshold() {
        ContractResult r = new ContractResult(NEW_90, 1000, 899);
        assertFalse(r.passed());
        assertEquals("New: 89.9 % of 1,000 customers are lifecycle new, expected at least 90 %", r.line());
        assertEquals("Champions: 9,999 of 10,000 customers (99.99 %) are recency 0-120 days, expected all",
                new ContractResult(RECENT_ALL, 10_000, 9_999).line());
        assertEquals("Champions: 20 of 20 customers (100 %) are recency 0-120 days (expected all)",
                new ContractResult(RECENT_ALL, 20, 20).line());
    }

    @Test
    void aMinimumSize() {
        ContractResult small = new ContractResult(THOUSAND, 312, 312);
        assertFalse(small.passed());
        assertEquals("Champions: 312 customers, expected at least 1,000", small.line());
        assertTrue(new ContractResult(THOUSAND, 1000, 1000).passed());
        assertEquals("Champions: 1,234 customers (expected at least 1,000)",
                new ContractResult(THOUSAND, 1234, 1234).line());
        assertEquals("Champions: 1 customer, expected at least 1,000", new ContractResult(THOUSAND, 1, 1).line());
    }

    @Test
    void aConditionOnAnEmptySegmentHoldsAndSaysSo() {
        ContractResult r = new ContractResult(NEW_90, 0, 0);
        assertTrue(r.passed());
        assertEquals("New: no customers, nothing to check (lifecycle new)", r.line());
    }

    @Test
    void thresholdsShowAsWritten() {
        assertEquals("92.5 %", ContractResult.threshold(0.925));
        assertEquals("90 %", ContractResult.threshold(0.9));
        assertEquals("0 %", ContractResult.threshold(0));
    }
}
