package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_SEGMENTS;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;
import static org.retentionsegments.core.fixtures.ConfigTexts.classicWithSegments;
import org.retentionsegments.core.fixtures.ConfigTexts;

import org.junit.jupiter.api.Test;
import org.retentionsegments.core.config.ConfigBundle;

/** The criteria text of segment rules (CriteriaText, CatchAllCells). */
class StrategyReportCriteriaTest {

    private static final ConfigBundle DEFAULTS = ConfigTexts.classic();

    private static String criteria(ConfigBundle config, String segment) {
        return CriteriaText.of(config.segments().get(config.segments().indexOf(segment)), config);
    }

    @Test
    void defaultRulesReadAsScoreRanges() {
        assertEquals("R 1-2, F 4-5, M 4-5", criteria(DEFAULTS, "Can't Lose Them"));
        assertEquals("R 4-5, F 4-5, M 4-5", criteria(DEFAULTS, "Champions"));
        assertEquals("R 5, F 1", criteria(DEFAULTS, "New"));
        assertEquals("R 3, F 4-5, M 4-5; or R 4-5, F 4-5, M 1-3; or R 4-5, F 3, M 3-5",
                criteria(DEFAULTS, "Loyal"));
        assertEquals("lifecycle prospect", criteria(DEFAULTS, "Prospects"));
    }

    @Test
    void theCatchAllIsDescribedByTheCellsThatReachIt() {
        assertEquals("R 1, F 1-2, M 1-2 (catch-all: everyone no earlier rule matched)", criteria(DEFAULTS, "Lost"));
        // the default map's catch-all depends on the stage and the lifetime score, not on the grid
        assertEquals("lifecycle lapsed, lifetime M 1-2 (catch-all: everyone no earlier rule matched)",
                criteria(ConfigBundle.loadDefault(), "Lost"));
        assertEquals("lifetime M 5, lifecycle lapsing/lapsed", criteria(ConfigBundle.loadDefault(), "Can't Lose Them"));
    }

    @Test
    void listsCompositeLifecycleAndFlags() {
        String segments = replaceOnce(CLASSIC_SEGMENTS, "when: { r: 5, f: 1 }",
                "when: { r: [5, 3], f: 1, lifecycle: [reactivated, new],"
                        + " flags: { high_return_rate: true, email_unengaged: false } }");
        segments = replaceOnce(segments, "when: { r: 4, f: 1 }", "when: { composite: \"3.5-5\" }");
        ConfigBundle config = classicWithSegments(segments);
        assertEquals("R 3,5, F 1, lifecycle new/reactivated, high return rate, not email unengaged",
                criteria(config, "New"));
        assertEquals("composite 3.5-5", criteria(config, "Promising"));
        assertEquals("everyone no earlier rule matched (catch-all)", criteria(config, "Lost"),
                "the catch-all's cells now depend on lifecycle and flags");
    }

    @Test
    void scoreSetsAsRangesOrLists() {
        assertEquals("4-5", CriteriaText.scoreSet(0b110000));
        assertEquals("3", CriteriaText.scoreSet(0b001000));
        assertEquals("1,3,5", CriteriaText.scoreSet(0b101010));
        assertEquals("1,2,4", CriteriaText.scoreSet(0b010110));
    }
}
