package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The review's sentences on given rows. */
class ReviewTextTest {

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void refreshesEveryQuarterOfTheCycleAtLeastDaily() {
        assertEquals(8, ReviewText.refreshEveryDays(35));
        assertEquals(1, ReviewText.refreshEveryDays(3));
        assertEquals(22, ReviewText.refreshEveryDays(90.5));
    }

    @Test
    void saysWhatMovedWhatCannotSeeAndWhatFails() {
        ReviewText.Review review = new ReviewText.Review(0.2, 0.25,
                List.of(row("before_day", LocalDate.of(2025, 12, 1), "dimension", "recency", "score", 4L,
                        "before_bound", 30.0, "now_bound", 40.0, "change", 1.0 / 3)),
                List.of(row("before_day", LocalDate.of(2025, 12, 1), "segment", "New", "before_customers", 800L,
                        "now_customers", 400L)),
                List.of(row("program_id", "always_on", "segment", "Champions", "holdout_share", 0.1,
                                "minimum_detectable_lift", 0.069, "target_lift", 0.05, "holdout_share_needed", 0.22),
                        row("program_id", "always_on", "segment", "New", "holdout_share", 0.1,
                                "minimum_detectable_lift", 0.12, "target_lift", 0.05, "holdout_share_needed", null)),
                List.of(row("program_id", "winback", "segment", "Lost", "lift", -0.031, "lift_ci_low", -0.05,
                        "lift_ci_high", -0.012, "p_value_adjusted", 0.01, "verdict", "negative")),
                row("as_of", LocalDate.of(2026, 1, 1), "cycle_days", 35.0, "measured", true, "repeat_customers", 7733L),
                List.of(row("segment", "Promising", "customers", 315L, "min_segment_size", 1000L, "size_ok", false,
                        "measurable", true, "accessible", true, "reachable_share", 0.9, "differentiable", true,
                        "actionable", true, "criteria_met", 4L)),
                30, null, false);
        String text = ReviewText.text(review).replaceAll("\n {4}", " ");
        assertTrue(text.contains("The purchase cycle is 35.0 days (the median gap between order days of 7,733 repeat"
                + " customers, as of 2026-01-01). Refresh the segments at least every 8 days"), text);
        assertTrue(text.contains("The lower boundary of recency score 4 is now 40.00, was 30.00 on 2025-12-01 (+33 %)"), text);
        assertTrue(text.contains("New shrank from 800 customers to 400 customers (-50 % since 2025-12-01)."), text);
        assertTrue(text.contains("always_on, Champions: its holdout sees lifts of 6.9 points or more, not its target of"
                + " 5.0; holding out 22\u00A0% instead of 10\u00A0% would."), text);
        assertTrue(text.contains("always_on, New: its holdout sees lifts of 12.0 points or more, not its target of 5.0;"
                + " no holdout share would at this size: it needs more customers."), text);
        assertTrue(text.contains("winback, Lost: lowered retention by 3.1 points (95 % -5.0 to -1.2): stop or change it."),
                text);
        assertTrue(text.contains("0 of 1 segments meet all five criteria; the others:\n  - Promising meets 4 of 5: 315"
                + " customers, below the minimum of 1,000."), text);
        assertTrue(text.contains("No treatment cost was recorded in the last 30 days"), text);
    }
}
