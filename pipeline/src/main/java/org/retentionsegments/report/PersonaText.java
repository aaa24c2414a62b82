package org.retentionsegments.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.retentionsegments.core.config.Persona;
import org.retentionsegments.report.ReportData.PersonaRow;
import org.retentionsegments.report.ReportData.Share;

/**
 * The persona card of a segment (seed 001 §5 template), without layout; shared by the text and
 * HTML reports. The behaviour comes from the view segment_persona (the current refresh), where the
 * template has demographics; goals, pain points, behaviour and messaging come from the
 * {@code persona:} of segments.yaml.
 */
final class PersonaText {

    /** One labelled line of a card. */
    record Line(String label, String text) {}

    private PersonaText() {}

    /** The segments that get a card: those with a persona in segments.yaml or customers now. */
    static List<ReportSegment> cards(List<ReportSegment> segments, ReportData data) {
        return segments.stream()
                .filter(s -> (s.definition() != null && !s.definition().persona().isEmpty())
                        || data.persona(s.name()) != null)
                .toList();
    }

    /** What the cards hold and where it comes from. */
    static String intro(ReportData data) {
        LocalDate measured = data.personas().isEmpty() ? null : data.personas().get(0).asOf();
        String when = measured == null ? "no customers in the current refresh"
                : "the customers of the current refresh, as of " + measured
                        + (measured.equals(data.asOf()) ? "" : " (the segments above are of the kept refresh of "
                        + data.asOf() + ")");
        return "Seed 001 template. Behaviour is measured in the warehouse (view segment_persona: medians and"
                + " shares of " + when + "); goals, pain points, behavior and messaging are the persona of"
                + " segments.yaml.";
    }

    /** {@code 412 customers now}, and a note when segments.yaml no longer defines the segment. */
    static String tag(ReportSegment s, PersonaRow p) {
        String size = p == null ? "no customers now" : Fmt.customers(p.customers()) + " now";
        return s.definition() == null ? size + "; not in segments.yaml" : size;
    }

    /** The measured behaviour, for a marketer: units and what each number is. */
    static List<Line> measured(PersonaRow p, int windowDays) {
        List<Line> lines = new ArrayList<>();
        if (p == null) {
            lines.add(new Line("Behaviour", "no customers in the current refresh"));
            return lines;
        }
        lines.add(new Line("Recency", p.medianRecencyDays() == null ? "no order yet"
                : "last order " + days(p.medianRecencyDays()) + " ago (median)"));
        String frequency;
        if (p.customersWithOrders() == 0) {
            frequency = "no order in the " + windowDays + "-day window";
        } else {
            frequency = orders(p.medianFrequency()) + " in the " + windowDays + "-day window (median); average"
                    + " order value " + Fmt.cents(p.avgOrderValue()) + " (net, over the "
                    + Fmt.customers(p.customersWithOrders()) + " with an order in the window)";
        }
        lines.add(new Line("Frequency", frequency));
        lines.add(new Line("Tenure", p.medianTenureDays() == null ? "no first order yet"
                : "customer for " + days(p.medianTenureDays()) + " (median since the first order)"));
        lines.add(new Line("Categories", p.topCategories().isEmpty() ? "no category bought"
                : shares(p.topCategories()) + " (share of customers for whom it is the top category)"));
        lines.add(new Line("Channel", p.topChannel() == null ? "no channel recorded"
                : Fmt.words(p.topChannel().value()) + " (the channel of most orders for "
                        + Fmt.pct0(p.topChannel().share()) + " of customers)"));
        String engagement = Fmt.pct0(p.engaged90dShare()) + " engaged in the last 90 days";
        if (!p.topEngagements().isEmpty()) {
            engagement += "; main activity " + shares(p.topEngagements()) + " (share of customers)";
        }
        lines.add(new Line("Engagement", engagement));
        lines.add(new Line("Discount use", p.avgDiscountShare() == null ? "no orders"
                : Fmt.pct0(p.avgDiscountShare()) + " of orders with a discount (average per customer)"));
        lines.add(new Line("Return rate", p.avgReturnShare() == null ? "no orders in the window"
                : Fmt.pct0(p.avgReturnShare()) + " of order value returned in the window (average per customer)"));
        lines.add(new Line("Email consent", Fmt.pct0(p.emailConsentShare()) + " consented"
                + (p.emailConsentUnknownShare() != null && p.emailConsentUnknownShare() > 0
                        ? ", " + Fmt.pct0(p.emailConsentUnknownShare()) + " unknown" : "")));
        if (p.leadScored() > 0) {
            lines.add(new Line("Lead classes", Fmt.customers(p.leadScored()) + " scored: "
                    + p.leadClasses().stream().map(l -> Fmt.words(l.value()) + " " + Fmt.pct0(l.share()))
                            .collect(Collectors.joining(", "))
                    + "; average lead score " + Fmt.dec1(p.avgLeadScore()) + " of 100"));
        }
        lines.add(new Line("Location", p.topCountries().isEmpty() ? "no country in the customers input"
                : shares(p.topCountries()) + " (share of customers)"));
        return lines;
    }

    static List<String> goals(ReportSegment s) {
        return persona(s).goals();
    }

    static List<String> painPoints(ReportSegment s) {
        return persona(s).painPoints();
    }

    /** Channels, Content, Decision, Triggers. */
    static List<Line> behavior(ReportSegment s) {
        Persona p = persona(s);
        return List.of(line("Channels", p.channels()), line("Content", p.content()), line("Decision", p.decision()),
                line("Triggers", p.triggers()));
    }

    /** Value Prop, Tone, Objections. */
    static List<Line> messaging(ReportSegment s) {
        Persona p = persona(s);
        return List.of(line("Value Prop", p.valueProp()), line("Tone", p.tone()), line("Objections", p.objections()));
    }

    private static Persona persona(ReportSegment s) {
        return s.definition() == null ? Persona.NONE : s.definition().persona();
    }

    private static Line line(String label, String text) {
        return new Line(label, text.isBlank() ? Fmt.NONE : capitalised(text.strip()));
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** {@code books 34 %, toys 20 %}. */
    private static String shares(List<Share> shares) {
        return shares.stream().map(s -> Fmt.words(s.value()) + " " + Fmt.pct0(s.share()))
                .collect(Collectors.joining(", "));
    }

    /** {@code 23 days}, {@code 1 day}. */
    static String days(double days) {
        long d = Math.round(days);
        return Fmt.count(d) + Fmt.NBSP + (d == 1 ? "day" : "days");
    }

    /** {@code 1 order}, {@code 1.5 orders}. */
    static String orders(Double orders) {
        if (orders == null) {
            return Fmt.NONE;
        }
        double rounded = Math.round(orders * 10) / 10.0;
        return Fmt.plain(rounded) + Fmt.NBSP + (rounded == 1 ? "order" : "orders");
    }
}
