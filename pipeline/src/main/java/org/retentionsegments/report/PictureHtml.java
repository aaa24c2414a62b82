package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.report.ClusterCharts.Chart;

/**
 * The HTML of the report's pictures: a chart's container (described for screen readers by its
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
