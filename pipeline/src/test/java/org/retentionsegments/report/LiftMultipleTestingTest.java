package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retentionsegments.report.ReportData.LiftRow;

class LiftMultipleTestingTest {

    static LiftRow row(String segment, Double p, Double adjusted) {
        return new LiftRow("always_on", segment, 60, 1000, 100, 0.3, 0.25, 0.05, -0.01, 0.11, p, 50.0, 500.0, 50.0, 1.0,
                adjusted);
    }

    @Test
    void namesWhatStaysSignificantAndWhatOnlyLookedSo() {
        List<LiftRow> rows = List.of(row("ALL", 0.01, 0.01), row("Promising", 0.0015, 0.0151),
                row("Hibernating", 0.0414, 0.2072), row("Loyal", 0.7179, 0.7179));
        assertEquals("3 segments tested at once, so some would look significant by chance; after the"
                + " Benjamini-Hochberg adjustment (p_value_adjusted in holdout_lift) Promising stays significant at"
                + " 5 %; significant only before it: Hibernating (p 0.041, adjusted 0.207).",
                LiftText.multipleTesting(rows));
    }

    @Test
    void saysSoWhenNoneStays() {
        String text = LiftText.multipleTesting(List.of(row("A", 0.2, 0.4), row("B", 0.3, 0.4)));
        assertEquals("2 segments tested at once, so some would look significant by chance; after the"
                + " Benjamini-Hochberg adjustment (p_value_adjusted in holdout_lift) none stays significant at 5 %.",
                text);
    }

    @Test
    void nothingForOneTestedSegment() {
        assertNull(LiftText.multipleTesting(List.of(row("ALL", 0.01, 0.01), row("A", 0.01, 0.01),
                row("B", null, null))));
    }
}
