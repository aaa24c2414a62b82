package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The refresh stage's days done of the days to refresh, their rate and the time left. */
class ProgressLogTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theDaysLeftAtTheRateSoFar() {
        // 100 days in 50 s: 2 days/s; 265 days left take 132.5 s
        assertEquals("; day 100 of 365 (27%), 2.0 days/s, 2 min 13 s left",
                ProgressLog.eta(1_000, 1_100, 1_365, 50 * SECOND, oneDay(100, 50)));
        assertEquals("; day 365 of 365 (100%), 7.3 days/s, 0 s left",
                ProgressLog.eta(1_000, 1_365, 1_365, 50 * SECOND, oneDay(365, 50)));
    }

    @Test
    void noEstimateWithoutAnEndOrBeforeADayHasPassed() {
        assertEquals("", ProgressLog.eta(1_000, 1_100, Integer.MAX_VALUE, 50 * SECOND, oneDay(100, 50)));
        assertEquals("", ProgressLog.eta(1_000, 1_000, 1_365, 50 * SECOND, new ProgressLog.TimeLeft()));
        assertEquals("", ProgressLog.eta(1_000, 1_100, 1_365, 0, oneDay(100, 50)));
    }

    @Test
    void aSteadyRateGivesTheDaysLeftAtThatRate() {
        ProgressLog.TimeLeft fit = new ProgressLog.TimeLeft();
        for (int day = 1; day <= 200; day++) {
            fit.add(day, 0.5 * day);
        }
        assertEquals(250.0, fit.secondsLeft(200, 700, 100.0), 1e-6);
    }

    @Test
    void aDayThatCostsMoreAsCustomersAccumulateIsForeseen() {
        // each day costs 0.1 s plus a millisecond per day before it, as a growing customer base does
        ProgressLog.TimeLeft fit = new ProgressLog.TimeLeft();
        double elapsed = 0;
        for (int day = 1; day <= 200; day++) {
            elapsed += cost(day);
            fit.add(day, elapsed);
        }
        double actual = 0;
        for (int day = 201; day <= 700; day++) {
            actual += cost(day);
        }
        double estimate = fit.secondsLeft(200, 700, elapsed);
        double atTheRateSoFar = elapsed / 200 * 500;
        assertEquals(actual, estimate, actual * 0.02, "estimated " + estimate + " s against " + actual + " s");
        assertTrue(atTheRateSoFar < actual * 0.5, "the rate so far gives " + atTheRateSoFar + " s");
    }

    @Test
    void aSlowStartThenASteadyRateErrsOnTheLongSideWithinAHalf() {
        // the first 20 days slow (the JIT compilers at work), then 0.2 s a day: the slow start
        // weighs on the fit as it does on the rate so far (which gives 101 s)
        ProgressLog.TimeLeft fit = new ProgressLog.TimeLeft();
        double elapsed = 0;
        for (int day = 1; day <= 300; day++) {
            elapsed += day <= 20 ? 1.0 : 0.2;
            fit.add(day, elapsed);
        }
        double estimate = fit.secondsLeft(300, 700, elapsed);
        assertTrue(estimate >= 80.0 && estimate <= 80.0 * 1.5, "400 days at 0.2 s, estimated " + estimate + " s");
    }

    @Test
    void aBoundedRunsRateIsOfTheWallClockBetweenTwoLines() {
        // 1,200,000 customers scored in the 2 s since the last line
        assertEquals("      refreshed as of 2024-03-01: 100,000 customers, 1,234 changed segment (600,000 customers"
                + " scored/s); day 1 of 2", ProgressLog.line(true, (int) java.time.LocalDate.of(2024, 3, 1).toEpochDay(),
                100_000, 1_234, new ProgressLog.Pace(1_200_000, 2 * SECOND, -1), "; day 1 of 2"));
    }

    @Test
    void aContinuousJobsRateIsOfTheRefreshesPassesNotOfTheDayBetweenThem() {
        // a live job's daily refresh: 100,000 customers in a pass of 0.25 s, a day after the last line
        assertEquals("      reached as of 2026-12-08: 100,000 customers, 17 changed segment (its pass 250 ms; 400,000"
                + " customers scored/s in the passes)", ProgressLog.line(false,
                (int) java.time.LocalDate.of(2026, 12, 8).toEpochDay(), 100_000, 17,
                new ProgressLog.Pace(100_000, SECOND / 4, SECOND / 4), ""));
        assertEquals("      reached as of 2026-12-08: 1,000,000 customers, 170 changed segment (its pass 2.5 s; 400,000"
                + " customers scored/s in the passes)", ProgressLog.line(false,
                (int) java.time.LocalDate.of(2026, 12, 8).toEpochDay(), 1_000_000, 170,
                new ProgressLog.Pace(1_000_000, 5 * SECOND / 2, 5 * SECOND / 2), ""));
    }

    private static double cost(int day) {
        return 0.1 + 0.001 * (day - 1);
    }

    private static ProgressLog.TimeLeft oneDay(int done, double seconds) {
        ProgressLog.TimeLeft fit = new ProgressLog.TimeLeft();
        fit.add(done, seconds);
        return fit;
    }
}
