package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.warehouse.WarehouseFixtures.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseWriter;

/**
 * The SCORE VALIDATION block of the report on known rows, on DuckDB and PostgreSQL: retention by
 * score and the AUCs of the latest kept snapshot whose 90-day horizon has passed, in words; and
 * the sentence saying when the first snapshot can be judged when none can yet.
 */
class ScoreReportITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final ConfigBundle CONFIG = ConfigBundle.loadDefault();
    private static final LocalDate EARLIER = LocalDate.parse("2024-01-01");
    private static final LocalDate NOW = LocalDate.parse("2024-06-01");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void retentionByScoreAndTheAucsOfTheLatestValidatedSnapshot(Engine engine) {
        StrategyReport report = report(engine, validated());
        String text = report.text();
        String block = text.substring(text.indexOf("SCORE VALIDATION\n----------------\n"), text.indexOf("LEAD SCORING"));
        String flowing = block.replaceAll("\n  ", " ");
        // recency: 5 -> 3 of 4 bought again, 3 -> 1 of 2, 1 -> 1 of 4. AUC over the 5 x 5 pairs: the
        // three retained 5s beat 4 and tie 1 (13.5), the retained 3 beats 3 and ties 1 (3.5), the
        // retained 1 ties 3 (1.5): 18.5 / 25 = 0.74. Monetary is recency reversed: 1 - 0.74.
        // Spearman with revenue (100, 50, 30, 40, 20, five 0s): 0.5813 by average ranks.
        assertTrue(block.replace("\n", " ").contains("Did the scores sort the customers who bought again? The latest kept snapshot whose"
                + " 90-day horizon has passed, 2024-01-01: 10 customers with orders, of whom 50.0 % bought again within"
                + " 90 days"), block);
        assertTrue(block.contains("Retention by score |      1 |      2 |      3 |      4 |      5 |  AUC | Spearman\n"), block);
        assertTrue(block.contains("Recency            |   25 % |      - |   50 % |      - |   75 % | 0.74 |    +0.58\n"), block);
        assertTrue(block.contains("Frequency          |   50 % |      - |      - |      - |      - | 0.50 |        -\n"), block);
        assertTrue(block.contains("Monetary           |   75 % |      - |   50 % |      - |   25 % | 0.26 |    -0.58\n"), block);
        assertTrue(block.contains("Composite          |      - |   50 % |      - |      - |      - | 0.50 |        -\n"), block);
        assertTrue(flowing.contains("- Customers scored 5 on recency bought again within 90 days 3.0 times as often as"
                + " those scored 1 (75.0 % against 25.0 %); AUC 0.74, acceptable.\n"), block);
        assertTrue(flowing.contains("- Every customer was scored 1 on frequency: 50.0 % bought again within 90 days;"
                + " AUC 0.50, no better than a coin toss.\n"), block);
        assertTrue(flowing.contains("- Customers scored 5 on monetary bought again within 90 days less often than those"
                + " scored 1 (25.0 % against 75.0 %); AUC 0.26, worse than a coin toss.\n"), block);
        assertTrue(flowing.contains("- Every customer was scored 2 on the composite score (rounded): 50.0 % bought again"
                + " within 90 days; AUC 0.50, no better than a coin toss.\n"), block);
        assertTrue(block.replace("\n", " ").contains("0.5 = coin toss, 1 = perfect"), block);

        String html = report.html();
        assertTrue(html.contains("<h2 id=\"score-validation\">Score validation</h2>"), html);
        assertTrue(html.contains("<tr><td>Recency</td><td class=\"n\">25.0 % of 4</td><td class=\"n\">-</td>"
                + "<td class=\"n\">50.0 % of 2</td><td class=\"n\">-</td><td class=\"n\">75.0 % of 4</td>"
                + "<td class=\"n\">0.74</td><td class=\"n\">+0.58</td></tr>"), html);
        assertTrue(html.contains("<li>Customers scored 5 on recency bought again within 90 days 3.0 times as often as"
                + " those scored 1 (75.0 % against 25.0 %); AUC 0.74, acceptable.</li>"), html);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void whenNoHorizonHasPassedItSaysWhenTheFirstWill(Engine engine) {
        List<WarehouseRow> rows = new ArrayList<>();
        rows.add(customer("a1", NOW, 5, 1, 1));
        rows.add(customer("b1", NOW, 1, 1, 5));
        rows.add(activity("a1", NOW.plusDays(9), 1, 10.0));
        StrategyReport report = report(engine, rows);
        String sentence = "Not measurable yet: no kept snapshot has had its 30 days to see who buys again. The first,"
                + " 2024-06-01, can be judged once the data reach 2024-06-30 (they end on 2024-06-10).";
        String text = report.text();
        String block = text.substring(text.indexOf("SCORE VALIDATION\n"), text.indexOf("LEAD SCORING"));
        assertTrue(block.replace("\n", " ").contains(sentence), block);
        assertFalse(block.contains("AUC"), block);
        assertTrue(report.html().contains("<h2 id=\"score-validation\">Score validation</h2>\n<p>" + sentence
                + "</p>\n<h2 id=\"lead-scoring\">Lead scoring</h2>"),
                report.html());
    }

    private static StrategyReport report(Engine engine, List<WarehouseRow> rows) {
        try (Warehouse w = WAREHOUSES.open(engine)) {
            new WarehouseWriter(w).write(rows);
            Models.bundled().apply(w);
            return StrategyReport.load(w, CONFIG, null);
        }
    }

    /** Ten customers scored at EARLIER (and a prospect, who is not), five of them buying within 90 days. */
    private static List<WarehouseRow> validated() {
        List<WarehouseRow> rows = new ArrayList<>();
        for (String id : List.of("a1", "a2", "a3", "a4")) {
            rows.add(customer(id, EARLIER, 5, 1, 1));
        }
        for (String id : List.of("b1", "b2", "b3", "b4")) {
            rows.add(customer(id, EARLIER, 1, 1, 5));
        }
        rows.add(customer("c1", EARLIER, 3, 1, 3));
        rows.add(customer("c2", EARLIER, 3, 1, 3));
        rows.add(new SegmentAssignment("p1", EARLIER, null, 0, 0.0, null, null, null, null, null,
                LifecycleStage.PROSPECT, false, false, false, false, null, null, 0, 0, "Prospects", "Convert prospects",
                null, true, false, SegmentAssignment.Traits.NONE));
        rows.add(activity("a1", EARLIER.plusDays(3), 1, 100.0));
        rows.add(activity("a2", EARLIER.plusDays(40), 1, 50.0));
        rows.add(activity("a3", EARLIER.plusDays(89), 1, 30.0));
        rows.add(activity("a4", EARLIER.plusDays(90), 1, 70.0));
        rows.add(activity("b1", EARLIER, 1, 20.0));
        rows.add(activity("c1", EARLIER.plusDays(60), 1, 40.0));
        rows.add(activity("p1", EARLIER.plusDays(5), 1, 99.0));
        rows.add(activity("c2", NOW.minusDays(20), 0, 0.0));
        rows.add(customer("a1", NOW, 5, 1, 1));
        return rows;
    }

    private static SegmentAssignment customer(String id, LocalDate asOf, int r, int f, int m) {
        return new SegmentAssignment(id, asOf, 10, f, 10.0 * m, r, f, m, "" + r + f + m, (r + f + m) / 3.0,
                LifecycleStage.ACTIVE, false, false, false, false, null, null, 0, 0, "Loyal", "Reward loyalty", null,
                true, asOf.equals(NOW), SegmentAssignment.Traits.NONE);
    }
}
