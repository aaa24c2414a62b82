package org.retentionsegments.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.TierMethod;
import org.retentionsegments.core.scoring.Tiers;

class ScoreFitTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 2, 27);

    /** The rows a refresh writes for these boundaries (the refresh's own {@link Tiers#rows}). */
    private static List<ScoreBoundary> rows(Dimension dimension, double... bounds) {
        return new Tiers(dimension, TierMethod.QUANTILE, bounds).rows(AS_OF, new long[6]);
    }

    @Test
    void aValueOnABoundaryBelongsToTheBucketBelowIt() {
        List<ScoreBoundary> rows = rows(Dimension.FREQUENCY, 1, 2, 3, 5);

        ScoreFit two = ScoreFit.of(Dimension.FREQUENCY, rows, 2);
        assertEquals(new ScoreFit(Dimension.FREQUENCY, 2, 2, 1.0, 2.0), two);
        ScoreFit six = ScoreFit.of(Dimension.FREQUENCY, rows, 6);
        assertEquals(new ScoreFit(Dimension.FREQUENCY, 6, 5, 5.0, null), six);
        assertEquals(new ScoreFit(Dimension.FREQUENCY, 1, 1, null, 1.0), ScoreFit.of(Dimension.FREQUENCY, rows, 1));
    }

    @Test
    void recencyIsMirroredFewerDaysScoreHigher() {
        List<ScoreBoundary> rows = rows(Dimension.RECENCY, 7, 21, 28, 43);

        assertEquals(new ScoreFit(Dimension.RECENCY, 7, 5, null, 7.0), ScoreFit.of(Dimension.RECENCY, rows, 7));
        assertEquals(new ScoreFit(Dimension.RECENCY, 36, 2, 28.0, 43.0), ScoreFit.of(Dimension.RECENCY, rows, 36));
        assertEquals(new ScoreFit(Dimension.RECENCY, 44, 1, 43.0, null), ScoreFit.of(Dimension.RECENCY, rows, 44));
    }

    @Test
    void moneyIsComparedInWholeCents() {
        List<ScoreBoundary> rows = rows(Dimension.MONETARY, 24.5, 45.5, 122, 250.5);

        // 45.504 is 45.50 in cents: on the boundary, so score 2, not 3
        ScoreFit fit = ScoreFit.of(Dimension.MONETARY, rows, 45.504);
        assertEquals(2, fit.score());
        assertEquals(45.5, fit.raw());
        assertTrue(fit.within());
    }

    @Test
    void withoutAllFiveRowsThereIsNoFit() {
        List<ScoreBoundary> rows = new ArrayList<>(rows(Dimension.FREQUENCY, 1, 2, 3, 5));
        rows.remove(2);

        assertNull(ScoreFit.of(Dimension.FREQUENCY, rows, 2));
        assertNull(ScoreFit.of(Dimension.MONETARY, rows(Dimension.FREQUENCY, 1, 2, 3, 5), 2));
    }

    /** On random boundaries (ties included) and values: the score the refresh gives, inside its bucket. */
    @Test
    void theFitIsTheRefreshsScoreAndLiesInItsBucket() {
        Random random = new Random(12);
        for (Dimension dimension : Dimension.values()) {
            for (int i = 0; i < 2_000; i++) {
                double[] bounds = new double[4];
                for (int k = 0; k < 4; k++) {
                    bounds[k] = (k == 0 ? 0 : bounds[k - 1]) + random.nextInt(3);
                }
                Tiers tiers = new Tiers(dimension, TierMethod.QUANTILE, bounds);
                double value = random.nextInt(12);
                ScoreFit fit = ScoreFit.of(dimension, tiers.rows(AS_OF, new long[6]), value);
                assertEquals(tiers.score(value), fit.score(), tiers + " at " + value);
                assertTrue(fit.within(), fit.toString());
            }
        }
    }
}
