package org.retentionsegments.report;

import java.util.Comparator;
import java.util.List;

/**
 * Below the holdout lift: each program's lift adjusted for what its customers did before
 * treatment (view {@code holdout_lift_cuped}, CUPED), with its interval and the share of the
 * variance the adjustment took out, one sentence per program.
 */
final class CupedText {

    private CupedText() {}

    /** One row of holdout_lift_cuped; lifts and standard errors are fractions (0.07 = 7 points). */
    record CupedRow(String program, String segment, Integer horizonDays, long treated, long holdout, Double lift,
            Double liftSe, Double liftCuped, Double liftCupedSe, Double ciLow, Double ciHigh, Double theta,
            Double correlation, Double varianceReduction) {

        boolean all() {
            return "ALL".equals(segment);
        }
    }

    /** The sentences of the programs' ALL rows with a CUPED lift, by program. */
    static List<String> sentences(List<CupedRow> rows) {
        return rows.stream().filter(r -> r.all() && r.liftCuped() != null && r.ciLow() != null)
                .sorted(Comparator.comparing(CupedRow::program)).map(CupedText::sentence).toList();
    }

    /**
     * "winback: CUPED-adjusted +6.5 pts (+5.1 to +7.8); what its customers ordered and engaged in the
     * 60 days before treatment took out 15 % of the variance."
     */
    static String sentence(CupedRow r) {
        String pre = "what its customers ordered and engaged in the "
                + (r.horizonDays() == null ? "" : r.horizonDays() + " ") + "days before treatment";
        String adjusted = r.program() + ": CUPED-adjusted " + Fmt.points(r.liftCuped()) + " pts (" + Fmt.points(r.ciLow())
                + " to " + Fmt.points(r.ciHigh()) + "); ";
        if (r.varianceReduction() == null || r.varianceReduction() < 0.005) {
            return adjusted + pre + " did not predict retention, so the interval is no narrower.";
        }
        return adjusted + pre + " took out " + Fmt.pct0(r.varianceReduction()) + " of the variance.";
    }

    static String intro() {
        return "Adjusted for what each customer did before treatment (CUPED, holdout_lift_cuped; the"
                + " intervals are 95 % Wald intervals):";
    }

    static String render(List<CupedRow> rows) {
        List<String> sentences = sentences(rows);
        if (sentences.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n").append(Fmt.wrap("", "", intro(), TextReport.WIDTH));
        for (String s : sentences) {
            out.append(Fmt.wrap("- ", "  ", s, TextReport.WIDTH));
        }
        return out.toString();
    }

    static void html(StringBuilder h, List<CupedRow> rows) {
        List<String> sentences = sentences(rows);
        if (sentences.isEmpty()) {
            return;
        }
        h.append(Html.el("p", intro())).append("\n<ul>\n");
        for (String s : sentences) {
            h.append(Html.el("li", s)).append('\n');
        }
        h.append("</ul>\n");
    }
}
