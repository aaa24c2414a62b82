package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The refresh stage's days done of the days to refresh, their rate and the time left. */
class ProgressLogTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theDaysLeftAtTheRateSoFar() {
        // 100 days in 50 s: 2 days/s; 265 days left take 132.5 s
        assertEquals("; day 100 of 365 (27%), 2.0 days/s, 2 min 13 s left",
                ProgressLog.eta(1_000, 1_100, 1_365, 50 * SECOND));
        assertEquals("; day 365 of 365 (100%), 7.3 days/s, 0 s left", ProgressLog.eta(1_000, 1_365, 1_365, 50 * SECOND));
    }

    @Test
    void noEstimateWithoutAnEndOrBeforeADayHasPassed() {
        assertEquals("", ProgressLog.eta(1_000, 1_100, Integer.MAX_VALUE, 50 * SECOND));
        assertEquals("", ProgressLog.eta(1_000, 1_000, 1_365, 50 * SECOND));
        assertEquals("", ProgressLog.eta(1_000, 1_100, 1_365, 0));
    }
}
