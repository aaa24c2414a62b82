package org.retentionsegments.report;

import java.util.List;
import java.util.Locale;

/**
 * An inline SVG bar chart of each segment's share of customers and of revenue: two bars per
 * segment, in report order, scaled to the largest share. No scripts, no external assets.
 */
final class SvgShareChart {

    static final String CUSTOMERS_COLOUR = "#3b6ea8";
    static final String REVENUE_COLOUR = "#d9822b";
    private static final int LABEL = 170;
    private static final int BARS = 480;
    private static final int ROW = 30;
    private static final int TOP = 28;

    private SvgShareChart() {}

    static String render(List<ReportSegment> segments) {
        double max = 0;
        for (ReportSegment s : segments) {
            max = Math.max(max, Math.max(share(s, true), share(s, false)));
        }
        double scale = max > 0 ? BARS / max : 0;
        int height = TOP + ROW * segments.size() + 4;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Share of customers and revenue per segment\">%n",
                LABEL + BARS + 70, height, LABEL + BARS + 70, height));
        svg.append(legend(LABEL, CUSTOMERS_COLOUR, "share of customers"))
                .append(legend(LABEL + 170, REVENUE_COLOUR, "share of revenue"));
        int y = TOP;
        for (ReportSegment s : segments) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>%n",
                    LABEL - 8, y + 15, Html.escape(s.name())));
            svg.append(bar(y + 2, share(s, true), scale, CUSTOMERS_COLOUR));
            svg.append(bar(y + 14, share(s, false), scale, REVENUE_COLOUR));
            y += ROW;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double share(ReportSegment s, boolean customers) {
        if (s.figures() == null) {
            return 0;
        }
        Double share = customers ? s.figures().customerShare() : s.figures().revenueShare();
        return share == null || share.isNaN() ? 0 : share;
    }

    private static String bar(int y, double share, double scale, String colour) {
        double width = share * scale;
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"11\" fill=\"%s\"/>"
                + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#333\">%s</text>%n",
                LABEL, y, width, colour, LABEL + width + 4, y + 9, Fmt.spaces(Fmt.pct(share)));
    }

    private static String legend(int x, String colour, String label) {
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"16\" font-size=\"12\">%s</text>%n", x, colour, x + 18, label);
    }
}
