package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.retentionsegments.report.ClusterCharts.Chart;

/**
 * The HTML of the report's pictures, each where its section is (sizes with the segments, the
 * Scores and tiers section, the movement heat map, the forest plots under the lift table): a chart's container (described for screen readers by its
 * title and how to read it, which also shows under it as the caption) or, when there is nothing to
 * draw, a note saying why; and the table of contents of the page's sections.
 */
final class PictureHtml {

    static final String STYLE = """
            figure.picture{margin:1em 0}figure.picture figcaption{color:#555;font-size:.9em;margin-top:.3em}
            p.note{color:#555;font-style:italic;border-left:3px solid #ccc;padding-left:.6em}
            nav.toc ol{columns:2;margin:.3em 0}@media (max-width:600px){nav.toc ol{columns:1}}
            """;

    private PictureHtml() {}

    /** Segment sizes over time, or why there are none. */
    static void sizes(StringBuilder h, List<Chart> drawn, ReportData data, PictureData pictures,
            Comparator<String> order) {
        chart(h, drawn, SegmentCharts.sizesOverTime(pictures.sizes(), order), "Segment sizes over time: needs two kept"
                + " refreshes; this warehouse keeps one up to " + data.asOf() + " (refresh.snapshot_every sets how often"
                + " a refresh is kept).");
    }

    /** The Scores and tiers section: the R x F grid, then the R, F and M distributions with their boundaries. */
    static void scores(StringBuilder h, List<Chart> drawn, ReportData data, PictureData pictures, int windowDays) {
        h.append("<h2 id=\"scores-and-tiers\">Scores and tiers</h2>\n")
                .append(Html.el("p", "The customers of the refresh of " + data.asOf() + " by score, and the raw"
                        + " values the scores were cut from.")).append('\n');
        chart(h, drawn, SegmentCharts.rfGrid(pictures.grid(), windowDays),
                "R x F grid: no customer of this refresh has an R and an F score.");
        for (String dimension : List.of("recency", "frequency", "monetary")) {
            chart(h, drawn, DistributionCharts.of(dimension, pictures.values(), data.boundaries(), windowDays),
                    "The " + dimension + " distribution: no customer of this refresh was scored on " + dimension + ".");
        }
    }

    /** The movement heat map since the previous kept refresh, or why there is none. */
    static void movement(StringBuilder h, List<Chart> drawn, ReportData data, Comparator<String> order) {
        if (data.previousAsOf() == null) {
            chart(h, drawn, null, "Movement heat map: needs two kept refreshes; this warehouse has none before "
                    + data.asOf() + ".");
            return;
        }
        Chart heat = SegmentCharts.movement(data.moves(), order, data.previousAsOf(), data.asOf());
        chart(h, drawn, heat, "Movement heat map: no customer in both kept refreshes.",
                heat == null ? 0 : Math.max(360, 150 + 26 * rows(heat)));
    }

    /** The forest plots of the lift and of the incremental revenue, or why there are none. */
    static void lift(StringBuilder h, List<Chart> drawn, ReportData data, PictureData pictures,
            Comparator<String> order) {
        List<ReportData.LiftRow> ordered = LiftText.byProgram(data.lift(), order).values().stream()
                .flatMap(List::stream).filter(ReportData.LiftRow::delivered).toList();
        Chart lift = LiftCharts.lift(ordered);
        chart(h, drawn, lift, "Lift per segment: no measured holdout yet (no delivered program has a treated and a"
                + " holdout customer whose horizon has ended), so there is no forest plot.", lift == null ? 0 : forest(lift));
        Chart revenue = LiftCharts.incrementalRevenue(ordered);
        chart(h, drawn, revenue, "Incremental revenue: no measured holdout yet, so there is nothing to draw.",
                revenue == null ? 0 : forest(revenue));
    }

    /** Pixels for a forest plot: room for each row, and for the title, legend and axis. */
    private static int forest(Chart chart) {
        return Math.max(260, 130 + 30 * rows(chart));
    }

    /** The categories of a chart's y axis. */
    private static int rows(Chart chart) {
        return ((List<?>) ((Map<?, ?>) chart.option().get("yAxis")).get("data")).size();
    }

    /** Appends {@code chart} and adds it to {@code drawn}, or {@code note} when it is null. */
    static void chart(StringBuilder h, List<Chart> drawn, Chart chart, String note) {
        chart(h, drawn, chart, note, 0);
    }

    /** The same, the container {@code height} pixels high (0: the stylesheet's height). */
    static void chart(StringBuilder h, List<Chart> drawn, Chart chart, String note, int height) {
        if (chart == null) {
            h.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n");
            return;
        }
        drawn.add(chart);
        h.append("<figure class=\"picture\">\n<div class=\"chart\" id=\"").append(Html.escape(chart.id()))
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(chart.title() + ". " + chart.reading()))
                .append('"').append(height > 0 ? " style=\"height:" + height + "px\"" : "").append("></div>\n")
                .append(Html.el("figcaption", chart.reading())).append("\n</figure>\n");
    }

    /**
     * The table of contents of {@code body}: a link to every {@code <h2 id="...">} in it, in page
     * order, with the heading's text.
     */
    static String contents(CharSequence body) {
        String page = body.toString();
        List<String> items = new ArrayList<>();
        String open = "<h2 id=\"";
        for (int at = page.indexOf(open); at >= 0; at = page.indexOf(open, at + 1)) {
            int idEnd = page.indexOf('"', at + open.length());
            int textEnd = page.indexOf("</h2>", idEnd);
            String id = page.substring(at + open.length(), idEnd);
            String text = page.substring(page.indexOf('>', idEnd) + 1, textEnd);
            items.add("<li><a href=\"#" + id + "\">" + text + "</a></li>");
        }
        return "<nav class=\"toc\" aria-label=\"Contents\"><strong>Contents</strong>\n<ol>\n"
                + String.join("\n", items) + "\n</ol>\n</nav>\n";
    }
}
