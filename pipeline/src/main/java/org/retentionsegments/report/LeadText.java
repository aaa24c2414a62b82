package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.core.config.LeadScoring;
import org.retentionsegments.core.config.LeadScoring.LeadClass;
import org.retentionsegments.core.config.LeadScoring.Signal;

/**
 * LEAD SCORING (seed 001's output format): the points of {@code lead_scoring.yaml} by category and
 * signal, the thresholds, how many customers each class holds at the refresh, and how each class
 * went on to buy ({@code lead_scoring_validation}).
 */
final class LeadText {

    static final String TITLE = "LEAD SCORING";
    private static final int[] WIDTHS = {12, 20, 46, 10};

    private LeadText() {}

    /** A class's customers at the refresh. */
    record ClassCount(String leadClass, long customers) {}

    /** A class's conversion over every snapshot whose horizon has passed. */
    record Conversion(int horizonDays, String leadClass, long scored, long converted, int snapshots) {
        double rate() {
            return scored == 0 ? 0 : converted / (double) scored;
        }
    }

    /**
     * What the report shows of the warehouse's lead scores.
     *
     * @param counts customers per class at the report's refresh
     * @param conversions lead_scoring_validation summed over its snapshots, per horizon and class
     */
    record Leads(List<ClassCount> counts, List<Conversion> conversions) {
        static final Leads NONE = new Leads(List.of(), List.of());
    }

    /** The seed's name of a class: "Warm Lead (MQL)". */
    static String className(LeadClass c) {
        return switch (c) {
            case COLD -> "Cold Lead";
            case WARM -> "Warm Lead (MQL)";
            case HOT -> "Hot Lead (SQL)";
            case SALES_READY -> "Sales Ready";
        };
    }

    static String scope(LeadScoring scoring) {
        return "Scores " + (scoring.scope() == LeadScoring.Scope.ALL ? "every customer"
                : "prospects (customers who never ordered)") + " at every refresh, 0-100; engagement counts halve every "
                + Fmt.plain(scoring.halfLifeDays()) + " days and stop counting after 90.";
    }

    static String render(LeadScoring scoring, Leads leads) {
        StringBuilder out = new StringBuilder(TITLE).append("\n------------\n");
        out.append(Fmt.wrap("", "", scope(scoring), TextReport.WIDTH));
        out.append(line("Category", "Signal", "Counts", "Points"));
        out.append(line("-".repeat(WIDTHS[0]), "-".repeat(WIDTHS[1]), "-".repeat(WIDTHS[2]), "-".repeat(WIDTHS[3])));
        for (Signal s : scoring.signals()) {
            out.append(line(s.category().isEmpty() ? Fmt.NONE : s.category(), s.name(), s.rule(), s.pointsText()));
        }
        out.append("\nThresholds:\n");
        for (LeadClass c : LeadClass.values()) {
            out.append("  ").append(Fmt.left(className(c) + ":", 18)).append(scoring.range(c)).append('\n');
        }
        out.append('\n').append(Fmt.wrap("Now:      ", "          ", now(leads), TextReport.WIDTH));
        out.append(Fmt.wrap("Outcome:  ", "          ", outcome(leads), TextReport.WIDTH));
        return out.toString();
    }

    /** "4,798 scored: Cold Lead 4,700 (98.0 %), ..." at the refresh. */
    static String now(Leads leads) {
        long total = leads.counts().stream().mapToLong(ClassCount::customers).sum();
        if (total == 0) {
            return "no customer has a lead score at this refresh (none of the scored kind, or a warehouse written"
                    + " before lead scoring).";
        }
        List<String> parts = new ArrayList<>();
        for (LeadClass c : LeadClass.values()) {
            long n = leads.counts().stream().filter(k -> k.leadClass().equals(c.label()))
                    .mapToLong(ClassCount::customers).sum();
            parts.add(className(c) + " " + Fmt.count(n) + " (" + Fmt.pct(n / (double) total) + ")");
        }
        return Fmt.count(total) + " scored: " + String.join(", ", parts) + ".";
    }

    /** How each class converted within the shortest horizon, and whether hotter classes did better. */
    static String outcome(Leads leads) {
        if (leads.conversions().isEmpty()) {
            return "not measurable yet: lead_scoring_validation needs a kept snapshot whose 30-day horizon has"
                    + " passed.";
        }
        int horizon = leads.conversions().stream().mapToInt(Conversion::horizonDays).min().orElseThrow();
        List<Conversion> rows = leads.conversions().stream().filter(c -> c.horizonDays() == horizon).toList();
        int snapshots = rows.stream().mapToInt(Conversion::snapshots).max().orElse(0);
        List<String> parts = new ArrayList<>();
        double previous = -1;
        boolean rising = true;
        int classes = 0;
        for (LeadClass c : LeadClass.values()) {
            for (Conversion r : rows) {
                if (r.leadClass().equals(c.label()) && r.scored() > 0) {
                    parts.add(className(c) + " " + Fmt.pct(r.rate()) + " of " + Fmt.count(r.scored()));
                    rising &= r.rate() > previous;
                    previous = r.rate();
                    classes++;
                }
            }
        }
        String reading = classes < 2 ? "only one class has customers, so the points cannot be judged yet."
                : rising ? "each hotter class converted more: the points rank leads in the right order."
                : "a hotter class converted less than a colder one: review the points in lead_scoring.yaml.";
        return "bought within " + horizon + " days of a kept refresh (lead_scoring_validation, " + snapshots
                + " snapshot" + (snapshots == 1 ? "" : "s") + "): " + String.join("; ", parts) + ". Reading: " + reading;
    }

    private static String line(String... cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            out.append(i == 0 ? "" : " | ").append(i == cells.length - 1 ? cells[i] : Fmt.left(cells[i], WIDTHS[i]));
        }
        return out.toString().stripTrailing() + "\n";
    }
}
