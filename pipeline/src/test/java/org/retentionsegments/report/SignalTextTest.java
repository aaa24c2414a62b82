package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retentionsegments.report.SignalText.Row;
import org.retentionsegments.report.SignalText.Signals;

/** The sentences of the SIGNALS THAT MATTER block: directions in words, the three bands, nothing measurable. */
class SignalTextTest {

    private static final LocalDate AS_OF = LocalDate.parse("2024-01-01");

    private static Row row(String signal, double within, double overall, int rank) {
        String direction = within > 0.5 ? "higher" : within < 0.5 ? "lower" : "none";
        return new Row(signal, 100, 400, within, overall, Math.max(within, 1 - within), direction, rank, false);
    }

    @Test
    void theTopSignalInASentenceThenTheBands() {
        Signals s = new Signals(AS_OF, 90, List.of(row("email_unengaged", 0.29, 0.2, 1), row("tenure", 0.64, 0.7, 2),
                row("lifecycle_stage", 0.42, 0.3, 3), row("engagement_30d", 0.53, 0.6, 4)));
        assertEquals(List.of("Within a segment, the email unengaged flag still tells who comes back (AUC 0.71; customers"
                        + " not flagged buy again more), against 0.80 over all customers.",
                "Also worth using inside segments: tenure (0.64).",
                "Some help: the lifecycle stage (0.58).",
                "Add little beyond the segment: engagement in the last 30 days (0.53)."),
                SignalText.sentences(s));
        assertEquals("not flagged", SignalText.when(s.rows().get(0)));
        assertEquals("nearer lapsed", SignalText.when(s.rows().get(2)));
        assertEquals("higher", SignalText.when(s.rows().get(1)));
    }

    @Test
    void bandsGoByTheFigureAsPrinted() {
        // 0.5996 prints 0.60: it must not be called "some help" beside a printed 0.60
        Signals s = new Signals(AS_OF, 90, List.of(row("recency", 0.7, 0.8, 1), row("frequency", 0.5996, 0.7, 2),
                row("tenure", 0.5496, 0.5, 3)));
        assertEquals(List.of("Within a segment, recency still tells who comes back (AUC 0.70; higher values buy again"
                        + " more), against 0.80 over all customers.",
                "Also worth using inside segments: frequency (0.60).",
                "Some help: tenure (0.55)."), SignalText.sentences(s));
        assertEquals(0.5, SignalText.overallSameWay(new Row("tenure", 9, 4, 0.25, 0.5, 0.75, "lower", 1, false)));
        assertEquals(0.7, SignalText.overallSameWay(new Row("tenure", 9, 4, 0.25, 0.3, 0.75, "lower", 1, false)), 1e-12);
    }

    @Test
    void aSignalTheDataDoNotCarryIsNamedApart() {
        Signals s = new Signals(AS_OF, 90, List.of(row("recency", 0.7, 0.8, 1), row("tenure", 0.52, 0.5, 2),
                new Row("engagement_90d", 10, 4, 0.5, 0.5, 0.5, "none", 3, true)));
        assertEquals(List.of("Within a segment, recency still tells who comes back (AUC 0.70; higher values buy again"
                        + " more), against 0.80 over all customers.",
                "Add little beyond the segment: tenure (0.52).",
                "Not in these data (the same for every customer), so no help: engagement in the last 90 days."),
                SignalText.sentences(s));
    }

    @Test
    void noSignalAddsMuchOrNoneIsMeasurable() {
        Signals weak = new Signals(AS_OF, 30, List.of(row("recency", 0.57, 0.8, 1)));
        assertEquals(List.of("No signal adds much to the segments: the best, recency, reaches an AUC of 0.57 within"
                + " them."), SignalText.sentences(weak));
        Signals unpaired = new Signals(AS_OF, 30, List.of(new Row("recency", 5, 0, null, null, null, "none", 1, false)));
        String text = SignalText.render(unpaired).replace("\n", " ");
        assertTrue(text.contains("Not measurable at 2024-01-01: no segment had both customers who bought again within"
                + " 30 days and customers who did not."), text);
        assertFalse(text.contains("Within segments"), text);
    }
}
