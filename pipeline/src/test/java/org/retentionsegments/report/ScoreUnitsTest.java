package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.fixtures.ConfigTexts;
import org.retentionsegments.report.ScoreUnits.Boundary;

/** Score ranges in days, orders and money at the boundaries of the demo's last refresh. */
class ScoreUnitsTest {

    /** score_boundary of the demo business as of 2026-01-01: F 2 is empty (ties at one order). */
    private static final List<Boundary> DEMO = List.of(
            new Boundary("frequency", 1, null, 1.0), new Boundary("frequency", 2, 1.0, 1.0),
            new Boundary("frequency", 3, 1.0, 2.0), new Boundary("frequency", 4, 2.0, 6.0),
            new Boundary("frequency", 5, 6.0, null),
            new Boundary("monetary", 1, null, 30.85), new Boundary("monetary", 2, 30.85, 71.72),
            new Boundary("monetary", 3, 71.72, 160.92), new Boundary("monetary", 4, 160.92, 428.57),
            new Boundary("monetary", 5, 428.57, null),
            new Boundary("recency", 1, 481.0, null), new Boundary("recency", 2, 280.0, 481.0),
            new Boundary("recency", 3, 111.0, 280.0), new Boundary("recency", 4, 36.0, 111.0),
            new Boundary("recency", 5, null, 36.0));

    private static final ScoreUnits UNITS = new ScoreUnits(DEMO, 365);

    private static int mask(int... scores) {
        int m = 0;
        for (int s : scores) {
            m |= 1 << s;
        }
        return m;
    }

    @Test
    void recencyFallsWithTheDays() {
        assertEquals("last order 0-36 days ago", UNITS.describe("recency", mask(5)));
        assertEquals("last order 0-111 days ago", UNITS.describe("recency", mask(4, 5)));
        assertEquals("last order 37-111 days ago", UNITS.describe("recency", mask(4)));
        assertEquals("last order 281+ days ago", UNITS.describe("recency", mask(1, 2)));
        assertEquals("last order 482+ days ago or last order 112-280 days ago", UNITS.describe("recency", mask(1, 3)));
    }

    @Test
    void frequencyAndMonetaryRiseWithTheValueAndAnEmptyTierIsSaid() {
        assertEquals("3+ orders in 365 days", UNITS.describe("frequency", mask(4, 5)));
        assertEquals("2 orders in 365 days", UNITS.describe("frequency", mask(3)));
        assertEquals("0-1 orders in 365 days", UNITS.describe("frequency", mask(1, 2)));
        assertEquals("empty at this refresh: no value falls in this tier", UNITS.describe("frequency", mask(2)));
        assertEquals("over $160.92 in 365 days", UNITS.describe("monetary", mask(4, 5)));
        assertEquals("up to $71.72 in 365 days", UNITS.describe("monetary", mask(1, 2)));
        assertEquals("over $71.72 up to $160.92 in 365 days", UNITS.describe("monetary", mask(3)));
    }

    @Test
    void withoutBoundariesTheCriteriaStayInScores() {
        ScoreUnits none = new ScoreUnits(List.of(), 365);
        assertFalse(none.has("recency"));
        assertNull(none.describe("recency", mask(5)));
        ConfigBundle config = ConfigTexts.classic();
        var champions = config.segments().get(config.segments().indexOf("Champions"));
        assertEquals("R 4-5, F 4-5, M 4-5", CriteriaText.of(champions, config, none));
        assertEquals("R 4-5 (last order 0-111 days ago), F 4-5 (3+ orders in 365 days), M 4-5 (over $160.92 in"
                + " 365 days)", CriteriaText.of(champions, config, UNITS));
    }
}
