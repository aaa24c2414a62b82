package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.TierMethod;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.scoring.Tiers;
import org.retentionsegments.warehouse.CustomerQueries;
import org.retentionsegments.warehouse.CustomerQueries.Row;

/** The explanation's text and JSON over literal rows, by the built-in rules. */
class ExplainTextTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 2, 27);
    private static final ConfigBundle DEFAULTS = ConfigBundle.loadDefault();

    /** The refresh's boundaries: recency 7, 21, 28, 43 days; orders 1, 1, 2, 3; money 24.50, 45.50, 122, 250.50. */
    private static List<ScoreBoundary> boundaries() {
        List<ScoreBoundary> rows = new ArrayList<>();
        rows.addAll(tiers(Dimension.RECENCY, 7, 21, 28, 43));
        rows.addAll(tiers(Dimension.FREQUENCY, 1, 1, 2, 3));
        rows.addAll(tiers(Dimension.MONETARY, 24.5, 45.5, 122, 250.5));
        rows.addAll(tiers(Dimension.LIFETIME_FREQUENCY, 1, 1, 2, 3));
        rows.addAll(tiers(Dimension.LIFETIME_MONETARY, 24.5, 45.5, 122, 250.5));
        return rows;
    }

    private static List<ScoreBoundary> tiers(Dimension d, double... bounds) {
        return new Tiers(d, TierMethod.QUANTILE, bounds).rows(AS_OF, new long[6]);
    }

    private static Map<String, Object> columns(String customer, String stage, String segment) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("customer_id", customer);
        c.put("as_of", AS_OF);
        c.put("lifecycle_stage", stage);
        for (String flag : List.of("high_return_rate", "single_channel", "discount_dependent", "email_unengaged")) {
            c.put(flag, false);
        }
        c.put("engagement_90d", 3);
        c.put("segment", segment);
        return c;
    }

    private static Explanation explain(Map<String, Object> columns, List<CustomerQueries.Transition> transitions) {
        Explanation.Around around = new Explanation.Around(boundaries(),
                new CustomerQueries.Cycle(30, false, 30, 60, 120), null,
                new CustomerQueries.Configured((String) columns.get("segment"), 8, "nurture", "always_on", 0.1, true,
                        true),
                transitions, List.of(), null);
        return Explanation.of("jdbc:duckdb:w.duckdb", DEFAULTS, new Row(AS_OF, true, columns), around);
    }

    @Test
    void aScoredCustomerSeesItsTiersAndWhyEachEarlierRuleFailed() throws Exception {
        Map<String, Object> c = columns("c03", "active", "Promising");
        c.putAll(Map.of("recency_days", 36, "frequency", 1, "monetary", 31.5, "r_score", 2, "f_score", 1,
                "m_score", 2, "composite_score", 5 / 3.0, "rfm_cell", "212", "strategy", "nurture", "arm", "treatment"));
        c.putAll(Map.of("lifetime_orders", 1, "lifetime_revenue", 31.5, "peak_window_value", 31.5,
                "lifetime_f_score", 1, "lifetime_m_score", 2, "first_order_date", LocalDate.of(2024, 1, 22)));

        Explanation e = explain(c, List.of(new CustomerQueries.Transition(LocalDate.of(2024, 2, 22), "New", "Promising")));
        String text = ExplainText.of(e);

        assertTrue(text.startsWith("CUSTOMER              c03   as of 2024-02-27 (current segment)   jdbc:duckdb:w.duckdb\n"
                + "SEGMENT               Promising   (rule 8 of segments.yaml)\n"
                + "STRATEGY              nurture   arm treatment   program always_on, 10 % held out\n"), text);
        assertTrue(text.contains("\nVALUES AND SCORES     value          score         tier at this refresh\n"
                + "  recency             36 days        R 2           over 28 days, up to 43 days\n"
                + "  frequency           1 order        F 1           up to 1 order\n"
                + "  monetary            $31.50         M 2           over $24.50, up to $45.50\n"
                + "  lifetime orders     1 order        lifetime F 1  up to 1 order\n"
                + "  lifetime revenue    $31.50         lifetime M 2  over $24.50, up to $45.50\n"
                + "  composite           1.7   cell 212\n"), text);
        assertTrue(text.contains("\nLIFECYCLE             active: last order 36 days ago, within 60 days."), text);
        assertTrue(text.contains("\n  4 Champions            not: F is 1 (needs 4-5: 3+ orders in 365 days), M is 2"
                + " (needs 4-5: over $122.00 in\n                         365 days)\n"), text);
        assertTrue(text.contains("\n  6 Loyal                not: F is 1 (needs 3: 2 orders in 365 days); nor F is 1"
                + " (needs 4-5: 3+ orders in 365\n                         days)\n"), text);
        assertTrue(text.contains("\nLAST SEGMENT CHANGES\n  2024-02-22  New -> Promising\n"), text);

        JsonNode json = new ObjectMapper().readTree(ExplainJson.of(e));
        assertEquals("Promising", json.get("segment").asText());
        assertEquals(8, json.get("rule_position").asInt());
        assertEquals(7, json.get("earlier_rules").size());
        assertEquals(28.0, json.get("scores").get("r").get("lower_bound").asDouble());
        assertEquals(43.0, json.get("scores").get("r").get("upper_bound").asDouble());
        assertEquals(36, json.get("values").get("recency_days").asInt());
        assertEquals("2024-01-22", json.get("values").get("first_order_date").asText());
    }

    @Test
    void aProspectHasNoScoresAndMatchesTheFirstRule() throws Exception {
        Map<String, Object> c = columns("p1", "prospect", "Prospects");
        c.put("frequency", 0);
        c.put("monetary", 0.0);

        Explanation e = explain(c, List.of());
        String text = ExplainText.of(e);

        assertTrue(text.contains("\n  never ordered: no recency, frequency or monetary score\n"), text);
        assertTrue(text.contains("\nLIFECYCLE             prospect: never ordered."), text);
        assertTrue(text.contains("\n  earlier rules       none: it is the first rule\n"), text);
        assertTrue(text.contains("\nLAST SEGMENT CHANGES\n  none recorded\n"), text);
        JsonNode json = new ObjectMapper().readTree(ExplainJson.of(e));
        assertEquals(0, json.get("scores").size());
        assertEquals(0, json.get("earlier_rules").size());
        assertTrue(json.get("config_agrees").asBoolean());
    }
}
