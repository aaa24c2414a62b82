package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retentionsegments.warehouse.BudgetQueries.Line;

/** The report's Budget and Segment validation sections on given rows: the words for each case. */
class BudgetValidationTextTest {

    /** A segment with a shrunk lift of 5 points (se 1), $2 a customer, capacity $1,000. */
    private static Line line(String segment, String reason, Integer rank, double allocated, double todayCost) {
        return new Line(segment, "winback", reason, rank, 0.05, 0.01, 0.03, 0.07, 0.06, reason == null ? 0.01 : -0.05,
                reason == null ? 0.11 : -0.01, 0.5, 0.05, 40.0, 2.0, 1.0, 600, 1000.0, allocated, todayCost,
                (long) (todayCost / 2));
    }

    @Test
    void saysWhoGetsMoreLessOrNothingAndWhyMovedBuysLess() {
        // today: A 300, B 500, S (suppressed) 700 = 1,500; moved: A up to its capacity 1,000, B the other 500
        BudgetPlan plan = BudgetPlan.of(1500, 30, List.of(line("A", null, 1, 1000, 300), line("B", null, 2, 500, 500),
                line("S", "suppressed", null, 0, 700), line("N", "negative_lift", null, 0, 0)));
        BudgetSection.Budget budget = new BudgetSection.Budget(30, plan);
        assertTrue(BudgetSection.moves(budget));
        List<String> sentences = BudgetSection.sentences(plan);
        assertEquals(List.of(
                "More for A: $1,000 instead of $300 (rank 1, $1.00 of incremental revenue per $1 of cost; all it can use,"
                        + " each reachable customer treated once per period).",
                "About the same for B: $500 instead of $500 (rank 2, $1.00 of incremental revenue per $1 of cost).",
                "Nothing for S: $0 instead of $700 (suppressed by its strategy).",
                "No money today or moved: N (lift interval below zero (-5.0 to -1.0 pts))."), sentences);
        // moved buys more: A's 1,000 alone, 500 customers x 0.05 = 25, against today's 300 on S, 150 x 0.05 = 7.5
        assertEquals("", BudgetSection.lessThanToday(BudgetPlan.of(300, 30, List.of(line("A", null, 1, 300, 0),
                line("S", "suppressed", null, 0, 300)))));
        BudgetPlan short1 = BudgetPlan.of(1500, 30, List.of(line("A", null, 1, 1000, 300),
                line("S", "suppressed", null, 0, 1200)));
        assertTrue(BudgetSection.outcome(short1).endsWith(" Moved buys less than today because today's money reaches S,"
                + " whose strategy suppresses it (strategies.yaml) though the holdout measured a lift, and the fundable"
                + " segments cannot use all of it."), BudgetSection.outcome(short1));
        assertTrue(BudgetSection.outcome(short1).contains(", with $500 of it left over for want of a segment"),
                BudgetSection.outcome(short1));

        String text = BudgetSection.render(budget);
        assertTrue(text.contains("A                         1 +5.0 (+3.0 to +7.0)          $300     $1,000      +$700\n"),
                text);
        assertTrue(text.contains("S                         - +5.0 (+3.0 to +7.0)          $700         $0      -$700\n"),
                text);
    }

    @Test
    void withoutSpendOrWithoutAMeasuredLiftItIsOneSentence() {
        BudgetSection.Budget none = new BudgetSection.Budget(45, null);
        assertFalse(BudgetSection.moves(none));
        assertTrue(BudgetSection.render(none).replace("\n", " ").startsWith("BUDGET ------ No treatment cost was recorded"
                + " in the 45 days up to the latest refresh"), BudgetSection.render(none));
        Line unmeasured = new Line("A", null, "not_measured", null, null, null, null, null, null, null, null, null, null,
                null, null, null, 600, null, 0, 250, 100);
        BudgetSection.Budget spent = new BudgetSection.Budget(30, BudgetPlan.of(250, 30, List.of(unmeasured)));
        assertFalse(BudgetSection.moves(spent));
        assertTrue(BudgetSection.none(spent).startsWith("$250 was spent on treatments in the last 30 days, but no"
                + " delivered program has a measured lift yet"), BudgetSection.none(spent));
        Map<String, Object> json = BudgetSection.json(spent);
        assertNull(json.get("plan"));
        assertEquals(250.0, json.get("today_spend"));
        assertEquals(List.of(), json.get("changes"));
        assertNull(BudgetChart.of(spent));
    }

    private static Map<String, Object> row(String segment, long customers, boolean sized, boolean measurable,
            Boolean differentiable, long met) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("segment", segment);
        v.put("strategy", "win_back");
        v.put("customers", customers);
        v.put("min_segment_size", 1000L);
        v.put("size_ok", sized);
        v.put("has_lift", measurable);
        v.put("has_validation", false);
        v.put("measurable", measurable);
        v.put("reachable_share", 0.8);
        v.put("accessible", true);
        v.put("retention_rate", 0.3);
        v.put("lower_segment", "Lost");
        v.put("lower_difference", 0.01);
        v.put("lower_difference_ci_low", -0.02);
        v.put("lower_difference_ci_high", 0.04);
        v.put("differentiable", differentiable);
        v.put("suppressed", false);
        v.put("actionable", true);
        v.put("criteria_met", met);
        return v;
    }

    @Test
    void everyCheckPassesFailsOrIsNotKnownWithItsReason() {
        Map<String, Object> small = row("At Risk", 315, false, true, false, 3);
        Map<String, Object> unknown = row("Prospects", 2000, true, false, null, 3);
        Map<String, Object> good = row("Champions", 2000, true, true, true, 5);
        List<ValidationText.Check> checks = ValidationText.checks(small);
        assertEquals(List.of("sizeable", "measurable", "accessible", "differentiable", "actionable"),
                checks.stream().map(ValidationText.Check::name).toList());
        assertEquals("FAIL", checks.get(0).mark());
        assertEquals("315 customers, below the minimum of 1,000", checks.get(0).reason());
        assertEquals("80\u00A0% reachable by a channel with consent", checks.get(2).reason());
        assertEquals("its later retention (30.0\u00A0%) is not distinct from Lost's (+1.0 points, 95 % -2.0 to +4.0)",
                checks.get(3).reason());
        assertEquals("not known", ValidationText.checks(unknown).get(3).mark());
        assertFalse(ValidationText.passesAll(unknown), "not known is no pass");
        assertTrue(ValidationText.passesAll(good));
        assertEquals("1 of 3 segments pass every check (sizeable, measurable, accessible, differentiable, actionable;"
                + " seed 001 section 7, view segment_validation).", ValidationText.summary(List.of(small, unknown, good)));
        String text = ValidationText.render(List.of(small, unknown, good));
        assertTrue(text.contains("At Risk                FAIL       pass       pass       FAIL           pass\n"), text);
        assertTrue(text.contains("Prospects              pass       FAIL       pass       not known      pass\n"), text);
        assertTrue(text.replaceAll("\n  ", " ").contains("- Prospects: measurable FAIL: nothing measures it (no holdout lift, no retention"
                + " validated); differentiable not known: no later retention"), text);
        assertFalse(text.contains("- Champions"), "a segment that passes every check gets no line: " + text);
        String json = JsonLine.of(ValidationText.json(List.of(small, good)), "validation");
        assertTrue(json.contains("\"passing\":1,\"segments_checked\":2,"), json);
        assertTrue(json.contains("\"accessible\":{\"passed\":true,\"reason\":\"80 % reachable by a channel with consent\"}"),
                "plain spaces in JSON: " + json);
    }
}
