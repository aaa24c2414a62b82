package org.retentionsegments.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * SCORE VALIDATION: whether the R, F, M and composite scores of the latest kept snapshot whose
 * horizon has passed sorted the customers who bought again ({@code score_validation} and
 * {@code score_validation_summary}), in words a marketer reads: a block of the text report and a
 * section of the HTML page.
 */
final class ScoreText {

    static final String TITLE = "SCORE VALIDATION";
    static final List<String> DIMENSIONS = List.of("recency", "frequency", "monetary", "composite");

    private ScoreText() {}

    /** One score value of one dimension: its customers and how many bought again. */
    record ValueRow(String dimension, int score, long customers, long retained) {
        double rate() {
            return customers == 0 ? 0 : retained / (double) customers;
        }
    }

    /** One score's figures: ROC AUC for buying again, Spearman correlation with later revenue. */
    record Summary(String dimension, long customers, long retained, Double auc, Double spearman) {}

    /**
     * The validation the report shows.
     *
     * @param asOf the latest kept snapshot whose longest horizon has passed; null when none has
     * @param horizonDays that horizon (the longest of score_validation_summary), 0 when none
     * @param values score_validation's score rows at {@code asOf} and the horizon
     * @param summaries score_validation_summary's rows at {@code asOf} and the horizon
     * @param firstSnapshot the earliest kept snapshot with scored customers, null when none
     * @param lastDay the last activity day in the warehouse, null when none
     */
    record Validation(LocalDate asOf, int horizonDays, List<ValueRow> values, List<Summary> summaries,
            LocalDate firstSnapshot, LocalDate lastDay) {

        Validation {
            values = List.copyOf(values);
            summaries = List.copyOf(summaries);
        }

        List<ValueRow> values(String dimension) {
            return values.stream().filter(v -> v.dimension().equals(dimension) && v.customers() > 0).toList();
        }

        /** The row of one score value, or null when no customer had it. */
        ValueRow value(String dimension, int score) {
            return values(dimension).stream().filter(r -> r.score() == score).findFirst().orElse(null);
        }

        Summary summary(String dimension) {
            return summaries.stream().filter(s -> s.dimension().equals(dimension)).findFirst().orElse(null);
        }
    }

    /** The shortest horizon of score_validation: the first a snapshot can be judged on. */
    static final int FIRST_HORIZON_DAYS = 30;

    static String render(Validation v) {
        StringBuilder out = new StringBuilder(TITLE).append("\n----------------\n");
        out.append(Fmt.wrap("", "", intro(v), TextReport.WIDTH));
        if (v.asOf() == null) {
            return out.toString();
        }
        out.append('\n').append(row("Retention by score", "1", "2", "3", "4", "5", "AUC", "Spearman"));
        out.append(row("-".repeat(18), "-".repeat(6), "-".repeat(6), "-".repeat(6), "-".repeat(6), "-".repeat(6),
                "-".repeat(4), "-".repeat(8)));
        for (String dimension : DIMENSIONS) {
            String[] cells = new String[8];
            cells[0] = label(dimension);
            for (int score = 1; score <= 5; score++) {
                ValueRow row = v.value(dimension, score);
                cells[score] = row == null ? Fmt.NONE : Fmt.pct0(row.rate());
            }
            Summary summary = v.summary(dimension);
            cells[6] = summary == null ? Fmt.NONE : auc(summary.auc());
            cells[7] = summary == null ? Fmt.NONE : spearman(summary.spearman());
            out.append(row(cells));
        }
        out.append('\n');
        for (String dimension : DIMENSIONS) {
            out.append(Fmt.wrap("- ", "  ", sentence(v, dimension), TextReport.WIDTH));
        }
        out.append('\n').append(Fmt.wrap("", "", legend(), TextReport.WIDTH));
        return out.toString();
    }

    /** Which snapshot and horizon, how many customers and how many bought again; or why none yet. */
    static String intro(Validation v) {
        if (v.asOf() == null) {
            if (v.firstSnapshot() == null) {
                return "Not measurable yet: no kept snapshot has customers with scores.";
            }
            LocalDate ready = v.firstSnapshot().plusDays(FIRST_HORIZON_DAYS - 1);
            return "Not measurable yet: no kept snapshot has had its " + FIRST_HORIZON_DAYS + " days to see who"
                    + " buys again. The first, " + v.firstSnapshot() + ", can be judged once the data reach " + ready
                    + (v.lastDay() == null ? "" : " (they end on " + v.lastDay() + ")") + ".";
        }
        Summary any = v.summaries().isEmpty() ? null : v.summaries().get(0);
        long customers = any == null ? 0 : any.customers();
        double rate = customers == 0 ? 0 : any.retained() / (double) customers;
        return "Did the scores sort the customers who bought again? The latest kept snapshot whose " + v.horizonDays()
                + "-day horizon has passed, " + v.asOf() + ": " + Fmt.count(customers) + " customers with orders, of"
                + " whom " + Fmt.pct(rate) + " bought again within " + v.horizonDays() + " days (score_validation,"
                + " score_validation_summary).";
    }

    /** "Customers scored 5 on recency bought again within 90 days 3.1 times as often as those scored 1 (...)". */
    static String sentence(Validation v, String dimension) {
        List<ValueRow> rows = v.values(dimension);
        String on = "composite".equals(dimension) ? "on the composite score (rounded)" : "on " + dimension;
        Summary summary = v.summary(dimension);
        String auc = summary == null || summary.auc() == null ? ""
                : "; AUC " + auc(summary.auc()) + ", " + grade(summary.auc());
        if (rows.isEmpty()) {
            return "No customer was scored " + on + auc + ".";
        }
        ValueRow low = rows.get(0);
        ValueRow high = rows.get(rows.size() - 1);
        String within = " within " + v.horizonDays() + " days";
        if (low.score() == high.score()) {
            return "Every customer was scored " + high.score() + " " + on + ": " + Fmt.pct(high.rate())
                    + " bought again" + within + auc + ".";
        }
        String figures = " (" + Fmt.pct(high.rate()) + " against " + Fmt.pct(low.rate()) + ")";
        String compared;
        if (high.rate() == 0 && low.rate() == 0) {
            compared = "Neither the customers scored " + high.score() + " " + on + " nor those scored " + low.score()
                    + " bought again" + within;
        } else if (low.rate() == 0) {
            compared = Fmt.pct(high.rate()) + " of the customers scored " + high.score() + " " + on + " bought again"
                    + within + ", none of those scored " + low.score();
        } else if (high.rate() >= low.rate()) {
            compared = "Customers scored " + high.score() + " " + on + " bought again" + within + " "
                    + Fmt.dec1(high.rate() / low.rate()) + " times as often as those scored " + low.score() + figures;
        } else {
            compared = "Customers scored " + high.score() + " " + on + " bought again" + within
                    + " less often than those scored " + low.score() + figures;
        }
        return compared + auc + ".";
    }

    static String legend() {
        return "AUC: how well each score sorts future buyers, the chance that a customer who bought again scored"
                + " higher than one who did not (ties count half): 0.5 = coin toss, 1 = perfect. Spearman: how"
                + " closely the score's order follows the revenue that followed, -1 to 1.";
    }

    /** The HTML report's Score validation section: retention by score value, AUC and Spearman per score, the sentences. */
    static void html(StringBuilder h, Validation v) {
        h.append("<h2 id=\"score-validation\">Score validation</h2>\n").append(Html.el("p", intro(v))).append('\n');
        if (v.asOf() == null) {
            return;
        }
        h.append("<table>\n<tr><th>Bought again within ").append(v.horizonDays()).append(" days, by score</th>");
        for (int score = 1; score <= 5; score++) {
            h.append("<th class=\"n\">").append(score).append("</th>");
        }
        h.append("<th class=\"n\">AUC</th><th class=\"n\">Spearman with revenue</th></tr>\n");
        for (String dimension : DIMENSIONS) {
            h.append("<tr>").append(Html.el("td", label(dimension)));
            for (int score = 1; score <= 5; score++) {
                ValueRow row = v.value(dimension, score);
                cell(h, row == null ? Fmt.NONE : Fmt.pct(row.rate()) + " of " + Fmt.count(row.customers()));
            }
            Summary summary = v.summary(dimension);
            cell(h, summary == null ? Fmt.NONE : auc(summary.auc()));
            cell(h, summary == null ? Fmt.NONE : spearman(summary.spearman()));
            h.append("</tr>\n");
        }
        h.append("</table>\n<ul>\n");
        for (String dimension : DIMENSIONS) {
            h.append(Html.el("li", sentence(v, dimension))).append('\n');
        }
        h.append("</ul>\n").append(Html.el("p", legend())).append('\n');
    }

    private static void cell(StringBuilder h, String text) {
        h.append("<td class=\"n\">").append(Html.escape(text)).append("</td>");
    }

    /** The usual reading of an AUC (Hosmer and Lemeshow, Applied Logistic Regression, 2000). */
    static String grade(double auc) {
        if (auc < 0.5) {
            return "worse than a coin toss";
        }
        if (auc == 0.5) {
            return "no better than a coin toss";
        }
        if (auc < 0.6) {
            return "little better than a coin toss";
        }
        if (auc < 0.7) {
            return "weak";
        }
        if (auc < 0.8) {
            return "acceptable";
        }
        return auc < 0.9 ? "excellent" : "outstanding";
    }

    static String auc(Double auc) {
        return auc == null ? Fmt.NONE : String.format(Locale.ROOT, "%.2f", auc);
    }

    static String spearman(Double rho) {
        return rho == null ? Fmt.NONE : String.format(Locale.ROOT, "%+.2f", rho);
    }

    static String label(String dimension) {
        return Character.toUpperCase(dimension.charAt(0)) + dimension.substring(1);
    }

    private static String row(String... cells) {
        StringBuilder out = new StringBuilder(Fmt.left(cells[0], 18));
        for (int i = 1; i < cells.length; i++) {
            out.append(" | ").append(Fmt.right(Fmt.spaces(cells[i]), i == cells.length - 1 ? 8 : i == 6 ? 4 : 6));
        }
        return out.toString().stripTrailing() + "\n";
    }
}
