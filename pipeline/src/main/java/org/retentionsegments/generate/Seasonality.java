package org.retentionsegments.generate;

import java.time.LocalDate;

/**
 * Yearly multiplier on purchase rates: {@code 1 + A cos(2 pi (day - peak) / year)}, highest in early
 * December and lowest in early June. Days are counted from the start of the period.
 */
final class Seasonality {

    static final double AMPLITUDE = 0.2;
    static final double MAX = 1 + AMPLITUDE;
    private static final double YEAR = 365.2425;
    private static final double OMEGA = 2 * StrictMath.PI / YEAR;
    private static final long PEAK_EPOCH_DAY = LocalDate.of(2000, 12, 5).toEpochDay();

    /** Period day 0 relative to the reference peak. */
    private final double offset;

    Seasonality(long startEpochDay) {
        this.offset = startEpochDay - PEAK_EPOCH_DAY;
    }

    double factor(double day) {
        return 1 + AMPLITUDE * StrictMath.cos(OMEGA * (day + offset));
    }

    /** The integral of {@link #factor} over {@code [from, to]}. */
    double integral(double from, double to) {
        return (to - from)
                + AMPLITUDE / OMEGA * (StrictMath.sin(OMEGA * (to + offset)) - StrictMath.sin(OMEGA * (from + offset)));
    }
}
