package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retentionsegments.report.ScoreText.Summary;
import org.retentionsegments.report.ScoreText.Validation;
import org.retentionsegments.report.ScoreText.ValueRow;

/** The sentences of the SCORE VALIDATION block when a score's extremes bought nothing, or are the only value. */
class ScoreTextTest {

    private static final LocalDate AS_OF = LocalDate.parse("2024-01-01");

    private static Validation validation(List<ValueRow> values, Double auc) {
        return new Validation(AS_OF, 60, values, List.of(new Summary("recency", 30, 6, auc, 0.4)), null, null);
    }

    @Test
    void comparesTheHighestScoreWithTheLowestThatHasCustomers() {
        Validation v = validation(List.of(new ValueRow("recency", 2, 10, 1), new ValueRow("recency", 3, 0, 0),
                new ValueRow("recency", 4, 20, 5)), 0.6512);
        assertEquals("Customers scored 4 on recency bought again within 60 days 2.5 times as often as those scored 2"
                + " (25.0 % against 10.0 %); AUC 0.65, weak.", Fmt.spaces(ScoreText.sentence(v, "recency")));
    }

    @Test
    void noneAtTheBottomNoneAtAllOrOneValueOnly() {
        assertEquals("50.0 % of the customers scored 5 on recency bought again within 60 days, none of those scored 1;"
                + " AUC 0.91, outstanding.", Fmt.spaces(ScoreText.sentence(validation(List.of(
                        new ValueRow("recency", 1, 10, 0), new ValueRow("recency", 5, 10, 5)), 0.91), "recency")));
        assertEquals("Neither the customers scored 5 on recency nor those scored 1 bought again within 60 days.",
                Fmt.spaces(ScoreText.sentence(validation(List.of(new ValueRow("recency", 1, 10, 0),
                        new ValueRow("recency", 5, 10, 0)), null), "recency")));
        assertEquals("Every customer was scored 3 on recency: 20.0 % bought again within 60 days; AUC 0.50, no better"
                + " than a coin toss.", Fmt.spaces(ScoreText.sentence(validation(List.of(
                        new ValueRow("recency", 3, 30, 6)), 0.5), "recency")));
        assertEquals("No customer was scored on frequency.", ScoreText.sentence(validation(List.of(), null), "frequency"));
    }

    @Test
    void gradesTheAuc() {
        assertEquals(List.of("worse than a coin toss", "no better than a coin toss", "little better than a coin toss",
                        "weak", "acceptable", "excellent", "outstanding"),
                List.of(0.49, 0.5, 0.59, 0.6, 0.7, 0.8, 0.9).stream().map(ScoreText::grade).toList());
    }

    @Test
    void saysWhenTheFirstSnapshotCanBeJudged() {
        assertEquals("Not measurable yet: no kept snapshot has had its 30 days to see who buys again. The first,"
                + " 2024-01-01, can be judged once the data reach 2024-01-30 (they end on 2024-01-12).",
                ScoreText.intro(new Validation(null, 0, List.of(), List.of(), AS_OF, LocalDate.parse("2024-01-12"))));
        assertEquals("Not measurable yet: no kept snapshot has customers with scores.",
                ScoreText.intro(new Validation(null, 0, List.of(), List.of(), null, null)));
    }
}
