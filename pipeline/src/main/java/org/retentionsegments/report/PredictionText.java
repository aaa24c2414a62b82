package org.retentionsegments.report;

import java.time.LocalDate;
import java.util.List;

/**
 * PREDICTED VALUE: what {@code ./segments predict} expects of each segment (segment_predicted_value)
 * and how well an earlier prediction foresaw the time since (prediction_validation_summary), in
 * words a marketer reads: a block of the text report and a section of the HTML page. Absent when
 * the warehouse has no prediction.
 */
final class PredictionText {

    static final String TITLE = "PREDICTED VALUE";

    private PredictionText() {}

    /** One segment at the latest prediction. */
    record SegmentValue(String segment, long customers, double meanPAlive, long likelyLost, double expectedOrders,
            Double predictedValue, Double valueAtRisk, Double valueAtRiskShare) {}

    /** How a prediction whose horizon has passed did. */
    record Check(LocalDate asOf, int horizonDays, long customers, double expectedOrders, long actualOrders,
            Double expectedValue, double actualRevenue, Double aucPAlive, Double aucExpectedOrders) {}

    /** The fitted models of the latest prediction (prediction_fit); the spend parameters null without a spend fit. */
    record Fit(double r, double alpha, double a, double b, boolean converged, Double p, Double q, Double gamma,
            Boolean spendConverged) {}

    /**
     * @param asOf the latest prediction; null when the warehouse has none
     * @param fit its fitted models
     * @param horizonDays its horizon
     * @param segments its segments, highest value at risk first
     * @param check the latest prediction whose horizon has passed, null when none has
     */
    record Predictions(LocalDate asOf, int horizonDays, Fit fit, List<SegmentValue> segments, Check check) {

        static final Predictions NONE = new Predictions(null, 0, null, List.of(), null);

        Predictions {
            segments = List.copyOf(segments);
        }
    }

    static String render(Predictions p) {
        StringBuilder out = new StringBuilder(TITLE).append("\n---------------\n");
        out.append(Fmt.wrap("", "", intro(p), TextReport.WIDTH)).append('\n');
        out.append(row("Segment", "Customers", "P(alive)", "Likely lost", "Expected value", "Value at risk", "Share"));
        out.append(row("-".repeat(22), "-".repeat(9), "-".repeat(8), "-".repeat(11), "-".repeat(14), "-".repeat(13),
                "-".repeat(5)));
        for (SegmentValue s : p.segments()) {
            out.append(row(s.segment(), Fmt.count(s.customers()), Fmt.pct0(s.meanPAlive()), Fmt.count(s.likelyLost()),
                    Fmt.money(s.predictedValue()), Fmt.money(s.valueAtRisk()), Fmt.pct0(s.valueAtRiskShare())));
        }
        out.append('\n').append(Fmt.wrap("", "", model(p.fit()), TextReport.WIDTH));
        out.append('\n').append(Fmt.wrap("", "", check(p.check()), TextReport.WIDTH));
        out.append('\n').append(Fmt.wrap("", "", legend(p.horizonDays()), TextReport.WIDTH));
        return out.toString();
    }

    static String intro(Predictions p) {
        double value = 0;
        double orders = 0;
        long customers = 0;
        for (SegmentValue s : p.segments()) {
            value += s.predictedValue() == null ? 0 : s.predictedValue();
            orders += s.expectedOrders();
            customers += s.customers();
        }
        String top = p.segments().isEmpty() || p.segments().get(0).valueAtRisk() == null ? ""
                : " The most value at risk is in " + p.segments().get(0).segment() + " ("
                + Fmt.money(p.segments().get(0).valueAtRisk()) + ", " + Fmt.pct0(p.segments().get(0).valueAtRiskShare())
                + " of it): the retention upside of winning them back.";
        return "As of " + p.asOf() + ", the " + Fmt.count(customers) + " customers with orders are expected to order on "
                + Fmt.count(Math.round(orders)) + " days in the next " + p.horizonDays() + " days, worth "
                + Fmt.money(value) + " (BG/NBD and Gamma-Gamma models, segment_predicted_value)." + top;
    }

    /** The fitted parameters, and a warning when a maximisation did not settle. */
    static String model(Fit f) {
        if (f == null) {
            return "";
        }
        String purchases = String.format(java.util.Locale.ROOT, "BG/NBD r %.3f, alpha %.3f, a %.3f, b %.3f", f.r(),
                f.alpha(), f.a(), f.b());
        String spend = f.p() == null ? "no Gamma-Gamma fit (no repeat customer with positive repeat revenue)"
                : String.format(java.util.Locale.ROOT, "Gamma-Gamma p %.3f, q %.3f, gamma %.2f", f.p(), f.q(), f.gamma());
        boolean settled = f.converged() && !Boolean.FALSE.equals(f.spendConverged());
        return "Fitted models (prediction_fit): " + purchases + "; " + spend + "."
                + (settled ? "" : " A maximisation did not settle within its budget: treat these figures with care.");
    }

    static String check(Check c) {
        if (c == null) {
            return "Not checked yet: no prediction's horizon has passed (run ./segments predict --as-of an earlier day"
                    + " to see how well it foresees what followed).";
        }
        String ratio = c.actualOrders() == 0 ? "" : " (" + Fmt.pct0(c.expectedOrders() / c.actualOrders())
                + " of what happened)";
        String value = c.expectedValue() == null ? "" : "; worth " + Fmt.money(c.expectedValue()) + " expected against "
                + Fmt.money(c.actualRevenue()) + " spent";
        String auc = c.aucExpectedOrders() == null ? ""
                : ". The expected orders sorted who bought again with an AUC of " + ScoreText.auc(c.aucExpectedOrders())
                + " (" + ScoreText.grade(c.aucExpectedOrders()) + "), P(alive) alone with "
                + ScoreText.auc(c.aucPAlive()) + " (" + ScoreText.grade(c.aucPAlive()) + ")";
        return "Checked on the prediction of " + c.asOf() + ": over the " + c.horizonDays() + " days that followed, the "
                + Fmt.count(c.customers()) + " customers were expected to order on " + Fmt.count(Math.round(c.expectedOrders()))
                + " days and ordered on " + Fmt.count(c.actualOrders()) + ratio + value + auc
                + " (prediction_validation_summary).";
    }

    static String legend(int horizonDays) {
        return "P(alive): the chance a customer is still buying. Likely lost: P(alive) below 50 %. Expected value:"
                + " revenue expected in the next " + horizonDays + " days. Value at risk: what the customers who have"
                + " probably stopped would bring if they had not, (1 - P(alive)) x their value if still buying. The"
                + " model takes a customer with a single order as alive: their risk shows as a low expected value,"
                + " not in P(alive).";
    }

    static void html(StringBuilder h, Predictions p) {
        h.append("<h2 id=\"predicted-value\">Predicted value</h2>\n").append(Html.el("p", intro(p))).append('\n');
        h.append("<table>\n<tr><th>Segment</th><th class=\"n\">Customers</th><th class=\"n\">P(alive)</th>"
                + "<th class=\"n\">Likely lost</th><th class=\"n\">Expected value</th><th class=\"n\">Value at risk</th>"
                + "<th class=\"n\">Share of the risk</th></tr>\n");
        for (SegmentValue s : p.segments()) {
            h.append("<tr>").append(Html.el("td", s.segment()));
            for (String cell : List.of(Fmt.count(s.customers()), Fmt.pct0(s.meanPAlive()), Fmt.count(s.likelyLost()),
                    Fmt.money(s.predictedValue()), Fmt.money(s.valueAtRisk()), Fmt.pct0(s.valueAtRiskShare()))) {
                h.append("<td class=\"n\">").append(Html.escape(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n").append(Html.el("p", model(p.fit()))).append('\n')
                .append(Html.el("p", check(p.check()))).append('\n')
                .append(Html.el("p", legend(p.horizonDays()))).append('\n');
    }

    private static String row(String... cells) {
        StringBuilder out = new StringBuilder(Fmt.left(cells[0], 22));
        int[] widths = {0, 9, 8, 11, 14, 13, 5};
        for (int i = 1; i < cells.length; i++) {
            out.append(" | ").append(Fmt.right(Fmt.spaces(cells[i]), widths[i]));
        }
        return out.toString().stripTrailing() + "\n";
    }
}
