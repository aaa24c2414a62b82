package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.SegmentAssignment.Traits;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseWriter;

/** The persona cards of the report (seed 001 template) on known warehouse rows, on DuckDB and PostgreSQL. */
class PersonaReportITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final ConfigBundle CONFIG = org.retentionsegments.core.fixtures.ConfigTexts.classic();
    private static final LocalDate AS_OF = LocalDate.parse("2024-03-01");
    private static final LocalDate EARLIER = LocalDate.parse("2024-02-01");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCardPerSegmentWithTheMeasuredBehaviourAndThePersonaOfSegmentsYaml(Engine engine) {
        String text = report(engine, null).text();
        String personas = text.substring(text.indexOf("PERSONAS\n--------\n"), text.indexOf("SEGMENT MOVEMENT"));
        assertTrue(personas.contains("the customers of the current refresh, as of 2024-03-01)"), personas);
        assertTrue(personas.contains("PERSONA: Champions   [2 customers now]\n"
                + "  Measured in the data (in place of demographics):\n"
                + "    Recency:        last order 20 days ago (median)\n"
                + "    Frequency:      5 orders in the 365-day window (median); average order value $60.00 (net, over\n"
                + "                    the 2 customers with an order in the window)\n"
                + "    Tenure:         customer for 300 days (median since the first order)\n"
                + "    Categories:     bags 50 %, shoes 50 % (share of customers for whom it is the top category)\n"
                + "    Channel:        web (the channel of most orders for 100 % of customers)\n"
                + "    Engagement:     100 % engaged in the last 90 days; main activity email open 50 %, site visit\n"
                + "                    50 % (share of customers)\n"
                + "    Discount use:   50 % of orders with a discount (average per customer)\n"
                + "    Return rate:    10 % of order value returned in the window (average per customer)\n"
                + "    Email consent:  50 % consented\n"
                + "    Location:       GB 50 %, US 50 % (share of customers)\n"
                + "  Goals:            - Be first to get new launches and limited editions\n"
                + "                    - Be recognised as one of the best customers\n"
                + "  Pain Points:      - Generic mass mailings and the discounts everybody gets\n"
                + "                    - Sold-out launches and slow service\n"
                + "  Behavior:\n"
                + "    Channels:       Email, app, personal invitations; they share and review on social media\n"), personas);
        assertTrue(personas.contains("  Messaging:\n"
                + "    Value Prop:     Insider status - the best of the brand, before anyone else\n"
                + "    Tone:           Personal, appreciative and exclusive\n"), personas);

        assertTrue(personas.contains("PERSONA: Prospects   [2 customers now]\n"
                + "  Measured in the data (in place of demographics):\n"
                + "    Recency:        no order yet\n"
                + "    Frequency:      no order in the 365-day window\n"
                + "    Tenure:         no first order yet\n"
                + "    Categories:     no category bought\n"
                + "    Channel:        no channel recorded\n"
                + "    Engagement:     50 % engaged in the last 90 days; main activity email click 50 % (share of\n"
                + "                    customers)\n"
                + "    Discount use:   no orders\n"
                + "    Return rate:    no orders in the window\n"
                + "    Email consent:  50 % consented, 50 % unknown\n"
                + "    Lead classes:   2 customers scored: cold 50 %, warm 0 %, hot 50 %, sales ready 0 %; average lead\n"
                + "                    score 40.0 of 100\n"), personas);

        assertTrue(personas.contains("PERSONA: Loyal   [no customers now]\n"
                + "  Measured in the data (in place of demographics):\n"
                + "    Behaviour:      no customers in the current refresh\n"
                + "  Goals:            - More of what they like, at good value for money\n"), personas);
        assertTrue(personas.contains("PERSONA: Old VIP   [1 customer now; not in segments.yaml]\n"), personas);
        assertTrue(personas.contains("  Goals:            -\n  Pain Points:      -\n"), "no persona: " + personas);

        List<String> order = personas.lines().filter(l -> l.startsWith("PERSONA: "))
                .map(l -> l.substring("PERSONA: ".length(), l.indexOf("   ["))).toList();
        assertEquals(13, order.size(), "the 12 configured segments and the one only the warehouse knows: " + order);
        assertEquals("Can't Lose Them", order.get(0));
        assertEquals("Old VIP", order.get(order.size() - 1));
        assertTrue(personas.lines().allMatch(l -> l.length() <= 100), personas);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEarlierKeptRefreshSaysTheCardsAreOfTheCurrentOne(Engine engine) {
        String text = report(engine, EARLIER).text().replaceAll("\n", " ");
        assertTrue(text.contains("the customers of the current refresh, as of 2024-03-01 (the segments above are of"
                + " the kept refresh of 2024-02-01)"), text);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theHtmlReportHasTheSameCards(Engine engine) {
        String html = report(engine, null).html();
        String personas = html.substring(html.indexOf("<h2 id=\"personas\">Personas</h2>"), html.indexOf("<h2 id=\"segment-movement\">Segment movement</h2>"));
        assertTrue(personas.contains("<h3>PERSONA: Champions <span class=\"tag\">[2 customers now]</span></h3>"), personas);
        assertTrue(personas.contains("<dt>Recency</dt><dd>last order 20 days ago (median)</dd>"), personas);
        assertTrue(personas.contains("<dt>Frequency</dt><dd>5 orders in the 365-day window (median); average order"
                + " value $60.00 (net, over the 2 customers with an order in the window)</dd>"), personas);
        assertTrue(personas.contains("<dt><b>Goals</b></dt><dd><ul style=\"margin:0;padding-left:1.2em\">"
                + "<li>Be first to get new launches and limited editions</li>"
                + "<li>Be recognised as one of the best customers</li></ul></dd>"), personas);
        assertTrue(personas.contains("<dt>Objections</dt><dd>Why pay full price when others get discounts - answer"
                + " with early access, recognition and service, not with a discount</dd>"), personas);
        assertTrue(personas.contains("<h3>PERSONA: Can&#39;t Lose Them <span class=\"tag\">[no customers now]</span>"),
                "escaped: " + personas);
        assertTrue(personas.contains("<dt>Lead classes</dt><dd>2 customers scored: cold 50 %, warm 0 %, hot 50 %,"
                + " sales ready 0 %; average lead score 40.0 of 100</dd>"), personas);
        assertFalse(personas.contains("\u00A0"), "no-break spaces are plain in HTML");
    }

    private static StrategyReport report(Engine engine, LocalDate asOf) {
        try (Warehouse w = WAREHOUSES.open(engine)) {
            new WarehouseWriter(w).write(rows());
            Models.bundled().apply(w);
            return StrategyReport.load(w, CONFIG, asOf);
        }
    }

    /**
     * The current refresh: two Champions (recency 10 and 30 days; 4 and 6 orders for 400 and 200;
     * first orders 400 and 200 days before; top categories shoes and bags; both on the web; top
     * engagement email_open and site_visit; discount shares 0.25 and 0.75; return shares 0.05 and
     * 0.15; consent yes and no), two prospects (hot 60 with clicks and consent, cold 20 without
     * engagement or known consent) and a customer of a segment segments.yaml no longer defines.
     * An earlier kept refresh has one Champion.
     */
    private static List<WarehouseRow> rows() {
        List<WarehouseRow> rows = new ArrayList<>();
        rows.add(customer("c1", AS_OF, "Champions", 10, 4, 400, "shoes", 8,
                new Traits(null, null, AS_OF.minusDays(400), "web", 0.25, 0.05, "email_open", true, "GB")));
        rows.add(customer("c2", AS_OF, "Champions", 30, 6, 200, "bags", 3,
                new Traits(null, null, AS_OF.minusDays(200), "web", 0.75, 0.15, "site_visit", false, "US")));
        rows.add(prospect("p1", 4, new Traits(60, "hot", null, null, 0.0, 0.0, "email_click", true, null)));
        rows.add(prospect("p2", 0, new Traits(20, "cold", null, null, 0.0, 0.0, null, null, null)));
        rows.add(customer("c6", AS_OF, "Old VIP", 100, 2, 50, "shoes", 0,
                new Traits(null, null, AS_OF.minusDays(500), "store", 0.0, 0.0, null, true, "GB")));
        rows.add(customer("c1", EARLIER, "Champions", 5, 3, 300, "shoes", 8,
                new Traits(null, null, AS_OF.minusDays(400), "web", 0.25, 0.05, "email_open", true, "GB"))
                .writtenTo(true, false));
        return rows;
    }

    private static SegmentAssignment customer(String id, LocalDate asOf, String segment, int recency, int frequency,
            double monetary, String category, int engagement90, Traits traits) {
        return new SegmentAssignment(id, asOf, recency, frequency, monetary, 5, 5, 5, "555", 5.0, LifecycleStage.ACTIVE,
                false, false, false, false, category, 0.6, 1, engagement90, segment, "s", Arm.TREATMENT, true, true,
                traits);
    }

    private static SegmentAssignment prospect(String id, int engagement90, Traits traits) {
        return new SegmentAssignment(id, AS_OF, null, 0, 0.0, null, null, null, null, null, LifecycleStage.PROSPECT,
                false, false, false, false, null, null, 0, engagement90, "Prospects", "convert_first_purchase",
                Arm.TREATMENT, true, true, traits);
    }
}
