package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retentionsegments.report.CupedText.CupedRow;

class CupedTextTest {

    static final CupedRow WINBACK = new CupedRow("winback", "ALL", 60, 7_832, 1_999, 0.0654, 0.0071, 0.0646, 0.0068,
            0.0512, 0.0780, null, null, 0.0717);
    static final CupedRow SEGMENT = new CupedRow("winback", "Lost", 60, 3_286, 810, 0.0636, 0.0072, 0.0630, 0.0072,
            0.0490, 0.0771, 0.086, 0.10, 0.019);
    static final CupedRow NEWCOMERS = new CupedRow("always_on", "ALL", 60, 16_784, 1_903, 0.0054, 0.0121, 0.0054,
            0.0121, -0.0183, 0.0290, null, null, 0.0);
    static final CupedRow UNMEASURED = new CupedRow("none", "ALL", 60, 5, 0, null, null, null, null, null, null, null,
            null, null);

    @Test
    void saysTheAdjustedLiftItsIntervalAndTheVarianceTakenOut() {
        assertEquals("winback: CUPED-adjusted +6.5 pts (+5.1 to +7.8); what its customers ordered and engaged in the"
                + " 60 days before treatment took out 7\u00A0% of the variance.", CupedText.sentence(WINBACK));
        assertEquals("always_on: CUPED-adjusted +0.5 pts (-1.8 to +2.9); what its customers ordered and engaged in the"
                + " 60 days before treatment did not predict retention, so the interval is no narrower.",
                CupedText.sentence(NEWCOMERS));
    }

    @Test
    void oneSentencePerProgramFromItsAllRow() {
        List<String> sentences = CupedText.sentences(List.of(WINBACK, SEGMENT, UNMEASURED, NEWCOMERS));
        assertEquals(2, sentences.size(), sentences::toString);
        assertTrue(sentences.get(0).startsWith("always_on:"), sentences::toString);
        assertEquals("", CupedText.render(List.of(SEGMENT, UNMEASURED)));
        String text = CupedText.render(List.of(WINBACK));
        assertTrue(text.startsWith("\nAdjusted for what each customer did before treatment"), text);
    }
}
