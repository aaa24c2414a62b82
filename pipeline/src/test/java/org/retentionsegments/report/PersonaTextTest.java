package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retentionsegments.report.ReportData.PersonaRow;
import org.retentionsegments.report.ReportData.Share;

/** The measured lines of a persona card: units, singulars, and what is left out. */
class PersonaTextTest {

    private static List<String> measured(PersonaRow row) {
        return PersonaText.measured(row, 365).stream().map(l -> l.label() + ": " + Fmt.spaces(l.text())).toList();
    }

    @Test
    void oneOfEachIsSingularAndUnscoredCustomersHaveNoLeadLine() {
        PersonaRow row = new PersonaRow(LocalDate.parse("2024-03-01"), "Single", 1, 1, 1.0, 1.0, 12.5, 1.0,
                List.of(new Share("garden_tools", 1.0)), new Share("mobile_app", 1.0), List.of(), 0.0, 0.0, 0.0,
                1.0, 0.0, 0, null, List.of(), List.of());
        assertEquals(List.of(
                "Recency: last order 1 day ago (median)",
                "Frequency: 1 order in the 365-day window (median); average order value $12.50 (net, over the 1"
                        + " customer with an order in the window)",
                "Tenure: customer for 1 day (median since the first order)",
                "Categories: garden tools 100 % (share of customers for whom it is the top category)",
                "Channel: mobile app (the channel of most orders for 100 % of customers)",
                "Engagement: 0 % engaged in the last 90 days",
                "Discount use: 0 % of orders with a discount (average per customer)",
                "Return rate: 0 % of order value returned in the window (average per customer)",
                "Email consent: 100 % consented",
                "Location: no country in the customers input"), measured(row));
    }

    @Test
    void aSegmentWithoutCustomersSaysSo() {
        assertEquals(List.of("Behaviour: no customers in the current refresh"), measured(null));
    }

    @Test
    void mediansAreRoundedForReading() {
        assertEquals("306 days", Fmt.spaces(PersonaText.days(305.5)));
        assertEquals("1.5 orders", Fmt.spaces(PersonaText.orders(1.5)));
        assertEquals("2 orders", Fmt.spaces(PersonaText.orders(2.04)));
        assertEquals("0 orders", Fmt.spaces(PersonaText.orders(0.0)));
    }
}
