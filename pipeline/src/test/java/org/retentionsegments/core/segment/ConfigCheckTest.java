package org.retentionsegments.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_SEGMENTS;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.fixtures.ConfigTexts;

class ConfigCheckTest {

    private static final List<String> CLASSIC = List.of("Champions", "Loyal",
            "Potential Loyalist", "New", "Promising", "Need Attention", "About to Sleep",
            "At Risk", "Can't Lose Them", "Hibernating", "Lost");

    private final ConfigCheckReport report = ConfigCheck.run(ConfigTexts.classic());

    @Test
    void defaultGridCoversAll125CellsWithTheElevenClassicSegments() {
        Set<String> inGrid = new HashSet<>();
        int total = 0;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    inGrid.add(report.segmentAt(r, f, m));
                    total++;
                }
            }
        }
        assertEquals(125, total);
        assertEquals(Set.copyOf(CLASSIC), inGrid);
        assertEquals(125, report.cellsPerSegment().values().stream().mapToInt(i -> i).sum());
        assertEquals(0, report.cellsPerSegment().get("Prospects"));
        assertEquals("Prospects", report.prospectSegment());
    }

    @Test
    void defaultConfigHasNoErrorsNoOverlapsAndIgnoresLifecycleAndFlagsInTheGrid() {
        assertEquals(List.of(), report.unreachable());
        assertEquals(List.of(), report.violations());
        assertEquals(List.of(), report.overlaps(), "default rules are disjoint");
        assertEquals(List.of(), report.lifecycleDifferences());
        assertTrue(report.flagDifferences().values().stream().allMatch(n -> n == 0));
        assertFalse(report.hasErrors());
        assertTrue(report.text().contains("RESULT: OK"), report.text());
    }

    @Test
    void defaultGridPlacesTheAnchorCells() {
        assertEquals("Champions", report.segmentAt(5, 5, 5));
        assertEquals("Can't Lose Them", report.segmentAt(1, 5, 5));
        assertEquals("Can't Lose Them", report.segmentAt(2, 4, 4));
        assertEquals("Lost", report.segmentAt(1, 1, 1));
        assertEquals("New", report.segmentAt(5, 1, 1));
        assertEquals("Promising", report.segmentAt(4, 1, 1));
        assertEquals("Loyal", report.segmentAt(3, 5, 5));
        assertEquals("Need Attention", report.segmentAt(3, 4, 2));
        assertEquals("At Risk", report.segmentAt(2, 5, 2));
        assertEquals("Potential Loyalist", report.segmentAt(5, 2, 5));
        assertEquals("About to Sleep", report.segmentAt(3, 1, 1));
        assertEquals("Hibernating", report.segmentAt(2, 1, 1));
    }

    @Test
    void unreachableSegmentsAndViolationsAreErrors() {
        // Champions now swallows R3 too, so Loyal at R3 (rank 10) sits below Champions (11),
        // and a rule shadowed by an earlier one becomes unreachable.
        String text = replaceOnce(CLASSIC_SEGMENTS, "when: { r: 4-5, f: 4-5, m: 4-5 }",
                "when: { r: 4-5, f: 4-5, m: 4-5 }\n"
                        + "  - name: Ghost\n    engagement_rank: 5\n    description: never\n"
                        + "    when: { r: 5, f: 5, m: 5 }");
        text = replaceOnce(text, "{ r: 1-2, f: 4-5, m: 4-5 }", "{ r: 1, f: 4-5, m: 4-5 }");
        String strategies = ConfigTexts.CLASSIC_STRATEGIES + "  Ghost:\n    name: g\n    objective: o\n"
                + "    message: m\n    channel: email\n    cadence: never\n    priority: 99\n"
                + "    kpis: [none]\n";
        ConfigCheckReport bad = ConfigCheck.run(
                ConfigBundle.parse(ConfigTexts.PIPELINE, text, strategies, "test"));
        assertEquals(List.of("Ghost"), bad.unreachable());
        // R2 F4-5 M4-5 is now Can't Lose Them? No: R2 falls to At Risk/Hibernating rules, and
        // R1 (Can't Lose Them, rank 4) sits below R2 in a rank-3 or rank-2 segment.
        assertFalse(bad.violations().isEmpty());
        assertTrue(bad.violations().stream().allMatch(v -> v.r() == 2
                && v.lower().equals("Can't Lose Them")), bad.violations().toString());
        assertTrue(bad.hasErrors());
        assertTrue(bad.text().contains("UNREACHABLE SEGMENTS: Ghost"), bad.text());
        assertTrue(bad.text().contains("RESULT: FAILED"), bad.text());
        assertEquals(1, bad.overlaps().size());
        assertEquals("Champions", bad.overlaps().get(0).first());

        // a run's gate finds the same failures, and leaves the overlaps to config check
        ConfigCheckReport gate = ConfigCheck.failures(ConfigBundle.parse(ConfigTexts.PIPELINE, text, strategies, "test"));
        assertEquals(bad.unreachable(), gate.unreachable());
        assertEquals(bad.violations(), gate.violations());
        assertTrue(gate.hasErrors());
        assertEquals(List.of(), gate.overlaps());
    }

    @Test
    void lifecycleRulesShowAsDifferences() {
        String text = replaceOnce(CLASSIC_SEGMENTS, "when: { r: 5, f: 1 }",
                "when: { r: 5, f: 1, lifecycle: [new, reactivated] }");
        ConfigCheckReport changed = ConfigCheck.run(ConfigTexts.classicWithSegments(text));
        // For an active customer R5 F1 is no longer New: it falls through to the catch-all.
        assertEquals("Lost", changed.segmentAt(5, 1, 3));
        assertEquals(10, changed.lifecycleDifferences().size()); // new + reactivated x 5 cells
        assertTrue(changed.lifecycleDifferences().stream()
                .allMatch(d -> d.segment().equals("New") && d.base().equals("Lost")));
        assertFalse(changed.violations().isEmpty(), "R5 Lost above R4 Promising");
    }

    @Test
    void aSegmentReachedOnlyThroughLifetimeScoresIsReachableAndItsOverlapsNameThem() {
        // Can't Lose Them by lifetime value only: reachable off the R x F x M diagonal; an earlier
        // rule on lifetime_f overlaps it where both lifetime scores are high
        String lifetime = replaceOnce(CLASSIC_SEGMENTS, "when: { r: 1-2, f: 4-5, m: 4-5 }",
                "when: { r: 1-2, f: 1-3, lifetime_m: 5 }");
        ConfigCheckReport check = ConfigCheck.run(ConfigTexts.classicWithSegments(lifetime));
        assertEquals(List.of(), check.unreachable(), check.text());
        assertEquals("Lost", check.segmentAt(1, 1, 1), "the grid shows lifetime scores equal to the window's");
        ConfigCheckReport clash = ConfigCheck.run(ConfigTexts.classicWithSegments(replaceOnce(lifetime,
                "when: { r: 4-5, f: 4-5, m: 4-5 }", "when: [{ r: 4-5, f: 4-5, m: 4-5 }, { r: 1, lifetime_f: 5 }]")));
        assertTrue(clash.overlaps().stream().anyMatch(o -> o.first().equals("Champions")
                && o.second().equals("Can't Lose Them") && o.example().contains("LF5 LM5")), clash.text());
        assertFalse(clash.violations().isEmpty(), "R2 -> R1 moves such a customer into Champions");
        assertTrue(clash.violations().get(0).describe().contains("LF5"), clash.violations().get(0).describe());
    }

    @Test
    void theDefaultMapIsGatedByLifecycleAndLifetimeValueWithDisjointRules() {
        ConfigBundle config = ConfigBundle.loadDefault();
        ConfigCheckReport check = ConfigCheck.run(config);
        assertFalse(check.hasErrors(), check.text());
        assertEquals(List.of(), check.unreachable());
        assertEquals(List.of(), check.violations());
        assertEquals(List.of(), check.overlaps(), "the default rules are disjoint");
        SegmentTable table = new SegmentTable(config.segments(), config.pipeline().scoring());
        java.util.function.IntFunction<String> name = i -> config.segments().get(i).name();
        for (int cell = 0; cell < 3125; cell++) {
            int r = cell / 625 + 1, f = cell / 125 % 5 + 1, m = cell / 25 % 5 + 1, lf = cell / 5 % 5 + 1, lm = cell % 5 + 1;
            String where = "cell " + r + f + m + " LF" + lf + " LM" + lm;
            // whatever the scores: new and reactivated customers by their stage alone
            assertEquals("New", name.apply(table.segment(r, f, m, lf, lm, LifecycleStage.NEW, 0, -1)), where);
            assertEquals("Reactivated", name.apply(table.segment(r, f, m, lf, lm, LifecycleStage.REACTIVATED, 0, -1)), where);
            // a big spender of all time who has gone quiet is never in a suppressed segment
            for (LifecycleStage quiet : List.of(LifecycleStage.LAPSING, LifecycleStage.LAPSED)) {
                String segment = name.apply(table.segment(r, f, m, lf, lm, quiet, 0, -1));
                assertEquals(lm == 5 ? "Can't Lose Them" : quiet == LifecycleStage.LAPSING ? "At Risk"
                        : lm >= 3 ? "Hibernating" : "Lost", segment, where + " " + quiet.label());
            }
            // active customers by window value only, never a lapsed or lapsing segment
            assertTrue(List.of("Champions", "Loyal", "Potential Loyalist", "Promising")
                    .contains(name.apply(table.segment(r, f, m, lf, lm, LifecycleStage.ACTIVE, 0, -1))), where);
        }
        assertEquals("Prospects", name.apply(table.unscoredSegment(LifecycleStage.PROSPECT, 0)));
    }
}
