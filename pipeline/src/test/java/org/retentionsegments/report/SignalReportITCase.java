package org.retentionsegments.report;

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
 * The SIGNALS THAT MATTER block of the report on known rows, on DuckDB and PostgreSQL: the
 * within-segment AUC of each signal at the score validation's snapshot, ranked, in words, in the
 * text, the HTML page (with its contents entry) and the JSON.
 */
class SignalReportITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final ConfigBundle CONFIG = ConfigBundle.loadDefault();
    private static final LocalDate EARLIER = LocalDate.parse("2024-01-01");
    private static final LocalDate NOW = LocalDate.parse("2024-06-01");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ranksTheSignalsByHowTheySeparateBuyersWithinSegments(Engine engine) {
        StrategyReport report = report(engine);
        String text = report.text();
        String block = text.substring(text.indexOf("SIGNALS THAT MATTER\n-------------------\n"),
                text.indexOf("LEAD SCORING"));
        String flowing = block.replaceAll("\n  ", " ").replace("\n", " ");
        // Within-segment pairs (retained x not): Loyal {a1 r5, a3 r3} x {a2 r4, a4 r2}: 5>4, 5>2, 3<4,
        // 3>2 = 3 of 4; At Risk {b1 r2} x {b2 r1, b3 r1}: 2 of 2. Recency 5 / 6 = 0.83. Over all seven:
        // {5, 3, 2} x {4, 2, 1, 1}: 4 + 3 + 2.5 = 9.5 / 12 = 0.79. F and M are 1 for all, flags false,
        // stage active, engagement 0: 0.50; the composite follows recency (ties with it, rank 1).
        assertTrue(flowing.contains("At 2024-01-01, within 90 days: each signal's AUC counted only between customers"
                + " of the same segment, 6 pairs of one who bought again and one who did not"), block);
        assertTrue(block.contains("Signal               | Within segments | All customers | Buy again more when\n"), block);
        assertTrue(block.contains("Composite score      |            0.83 |          0.79 | higher\n"
                + "Recency score        |            0.83 |          0.79 | higher\n"), block);
        assertTrue(block.contains("Frequency score      |            0.50 |          0.50 | -\n"), block);
        assertTrue(flowing.contains("- Within a segment, the composite score still tells who comes back (AUC 0.83;"
                + " higher values buy again more), against 0.79 over all customers."), block);
        assertTrue(flowing.contains("- Also worth using inside segments: recency (0.83)."), block);
        // every customer has F 1, M 1, no flag, stage active and no engagement: named apart, not ranked as "little"
        assertTrue(flowing.contains("- Not in these data (the same for every customer), so no help: the discount"
                + " dependent flag, the email unengaged flag, engagement in the last 30 days, engagement in the last 90"
                + " days, frequency, the high return rate flag, the lifecycle stage, monetary, the single channel"
                + " flag."), block);

        String html = report.html();
        assertTrue(html.contains("<a href=\"#signals-that-matter\">Signals that matter</a>"), html);
        assertTrue(html.contains("<tr><td>1</td><td>Recency score</td><td class=\"n\">0.83</td><td class=\"n\">0.79</td>"
                + "<td>higher</td></tr>"), html);
        String json = report.json();
        assertTrue(json.contains("\"signals\":{\"as_of\":\"2024-01-01\",\"horizon_days\":90,\"ranking\":[{\"signal\":"
                + "\"composite\",\"rank\":1,\"auc_within\":0.8333333333333334"), json);
    }

    private static StrategyReport report(Engine engine) {
        List<WarehouseRow> rows = new ArrayList<>();
        rows.add(customer("a1", EARLIER, 5, "Loyal"));
        rows.add(customer("a2", EARLIER, 4, "Loyal"));
        rows.add(customer("a3", EARLIER, 3, "Loyal"));
        rows.add(customer("a4", EARLIER, 2, "Loyal"));
        rows.add(customer("b1", EARLIER, 2, "At Risk"));
        rows.add(customer("b2", EARLIER, 1, "At Risk"));
        rows.add(customer("b3", EARLIER, 1, "At Risk"));
        rows.add(activity("a1", EARLIER.plusDays(3), 1, 100.0));
        rows.add(activity("a3", EARLIER.plusDays(50), 1, 30.0));
        rows.add(activity("b1", EARLIER.plusDays(89), 1, 20.0));
        rows.add(activity("b2", EARLIER.plusDays(90), 1, 20.0));
        rows.add(activity("a2", NOW.minusDays(20), 0, 0.0));
        rows.add(customer("a1", NOW, 5, "Loyal"));
        try (Warehouse w = WAREHOUSES.open(engine)) {
            new WarehouseWriter(w).write(rows);
            Models.bundled().apply(w);
            return StrategyReport.load(w, CONFIG, null);
        }
    }

    private static SegmentAssignment customer(String id, LocalDate asOf, int r, String segment) {
        return new SegmentAssignment(id, asOf, 10, 1, 10.0, r, 1, 1, r + "11", (r + 2) / 3.0,
                LifecycleStage.ACTIVE, false, false, false, false, null, null, 0, 0, segment, "Reward loyalty", null,
                true, asOf.equals(NOW), SegmentAssignment.Traits.NONE);
    }
}
