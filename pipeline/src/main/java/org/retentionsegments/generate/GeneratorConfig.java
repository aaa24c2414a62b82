package org.retentionsegments.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What to generate: {@code customers} customers over the {@code days} days that end with {@code
 * endDate} (inclusive, UTC), from {@code seed}. The period is {@code [periodStart, periodEnd)}.
 *
 * <p>The one retention program is fixed relative to the end of the period: it runs on the day
 * {@value #TREATMENT_DAYS_BEFORE_END} days before {@code periodEnd}, targets customers with a
 * positive order in the period before that day but none in the {@value #LAPSE_DAYS} days before it,
 * and its outcome is measured over the {@value #HORIZON_DAYS} days after it.
 *
 * @param plantedLift absolute increase in the probability that a treated customer buys in the
 *     horizon, in {@code [0, 1)}; 0 plants no effect
 * @param holdoutShare probability that an eligible customer is held out, in {@code (0, 1)}
 */
public record GeneratorConfig(
        int customers, int days, long seed, LocalDate endDate, double plantedLift, double holdoutShare) {

    public static final LocalDate DEFAULT_END_DATE = LocalDate.of(2025, 12, 31);
    public static final double DEFAULT_HOLDOUT_SHARE = 0.2;
    public static final int TREATMENT_DAYS_BEFORE_END = 90;
    public static final int LAPSE_DAYS = 60;
    public static final int HORIZON_DAYS = 60;
    /** The shortest period that leaves room for history before the lapse window. */
    public static final int MIN_DAYS = TREATMENT_DAYS_BEFORE_END + LAPSE_DAYS + 30;
    /** Cost of one treated contact (e.g. a voucher); holdout rows cost nothing. */
    public static final String TREATMENT_COST = "0.50";

    public GeneratorConfig {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1, got " + customers);
        }
        if (days < MIN_DAYS) {
            throw new IllegalArgumentException("days must be at least " + MIN_DAYS + ", got " + days);
        }
        if (endDate == null) {
            throw new IllegalArgumentException("endDate is required");
        }
        if (!(plantedLift >= 0 && plantedLift < 1)) {
            throw new IllegalArgumentException("planted lift must be in [0, 1), got " + plantedLift);
        }
        if (!(holdoutShare > 0 && holdoutShare < 1)) {
            throw new IllegalArgumentException("holdout share must be in (0, 1), got " + holdoutShare);
        }
    }

    /** Defaults: period ending {@link #DEFAULT_END_DATE}, no planted lift, 20% holdout. */
    public static GeneratorConfig of(int customers, int days, long seed) {
        return new GeneratorConfig(customers, days, seed, DEFAULT_END_DATE, 0.0, DEFAULT_HOLDOUT_SHARE);
    }

    public GeneratorConfig withPlantedLift(double lift) {
        return new GeneratorConfig(customers, days, seed, endDate, lift, holdoutShare);
    }

    public GeneratorConfig withHoldoutShare(double share) {
        return new GeneratorConfig(customers, days, seed, endDate, plantedLift, share);
    }

    public GeneratorConfig withEndDate(LocalDate date) {
        return new GeneratorConfig(customers, days, seed, date, plantedLift, holdoutShare);
    }

    /** First day of the period, as a UTC epoch day. */
    public long startEpochDay() {
        return endDate.toEpochDay() + 1 - days;
    }

    public Instant periodStart() {
        return LocalDate.ofEpochDay(startEpochDay()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive end: midnight after {@code endDate}. */
    public Instant periodEnd() {
        return endDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Day of the program, counted from the start of the period. */
    public int treatmentDay() {
        return days - TREATMENT_DAYS_BEFORE_END;
    }

    /** Midnight (UTC) starting the program's day; the horizon is {@code (treatedAt, +60 days]}. */
    public Instant treatedAt() {
        return periodStart().plusSeconds(86_400L * treatmentDay());
    }

    /** {@code winback_<year>q<quarter>} of the program's day. */
    public String programId() {
        LocalDate day = LocalDate.ofEpochDay(startEpochDay() + treatmentDay());
        return "winback_" + day.getYear() + "q" + ((day.getMonthValue() - 1) / 3 + 1);
    }
}
