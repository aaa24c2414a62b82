package org.retentionsegments.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.TierMethod;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.scoring.CountHistogram;
import org.retentionsegments.core.scoring.Tiers;
import org.retentionsegments.core.segment.TierCheckReport.Problem;
import org.retentionsegments.core.segment.TierCheckReport.Starved;

/** The tiers of a refresh against the default segment rules, on hand-made score_boundary rows. */
class TierCheckTest {

    private static final LocalDate AS_OF = LocalDate.parse("2024-03-01");
    private static final ConfigBundle CONFIG = org.retentionsegments.core.fixtures.ConfigTexts.classic();

    /** The five rows of a dimension: bounds b1..b4 and the customers of scores 1..5. */
    private static List<ScoreBoundary> rows(Dimension d, TierMethod method, double[] bounds, long... customers) {
        long[] byScore = new long[6];
        System.arraycopy(customers, 0, byScore, 1, 5);
        return new Tiers(d, method, bounds).rows(AS_OF, byScore);
    }

    /** Recency and monetary with five even tiers of 3, 3, 3, 2, 2 customers; frequency as given. */
    private static List<ScoreBoundary> refresh(double[] frequency, long... frequencyCustomers) {
        List<ScoreBoundary> rows = new ArrayList<>();
        rows.addAll(rows(Dimension.RECENCY, TierMethod.QUANTILE, new double[] {5, 20, 60, 200}, 3, 3, 3, 2, 2));
        rows.addAll(rows(Dimension.FREQUENCY, TierMethod.QUANTILE, frequency, frequencyCustomers));
        rows.addAll(rows(Dimension.MONETARY, TierMethod.QUANTILE, new double[] {20, 40.5, 80, 150}, 3, 3, 3, 2, 2));
        return rows;
    }

    /** Orders per customer: 7 with 1, 2 with 2, 2 with 3, 1 with 4, 1 with 6. */
    private static CountHistogram mostlyOneOrder() {
        CountHistogram h = new CountHistogram();
        for (long orders : new long[] {1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6}) {
            h.add(orders);
        }
        return h;
    }

    @Test
    void mostCustomersWithOneOrderLeaveF2EmptyAndStarveThreeRulesWithoutMakingASegmentUnreachable() {
        // quantile over 1x7, 2x2, 3x2, 4, 6 (N = 13): ranks 3, 6, 8, 11 -> boundaries 1, 1, 2, 3
        TierCheckReport report = TierCheck.run(AS_OF, refresh(new double[] {1, 1, 2, 3}, 7, 0, 2, 2, 2), CONFIG,
                Map.of("frequency", mostlyOneOrder()));

        assertEquals(List.of("recency", "frequency", "monetary"),
                report.dimensions().stream().map(TierCheckReport.DimensionTiers::dimension).toList());
        assertEquals(List.of(), report.dimensions().get(0).problems());
        assertEquals(List.of(new Problem("frequency", 1, Problem.Kind.CROWDED, 7.0 / 13),
                new Problem("frequency", 2, Problem.Kind.EQUAL_BOUNDARIES, 0)), report.dimensions().get(1).problems());
        // Potential Loyalist: { r: 4-5, f: 3, m: 1-2 } or { r: 4-5, f: 2 }; About to Sleep: { r: 3, f: 1-2 } or
        // ...; Hibernating: { r: 2, f: 1-2 }, { r: 2, f: 3, m: 1-2 }, { r: 1, f: 1-2, m: 3-5 }, { r: 1, f: 3, m: 1-2 }
        assertEquals(List.of(new Starved("Potential Loyalist", "frequency", 2, 1, 1, 2),
                new Starved("About to Sleep", "frequency", 2, 1, 0, 2),
                new Starved("Hibernating", "frequency", 2, 2, 0, 4)), report.starved());
        assertEquals(List.of(), report.unreachable(), "Potential Loyalist still has R 4-5, F 3, M 1-2");
        assertFalse(report.hasErrors());
        assertTrue(report.hasWarnings());

        String text = report.text();
        assertTrue(text.contains("  frequency (orders in the window), quantile, 13 customers: 2 problem tiers\n"
                + "    F1 <= 1: 7, F2 (1, 1]: 0, F3 (1, 2]: 2, F4 (2, 3]: 2, F5 > 3: 2\n"
                + "    F 1 holds 53.8 % of the 13 customers (quantile tiers aim at an even split)\n"
                + "    F 2 is empty: its boundaries are equal, F1 <= 1, F2 (1, 1], so customers tied at 1 all score 1\n"),
                text);
        assertTrue(text.contains("  recency (days since the last order), quantile, 13 customers: OK\n"
                + "    R1 > 200: 3, R2 (60, 200]: 3, R3 (20, 60]: 3, R4 (5, 20]: 2, R5 <= 5: 2\n"), text);
        assertTrue(text.contains("RULES THAT USE A TIER NO CUSTOMER HAD:\n"
                + "  Potential Loyalist uses F 2, which no customer had at 2024-03-01: boundaries F1 <= 1, F2 (1, 1]"
                + " (1 of its 2 alternatives can never match)\n"
                + "  About to Sleep uses F 2, which no customer had at 2024-03-01: boundaries F1 <= 1, F2 (1, 1]"
                + " (its rule still matches through other tiers)\n"), text);
        assertTrue(text.contains("SEGMENTS UNREACHABLE AT 2024-03-01: none\n"), text);
        // the suggestion: method distinct on the orders, 1, 2, 3, 4 (7, 2, 2, 1, 1 customers)
        assertTrue(text.contains("    frequency: { method: fixed, thresholds: [1, 2, 3, 4] }   # F1..5: 7, 2, 2, 1, 1"
                + " customers\n  or have every refresh recompute them: frequency: { method: distinct }\n"), text);
        assertTrue(text.endsWith("TIERS RESULT: WARNINGS (every segment still reachable)\n"), text);

        assertEquals(List.of("F 1 holds 53.8 % of the 13 customers (quantile tiers aim at an even split).",
                "F 2 is empty: its boundaries are equal, F1 <= 1, F2 (1, 1], so customers tied at 1 all score 1;"
                        + " it starves Potential Loyalist; About to Sleep, Hibernating use it but still match through other"
                        + " tiers."), report.notes());
    }

    @Test
    void aSegmentWhoseEveryRuleNeedsAnEmptyTierIsUnreachableAndAnError() {
        // 10 customers with one order, 3 with more: boundaries 1, 1, 1, 1 leave F 2-4 empty
        TierCheckReport report = TierCheck.run(AS_OF, refresh(new double[] {1, 1, 1, 1}, 10, 0, 0, 0, 3), CONFIG,
                Map.of());
        assertEquals(List.of("Potential Loyalist"), report.unreachable(), "F 2 or F 3, both empty");
        assertTrue(report.hasErrors());
        assertEquals(new Starved("Potential Loyalist", "frequency", 3, 1, 1, 2), report.starved().stream()
                .filter(s -> s.segment().equals("Potential Loyalist") && s.score() == 3).findFirst().orElseThrow());
        assertTrue(report.text().contains("SEGMENTS UNREACHABLE AT 2024-03-01: Potential Loyalist\n"), report.text());
        assertTrue(report.text().endsWith("TIERS RESULT: FAILED (1 segment unreachable at 2024-03-01)\n"));
        assertTrue(report.notes().contains("No customer can reach Potential Loyalist at this refresh: every rule of it"
                + " needs an empty tier."), report.notes().toString());
        assertFalse(report.text().contains("SUGGESTED"), "no histogram, no suggestion");
    }

    @Test
    void evenTiersHaveNothingToSay() {
        TierCheckReport report = TierCheck.run(AS_OF, refresh(new double[] {1, 2, 3, 5}, 3, 3, 3, 2, 2), CONFIG,
                Map.of("frequency", mostlyOneOrder()));
        assertFalse(report.hasWarnings());
        assertEquals(List.of(), report.notes());
        assertTrue(report.text().contains("RULES THAT USE A TIER NO CUSTOMER HAD: none\n"), report.text());
        assertTrue(report.text().endsWith("TIERS RESULT: OK\n"), report.text());
    }

    @Test
    void fixedTiersCanBeEmptyButNotCrowdedAndAnyDimensionIsJudged() {
        List<ScoreBoundary> rows = new ArrayList<>(refresh(new double[] {1, 2, 3, 5}, 3, 3, 3, 2, 2));
        rows.removeIf(b -> b.dimension().equals("monetary"));
        // fixed monetary thresholds no customer's spend falls between: M 2 (10, 20] empty, M 1 holds 10 of 13
        rows.addAll(rows(Dimension.MONETARY, TierMethod.FIXED, new double[] {10, 20, 50, 100}, 10, 0, 1, 1, 1));
        // a dimension the rules do not know (a future score): judged, starves nothing
        rows.add(new ScoreBoundary(AS_OF, "tenure_days", "quantile", 1, null, 2.0, 13));
        for (int score = 2; score <= 5; score++) {
            rows.add(new ScoreBoundary(AS_OF, "tenure_days", "quantile", score, 2.0, score == 5 ? null : 2.0, 0));
        }
        TierCheckReport report = TierCheck.run(AS_OF, rows, CONFIG, Map.of());
        assertEquals(List.of(new Problem("monetary", 2, Problem.Kind.EMPTY, 0)), report.dimensions().get(2).problems());
        assertEquals("tenure_days", report.dimensions().get(3).dimension());
        assertEquals(List.of(new Problem("tenure_days", 1, Problem.Kind.CROWDED, 1.0),
                        new Problem("tenure_days", 2, Problem.Kind.EQUAL_BOUNDARIES, 0),
                        new Problem("tenure_days", 3, Problem.Kind.EQUAL_BOUNDARIES, 0),
                        new Problem("tenure_days", 4, Problem.Kind.EQUAL_BOUNDARIES, 0),
                        new Problem("tenure_days", 5, Problem.Kind.EMPTY, 0)),
                report.dimensions().get(3).problems());
        assertTrue(report.starved().stream().noneMatch(s -> s.dimension().equals("tenure_days")));
        assertTrue(report.text().contains("    M 2 is empty: no customer's value is in M2 (10, 20]\n"), report.text());
        assertTrue(report.text().contains("    tenure_days 5 is empty: no customer's value is in"
                + " tenure_days 5 > 2\n"), report.text());
        assertTrue(report.notes().contains("M 2 is empty: no customer's value is in M2 (10, 20]; Loyal,"
                + " Potential Loyalist, Need Attention, About to Sleep, At Risk, Hibernating use it but still match"
                + " through other tiers."), report.notes().toString());
    }

    @Test
    void aRefreshWithoutScoredCustomersHasNoProblems() {
        TierCheckReport report = TierCheck.run(AS_OF, refresh(new double[] {0, 0, 0, 0}, 0, 0, 0, 0, 0), CONFIG,
                Map.of());
        assertFalse(report.hasWarnings());
        assertEquals(List.of(), report.unreachable());
    }

    @Test
    void theDefaultMapNeedsLifetimeMonetaryFiveForItsTopPriority() {
        // a refresh where nobody reached lifetime M 5 (all lifetime values tied below the top tier)
        List<ScoreBoundary> boundaries = refresh(new double[] {1, 2, 3, 5}, 3, 3, 3, 2, 2);
        boundaries.addAll(rows(Dimension.LIFETIME_FREQUENCY, TierMethod.QUANTILE, new double[] {1, 2, 3, 5}, 3, 3, 3, 2, 2));
        boundaries.addAll(rows(Dimension.LIFETIME_MONETARY, TierMethod.QUANTILE, new double[] {50, 100, 200, 400},
                3, 3, 4, 3, 0));
        TierCheckReport report = TierCheck.run(AS_OF, boundaries, ConfigBundle.loadDefault(), Map.of());
        assertEquals(List.of("Can't Lose Them"), report.unreachable(), report.text());
        assertTrue(report.starved().contains(new Starved("Can't Lose Them", "lifetime_monetary", 5, 1, 1, 1)),
                report.starved().toString());
    }

    @Test
    void lifetimeTiersAreJudgedOnlyWhenARuleUsesThem() {
        List<ScoreBoundary> rows = new ArrayList<>(refresh(new double[] {1, 2, 3, 5}, 3, 3, 3, 2, 2));
        rows.addAll(rows(Dimension.LIFETIME_FREQUENCY, TierMethod.QUANTILE, new double[] {2, 2, 2, 2}, 13, 0, 0, 0, 0));
        assertTrue(TierCheck.run(AS_OF, rows, CONFIG, Map.of()).dimensions().stream()
                .noneMatch(d -> d.dimension().startsWith("lifetime")), "the classic grid reads no lifetime score");
        TierCheckReport lifetime = TierCheck.run(AS_OF, rows, ConfigBundle.loadDefault(), Map.of());
        assertTrue(lifetime.text().contains("lifetime F 2 is empty"), lifetime.text());
    }
}
