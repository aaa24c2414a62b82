package org.retentionsegments.core.segment;

import java.util.List;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.TierMethod;
import org.retentionsegments.core.scoring.TierCalculator;
import org.retentionsegments.core.scoring.Tiers;

/**
 * Where a raw value falls among one refresh's boundaries of a dimension: the score the refresh's
 * {@link Tiers#score} gives it against the boundaries written to {@code score_boundary}, and the
 * bucket {@code (lower, upper]} of that score (null where unbounded). Money is compared in whole
 * cents, as the refresh compares it.
 *
 * @param raw days since the last order, orders, or money
 */
public record ScoreFit(Dimension dimension, double raw, int score, Double lower, Double upper) {

    /**
     * The fit of {@code raw} among the five rows of {@code dimension} in {@code rows} (the
     * refresh's score_boundary rows, any dimensions); null when the refresh has not all five.
     */
    public static ScoreFit of(Dimension dimension, List<ScoreBoundary> rows, double raw) {
        ScoreBoundary[] byScore = new ScoreBoundary[6];
        int found = 0;
        for (ScoreBoundary row : rows) {
            if (row.dimension().equals(dimension.label()) && row.score() >= 1 && row.score() <= 5
                    && byScore[row.score()] == null) {
                byScore[row.score()] = row;
                found++;
            }
        }
        if (found < 5) {
            return null;
        }
        double[] bounds = new double[4];
        for (int score = 1; score <= 5; score++) {
            int bucket = dimension.mirrored() ? 5 - score : score - 1; // 0 = lowest raw values
            if (bucket < 4) {
                Double upper = byScore[score].upperBound();
                if (upper == null) {
                    return null;
                }
                bounds[bucket] = upper;
            }
        }
        double value = dimension.money() ? TierCalculator.money(TierCalculator.cents(raw)) : raw;
        int score = new Tiers(dimension, TierMethod.FIXED, bounds).score(value);
        return new ScoreFit(dimension, value, score, byScore[score].lowerBound(), byScore[score].upperBound());
    }

    /** Whether the value lies in the bucket: above {@code lower} (when bounded) and at most {@code upper}. */
    public boolean within() {
        return (lower == null || raw > lower) && (upper == null || raw <= upper);
    }
}
