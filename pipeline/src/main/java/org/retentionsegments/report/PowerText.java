package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Below the holdout lift: the holdouts too small to see the lift they are there for (view
 * {@code holdout_power}), each in one sentence a marketer can act on.
 */
final class PowerText {

    private PowerText() {}

    /** One row of holdout_power. */
    record PowerRow(String program, String segment, long treated, long holdout, Double holdoutShare,
            Double minimumDetectableLift, double targetLift, Boolean underpowered, Double holdoutShareNeeded) {

        boolean all() {
            return "ALL".equals(segment);
        }
    }

    /** The sentences of the underpowered rows, by program, the ALL row first, then in report order. */
    static List<String> sentences(List<PowerRow> rows, Comparator<String> segmentOrder) {
        List<PowerRow> under = new ArrayList<>(rows.stream().filter(r -> Boolean.TRUE.equals(r.underpowered())).toList());
        under.sort(Comparator.comparing(PowerRow::program).thenComparing((PowerRow r) -> !r.all())
                .thenComparing(PowerRow::segment, segmentOrder));
        return under.stream().map(PowerText::sentence).toList();
    }

    /** "always_on, Champions: sees lifts of 6.9 points or more, not its target of 5.0; it needs a holdout of 22 % (now 10 %)." */
    static String sentence(PowerRow r) {
        String who = r.program() + ", " + (r.all() ? "all segments" : r.segment());
        String sees = ": sees lifts of " + Fmt.dec1(100 * r.minimumDetectableLift()) + " points or more, not its target of "
                + Fmt.dec1(100 * r.targetLift());
        String fix = r.holdoutShareNeeded() == null
                ? "; no holdout share can show the target with " + Fmt.count(r.treated() + r.holdout())
                + " customers: let it run longer or pool segments"
                : "; it needs a holdout of " + Fmt.pct0(r.holdoutShareNeeded()) + " (now " + Fmt.pct0(r.holdoutShare()) + ")";
        return who + sees + fix + ".";
    }

    static String intro(int count) {
        return (count == 1 ? "1 holdout is too small to see the lift its strategy targets"
                : count + " holdouts are too small to see the lifts their strategies target")
                + " (holdout_power: the smallest lift seen 4 times in 5 at 5 % significance):";
    }

    static String render(List<PowerRow> rows, Comparator<String> segmentOrder) {
        List<String> sentences = sentences(rows, segmentOrder);
        if (sentences.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n").append(Fmt.wrap("", "", intro(sentences.size()), TextReport.WIDTH));
        for (String s : sentences) {
            out.append(Fmt.wrap("- ", "  ", s, TextReport.WIDTH));
        }
        return out.toString();
    }

    static void html(StringBuilder h, List<PowerRow> rows, Comparator<String> segmentOrder) {
        List<String> sentences = sentences(rows, segmentOrder);
        if (sentences.isEmpty()) {
            return;
        }
        h.append(Html.el("p", intro(sentences.size()))).append("\n<ul class=\"warn\">\n");
        for (String s : sentences) {
            h.append(Html.el("li", s)).append('\n');
        }
        h.append("</ul>\n");
    }
}
