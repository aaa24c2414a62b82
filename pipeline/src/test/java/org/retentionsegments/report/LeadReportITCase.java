package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.warehouse.WarehouseFixtures.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The LEAD SCORING block of the report on known rows, on DuckDB and PostgreSQL: the points of
 * lead_scoring.yaml, the classes now, and how the classes of an earlier snapshot converted.
 */
class LeadReportITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final ConfigBundle CONFIG = ConfigBundle.loadDefault();
    private static final LocalDate EARLIER = LocalDate.parse("2024-02-01");
    private static final LocalDate NOW = LocalDate.parse("2024-03-01");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void pointsThresholdsClassesNowAndHowEachClassConverted(Engine engine) {
        StrategyReport report;
        Map<String, long[]> validation = new TreeMap<>();
        try (Warehouse w = WAREHOUSES.open(engine)) {
            new WarehouseWriter(w).write(rows());
            Models.bundled().apply(w);
            report = StrategyReport.load(w, CONFIG, NOW);
            w.dsl().resultQuery("SELECT horizon_days, lead_class, scored, converted FROM lead_scoring_validation")
                    .forEach(r -> validation.put(r.get(0) + " " + r.get(1),
                            new long[] {((Number) r.get(2)).longValue(), ((Number) r.get(3)).longValue()}));
        }
        // only the 30-day horizon of the earlier snapshot has passed by the last activity (2024-03-05)
        assertEquals(List.of("30 cold", "30 hot", "30 warm"), List.copyOf(validation.keySet()));
        assertEquals("3 1", validation.get("30 cold")[0] + " " + validation.get("30 cold")[1]);
        assertEquals("2 1", validation.get("30 warm")[0] + " " + validation.get("30 warm")[1]);
        assertEquals("1 1", validation.get("30 hot")[0] + " " + validation.get("30 hot")[1]);

        String text = report.text();
        String block = text.substring(text.indexOf("LEAD SCORING\n------------\n"));
        String flowing = block.replaceAll("\n {10,}", " ");
        assertTrue(block.contains("Category     | Signal               | Counts                                         | Points\n"),
                block);
        assertTrue(block.contains("Behavioral   | Product usage        | product_usage, per event (at most 30)          | +15 each\n"),
                block);
        assertTrue(block.contains("Engagement   | Email opens (3+)     | email_open, 3+ events                          | +10\n"),
                block);
        assertTrue(block.contains("Negative     | 30+ days inactive    | no engagement or order for 30+ days            | -15\n"),
                block);
        assertTrue(block.contains("Negative     | Email bounced        | email_bounce, per event (at most -20)          | -10 each\n"),
                block);
        assertTrue(block.contains("Thresholds:\n  Cold Lead:        0-30\n  Warm Lead (MQL):  31-50\n"
                + "  Hot Lead (SQL):   51-80\n  Sales Ready:      81-100\n"), block);
        assertTrue(flowing.contains("Now:      3 scored: Cold Lead 1 (33.3 %), Warm Lead (MQL) 1 (33.3 %), Hot Lead (SQL) 0"
                + " (0.0 %), Sales Ready 1 (33.3 %).\n"), block);
        assertTrue(flowing.contains("Outcome:  bought within 30 days of a kept refresh (lead_scoring_validation, 1 snapshot):"
                + " Cold Lead 33.3 % of 3; Warm Lead (MQL) 50.0 % of 2; Hot Lead (SQL) 100.0 % of 1. Reading: each hotter"
                + " class converted more: the points rank leads in the right order.\n"), block);

        String html = report.html();
        assertTrue(html.contains("<h2 id=\"lead-scoring\">Lead scoring</h2>"), html);
        assertTrue(html.contains("<tr><td>Hot Lead (SQL)</td><td class=\"n\">51-80</td><td class=\"n\">0</td>"
                + "<td><span class=\"bar\" style=\"width:120px\"></span> 100.0 % of 1</td></tr>"), html);
        assertTrue(html.contains("<tr><td>Cold Lead</td><td class=\"n\">0-30</td><td class=\"n\">1</td>"
                + "<td><span class=\"bar\" style=\"width:40px\"></span> 33.3 % of 3</td></tr>"), html);
    }

    private static List<WarehouseRow> rows() {
        List<WarehouseRow> rows = new ArrayList<>();
        // the earlier snapshot: three cold (one buys on day 9), two warm (one buys on day 19), one hot (buys on day 5)
        rows.add(prospect("p1", EARLIER, 55, "hot"));
        rows.add(prospect("p2", EARLIER, 10, "cold"));
        rows.add(prospect("p3", EARLIER, 5, "cold"));
        rows.add(prospect("p6", EARLIER, 0, "cold"));
        rows.add(prospect("p4", EARLIER, 35, "warm"));
        rows.add(prospect("p7", EARLIER, 40, "warm"));
        rows.add(activity("p1", EARLIER.plusDays(5), 1, 20.0));
        rows.add(activity("p6", EARLIER.plusDays(9), 1, 15.0));
        rows.add(activity("p4", EARLIER.plusDays(19), 2, 30.0));
        rows.add(activity("p7", EARLIER.plusDays(40), 0, 0.0));
        // now: p2 still cold, p3 warmer, p5 new and sales-ready; the buyers have no lead score
        rows.add(prospect("p2", NOW, 12, "cold"));
        rows.add(prospect("p3", NOW, 33, "warm"));
        rows.add(prospect("p5", NOW, 90, "sales_ready"));
        return rows;
    }

    private static SegmentAssignment prospect(String customer, LocalDate asOf, int score, String leadClass) {
        return new SegmentAssignment(customer, asOf, null, 0, 0.0, null, null, null, null, null,
                LifecycleStage.PROSPECT, false, false, false, false, null, null, 1, 2, "Prospects", "Convert prospects",
                null, true, asOf.equals(NOW), new SegmentAssignment.Traits(score, leadClass, null, null, 0.0, 0.0,
                        "site_visit", Boolean.TRUE, "GB"));
    }
}
