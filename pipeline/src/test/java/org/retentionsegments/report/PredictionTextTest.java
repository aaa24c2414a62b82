package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionTextTest {

    static final PredictionText.Predictions PREDICTIONS = new PredictionText.Predictions(LocalDate.of(2026, 1, 1), 365,
            new PredictionText.Fit(0.2791, 3.0192, 0.4137, 4.7243, true, 1.7499, 2.1111, 64.2695, true),
            List.of(new PredictionText.SegmentValue("Can't Lose Them", 1_097, 0.46, 553, 900.4, 314_493.0, 446_751.0, 0.527),
                    new PredictionText.SegmentValue("Champions", 2_264, 0.93, 11, 9_000.0, 2_636_137.0, 171_827.0, 0.203)),
            new PredictionText.Check(LocalDate.of(2025, 1, 1), 365, 8_117, 27_608.2, 22_094, 2_801_702.8, 2_167_481.0,
                    0.32, 0.83));

    @Test
    void sumsTheSegmentsAndNamesTheLargestRisk() {
        String intro = PredictionText.intro(PREDICTIONS);
        assertTrue(intro.startsWith("As of 2026-01-01, the 3,361 customers with orders are expected to order on 9,900"
                + " days in the next 365 days, worth $2,950,630"), intro);
        assertTrue(intro.contains("The most value at risk is in Can't Lose Them ($446,751, 53\u00A0% of it)"), intro);
    }

    @Test
    void theCheckComparesExpectedWithWhatHappenedAndGradesBothAucs() {
        String check = PredictionText.check(PREDICTIONS.check());
        assertEquals("Checked on the prediction of 2025-01-01: over the 365 days that followed, the 8,117 customers"
                + " were expected to order on 27,608 days and ordered on 22,094 (125\u00A0% of what happened); worth"
                + " $2,801,703 expected against $2,167,481 spent. The expected orders sorted who bought again with an"
                + " AUC of 0.83 (excellent), P(alive) alone with 0.32 (worse than a coin toss)"
                + " (prediction_validation_summary).", check);
        assertTrue(PredictionText.check(null).startsWith("Not checked yet"));
    }

    @Test
    void theFittedParametersAreShownAndAnUnsettledFitIsFlagged() {
        assertEquals("Fitted models (prediction_fit): BG/NBD r 0.279, alpha 3.019, a 0.414, b 4.724; Gamma-Gamma p"
                + " 1.750, q 2.111, gamma 64.27.", PredictionText.model(PREDICTIONS.fit()));
        String unsettled = PredictionText.model(new PredictionText.Fit(0.3, 3, 0.4, 4, false, null, null, null, null));
        assertTrue(unsettled.contains("no Gamma-Gamma fit") && unsettled.endsWith("treat these figures with care."),
                unsettled);
    }

    @Test
    void aRowPerSegmentInTheTextAndTheHtml() {
        String text = PredictionText.render(PREDICTIONS);
        assertTrue(text.contains("Can't Lose Them        |     1,097 |     46 % |         553 |       $314,493 |"
                + "      $446,751 |  53 %"), text);
        StringBuilder html = new StringBuilder();
        PredictionText.html(html, PREDICTIONS);
        assertTrue(html.toString().contains("<td>Can&#39;t Lose Them</td>"), html.toString());
        assertEquals(3, html.toString().split("<tr>", -1).length - 1, "a header and two segments");
    }
}
