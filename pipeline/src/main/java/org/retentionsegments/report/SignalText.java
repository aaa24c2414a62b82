package org.retentionsegments.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * SIGNALS THAT MATTER: which signals still tell, inside a segment, who bought again, ranked
 * ({@code signal_value} at the snapshot and horizon of the score validation), in words a
 * marketer reads: a block of the text report and a section of the HTML page.
 */
final class SignalText {

    static final String TITLE = "SIGNALS THAT MATTER";
    /** At or above this within-segment AUC (read in the better direction) a signal is worth using in a segment. */
    static final double USEFUL = 0.6;
    /** Below this it adds little to the segment. */
    static final double LITTLE = 0.55;

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("recency", "Recency score"),
            Map.entry("frequency", "Frequency score"),
            Map.entry("monetary", "Monetary score"),
            Map.entry("composite", "Composite score"),
            Map.entry("engagement_30d", "Engagement, 30 days"),
            Map.entry("engagement_90d", "Engagement, 90 days"),
            Map.entry("lifecycle_stage", "Lifecycle stage"),
            Map.entry("high_return_rate", "High return rate"),
            Map.entry("single_channel", "Single channel"),
            Map.entry("discount_dependent", "Discount dependent"),
            Map.entry("email_unengaged", "Email unengaged"),
            Map.entry("top_category_share", "Top category share"),
            Map.entry("tenure", "Tenure"));

    private static final List<String> FLAGS =
            List.of("high_return_rate", "single_channel", "discount_dependent", "email_unengaged");

    private SignalText() {}

    /** One row of signal_value. */
    record Row(String signal, long customers, long pairs, Double aucWithin, Double aucOverall, Double strength,
            String direction, int rank, boolean sameForAll) {}

    /**
     * The signals the report shows.
     *
     * @param asOf the snapshot of the score validation (the latest whose longest horizon has passed); null when none
     * @param horizonDays its horizon, 0 when none
     * @param rows signal_value's rows at {@code asOf} and the horizon, by rank
     */
    record Signals(LocalDate asOf, int horizonDays, List<Row> rows) {

        static final Signals NONE = new Signals(null, 0, List.of());

        Signals {
            rows = List.copyOf(rows);
        }

        long pairs() {
            return rows.stream().mapToLong(Row::pairs).max().orElse(0);
        }
    }

    /** The text block; empty before any snapshot is validated (SCORE VALIDATION says when one will be). */
    static String render(Signals s) {
        if (s.asOf() == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(TITLE).append("\n-------------------\n");
        out.append(Fmt.wrap("", "", intro(s), TextReport.WIDTH));
        if (s.pairs() == 0) {
            return out.toString();
        }
        out.append('\n').append(row("Signal", "Within segments", "All customers", "Buy again more when"));
        out.append(row("-".repeat(20), "-".repeat(15), "-".repeat(13), "-".repeat(19)));
        for (Row r : s.rows()) {
            out.append(row(label(r.signal()), ScoreText.auc(r.strength()), ScoreText.auc(overallSameWay(r)), when(r)));
        }
        out.append('\n');
        for (String sentence : sentences(s)) {
            out.append(Fmt.wrap("- ", "  ", sentence, TextReport.WIDTH));
        }
        out.append('\n').append(Fmt.wrap("", "", legend(), TextReport.WIDTH));
        return out.toString();
    }

    static String intro(Signals s) {
        if (s.pairs() == 0) {
            return "Not measurable at " + s.asOf() + ": no segment had both customers who bought again within "
                    + s.horizonDays() + " days and customers who did not.";
        }
        return "Inside a segment, which signals still tell who buys again? At " + s.asOf() + ", within "
                + s.horizonDays() + " days: each signal's AUC counted only between customers of the same segment, "
                + Fmt.count(s.pairs()) + " pairs of one who bought again and one who did not (signal_value). 0.50 ="
                + " adds nothing to the segments; ranked by how far from 0.50, either way.";
    }

    /** The top signal in a sentence, then the useful, the some-help and the little-help signals. */
    static List<String> sentences(Signals s) {
        List<Row> measured = s.rows().stream().filter(r -> r.strength() != null && !r.sameForAll()).toList();
        String absent = String.join(", ", s.rows().stream().filter(Row::sameForAll).map(r -> noun(r.signal())).toList());
        List<String> out = new java.util.ArrayList<>();
        if (measured.isEmpty()) {
            return absent.isEmpty() ? out : List.of(absent(absent));
        }
        Row top = measured.get(0);
        if (shown(top) >= USEFUL) {
            out.add("Within a segment, " + noun(top.signal()) + " still tells who comes back (AUC "
                    + ScoreText.auc(top.strength()) + "; " + whenWords(top) + ")" + overall(top) + ".");
        } else {
            out.add("No signal adds much to the segments: the best, " + noun(top.signal()) + ", reaches an AUC of "
                    + ScoreText.auc(top.strength()) + " within them.");
        }
        List<Row> rest = measured.subList(1, measured.size());
        String useful = list(rest, USEFUL, 2);
        if (!useful.isEmpty()) {
            out.add("Also worth using inside segments: " + useful + ".");
        }
        String some = list(rest, LITTLE, USEFUL);
        if (!some.isEmpty()) {
            out.add("Some help: " + some + ".");
        }
        String little = list(rest, 0, LITTLE);
        if (!little.isEmpty()) {
            out.add("Add little beyond the segment: " + little + ".");
        }
        if (!absent.isEmpty()) {
            out.add(absent(absent));
        }
        return out;
    }

    private static String absent(String signals) {
        return "Not in these data (the same for every customer), so no help: " + signals + ".";
    }

    static String legend() {
        return "Within segments: the chance that, of two customers in the same segment, the one who bought again has"
                + " the value named in the last column (the higher value, or flagged), ties counting half: 0.50 ="
                + " coin toss, 1 = perfect. All customers: the same over every pair, segments ignored; the gap"
                + " between the two is what the segments already tell.";
    }

    /** The HTML report's Signals that matter section. */
    static void html(StringBuilder h, Signals s) {
        if (s.asOf() == null) {
            return;
        }
        h.append("<h2 id=\"signals-that-matter\">Signals that matter</h2>\n").append(Html.el("p", intro(s)))
                .append('\n');
        if (s.pairs() == 0) {
            return;
        }
        h.append("<table>\n<tr><th>Rank</th><th>Signal</th><th class=\"n\">AUC within segments</th>"
                + "<th class=\"n\">AUC all customers</th><th>Buy again more when</th></tr>\n");
        for (Row r : s.rows()) {
            h.append("<tr>").append(Html.el("td", r.strength() == null ? Fmt.NONE : String.valueOf(r.rank())))
                    .append(Html.el("td", label(r.signal())));
            h.append("<td class=\"n\">").append(ScoreText.auc(r.strength())).append("</td><td class=\"n\">")
                    .append(ScoreText.auc(overallSameWay(r))).append("</td>").append(Html.el("td", when(r)))
                    .append("</tr>\n");
        }
        h.append("</table>\n<ul>\n");
        for (String sentence : sentences(s)) {
            h.append(Html.el("li", sentence)).append('\n');
        }
        h.append("</ul>\n").append(Html.el("p", legend())).append('\n');
    }

    static String label(String signal) {
        return LABELS.getOrDefault(signal, signal);
    }

    /** The direction in a few words: "higher", "flagged", "nearer active", "-". */
    static String when(Row r) {
        if (r.direction() == null || "none".equals(r.direction())) {
            return Fmt.NONE;
        }
        boolean higher = "higher".equals(r.direction());
        if (FLAGS.contains(r.signal())) {
            return higher ? "flagged" : "not flagged";
        }
        if ("lifecycle_stage".equals(r.signal())) {
            return higher ? "nearer active" : "nearer lapsed";
        }
        return higher ? "higher" : "lower";
    }

    private static String whenWords(Row r) {
        String when = when(r);
        if (FLAGS.contains(r.signal())) {
            return "flagged".equals(when) ? "flagged customers buy again more" : "customers not flagged buy again more";
        }
        if ("lifecycle_stage".equals(r.signal())) {
            return "stages " + when + " buy again more";
        }
        return when + " values buy again more";
    }

    private static String overall(Row r) {
        Double same = overallSameWay(r);
        return same == null ? "" : ", against " + ScoreText.auc(same) + " over all customers";
    }

    /** The AUC over all customers read in the direction the signal has within segments. */
    static Double overallSameWay(Row r) {
        if (r.aucOverall() == null) {
            return null;
        }
        return "lower".equals(r.direction()) ? 1 - r.aucOverall() : r.aucOverall();
    }

    private static String noun(String signal) {
        return switch (signal) {
            case "recency", "frequency", "monetary" -> signal;
            case "composite" -> "the composite score";
            case "engagement_30d" -> "engagement in the last 30 days";
            case "engagement_90d" -> "engagement in the last 90 days";
            case "lifecycle_stage" -> "the lifecycle stage";
            case "top_category_share" -> "the top category's share of spend";
            case "tenure" -> "tenure";
            default -> "the " + label(signal).toLowerCase(java.util.Locale.ROOT) + " flag";
        };
    }

    /** The strength as printed (two decimals), so that a printed 0.60 is never called less than 0.60. */
    private static double shown(Row r) {
        return Math.round(r.strength() * 100) / 100.0;
    }

    /** "recency (0.71), tenure (0.64)" for the signals with strength in [from, to). */
    private static String list(List<Row> rows, double from, double to) {
        return String.join(", ", rows.stream().filter(r -> shown(r) >= from && shown(r) < to)
                .map(r -> noun(r.signal()) + " (" + ScoreText.auc(r.strength()) + ")").toList());
    }

    private static String row(String... cells) {
        return (Fmt.left(cells[0], 20) + " | " + Fmt.right(Fmt.spaces(cells[1]), 15) + " | "
                + Fmt.right(Fmt.spaces(cells[2]), 13) + " | " + cells[3]).stripTrailing() + "\n";
    }
}
