package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.report.ReportData.LiftRow;
import org.retentionsegments.report.ReportData.Move;
import org.retentionsegments.report.ReportData.SegmentRow;
import org.retentionsegments.warehouse.PictureQueries.RfCell;
import org.retentionsegments.warehouse.PictureQueries.Size;
import org.retentionsegments.warehouse.PictureQueries.ValueCount;

/**
 * The pictures on the HTML page, from literal report data: a segment name that is hostile HTML
 * stays text everywhere (chart options, labels, captions), a warehouse with one kept refresh or
 * no holdout gets a note instead of an empty chart, and the table of contents links every section.
 */
class HtmlReportPicturesTest {

    static final String HOSTILE = "</script><img src=x onerror=alert(1)>";
    static final LocalDate JAN = PictureChartsTest.JAN;
    static final LocalDate FEB = PictureChartsTest.FEB;
    static final ConfigBundle CONFIG = ConfigBundle.loadDefault();

    /** The page of two segments, one named {@link #HOSTILE}, with two kept refreshes and a program. */
    static String page(String name, boolean twoRefreshes, boolean holdout) {
        List<SegmentRow> segments = List.of(segment("Loyal", 6), segment(name, 4));
        List<Move> moves = twoRefreshes ? List.of(new Move("Loyal", name, 2, 0.4), new Move(name, name, 3, 1.0))
                : List.of();
        List<LiftRow> lift = holdout ? List.of(PictureChartsTest.lift("winback", "ALL", 0.07, 0.02, 0.12, 700.0),
                PictureChartsTest.lift("winback", name, 0.1, -0.01, 0.21, 400.0, 280.0, 520.0)) : List.of();
        ReportData data = new ReportData("jdbc:duckdb:test", FEB, twoRefreshes ? JAN : null, segments, moves, lift,
                null, LeadText.Leads.NONE, List.of(), List.of(PictureChartsTest.boundary("recency", 5, null, 30.0),
                        PictureChartsTest.boundary("recency", 4, 30.0, 90.0)), null, List.of(),
                new ScoreText.Validation(null, 0, List.of(), List.of(), null, null), PredictionText.Predictions.NONE, List.of(),
                List.of(), SignalText.Signals.NONE, null, List.of());
        List<Size> sizes = new ArrayList<>(List.of(new Size(FEB, "Loyal", 6), new Size(FEB, name, 4)));
        if (twoRefreshes) {
            sizes.add(new Size(JAN, name, 5));
        }
        PictureData pictures = new PictureData(sizes, List.of(new RfCell(5, 5, 6, 300.0), new RfCell(1, 1, 4, 20.0)),
                List.of(new ValueCount("recency", 10, 6), new ValueCount("recency", 200, 4),
                        new ValueCount("frequency", 1, 10), new ValueCount("monetary", 50, 10)));
        return HtmlReport.render(data, CONFIG, null, pictures);
    }

    static SegmentRow segment(String name, long customers) {
        return new SegmentRow(name, customers, customers / 10.0, 100.0 * customers, customers / 10.0, 0.0, 30.0, 2.0,
                50.0, 0.0, 0.0, 0.0, 0.0, 1.0, null, null, 2.0, 100.0, 60.0, 0);
    }

    @Test
    void aHostileSegmentNameStaysTextInTheChartsAndThePage() throws Exception {
        String page = page(HOSTILE, true, true);
        String html = page.replace(ClusterPlots.echarts(), "ECHARTS");
        assertFalse(html.contains("<img"), "no element made of the name");
        assertFalse(html.contains(HOSTILE), "the name never appears raw");
        assertEquals(3, count(html, "<script"), "the options, ECharts and the lines that start them");
        assertEquals(3, count(html, "</script>"), "no script element ended early");
        JsonNode options = ClusterPlotsTest.options(html);
        assertEquals(List.of("pic-sizes", "pic-rf-grid", "pic-dist-recency", "pic-dist-frequency", "pic-dist-monetary",
                "pic-movement", "pic-lift", "pic-revenue"), names(options));
        assertEquals(HOSTILE, options.at("/pic-sizes/series/1/name").asText(), "the name, intact, as data");
        assertTrue(html.contains("\"\\u003C/script\\u003E\\u003Cimg src=x onerror=alert(1)\\u003E\""),
                "escaped in the JSON");
        assertTrue(options.at("/pic-lift/yAxis/data/1").asText().equals(HOSTILE));
        assertTrue(html.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"), "escaped in the text");
    }

    @Test
    void oneKeptRefreshGetsNotesInsteadOfTheSizesAndTheMovement() throws Exception {
        String html = page("Lost", false, true);
        assertTrue(html.contains("<p class=\"note\">Segment sizes over time: needs two kept refreshes; this warehouse"
                + " keeps one up to 2025-02-01"), html);
        assertTrue(html.contains("<p class=\"note\">Movement heat map: needs two kept refreshes"), html);
        JsonNode options = ClusterPlotsTest.options(html);
        assertFalse(options.has("pic-sizes") || options.has("pic-movement"), options.toString());
        assertFalse(html.contains("id=\"pic-sizes\"") || html.contains("id=\"pic-movement\""));
    }

    @Test
    void withoutHoldoutDataTheForestPlotSaysSo() throws Exception {
        String html = page("Lost", true, false);
        assertTrue(html.contains("<p class=\"note\">Lift per segment: no measured holdout yet"), html);
        assertFalse(ClusterPlotsTest.options(html).has("pic-lift"));
    }

    @Test
    void theContentsLinkEverySectionAndEveryChartIsDescribed() {
        String html = page("Lost", true, true);
        Matcher h2 = Pattern.compile("<h2( id=\"([^\"]+)\")?>").matcher(html);
        int sections = 0;
        while (h2.find()) {
            assertTrue(h2.group(2) != null, "every section has an anchor: " + h2.group());
            assertTrue(html.contains("<li><a href=\"#" + h2.group(2) + "\">"), h2.group(2));
            sections++;
        }
        assertTrue(sections >= 6, "Segments, Scores and tiers, Personas?, movement, lift, score validation, leads");
        assertTrue(html.contains("<h1>SEGMENTATION STRATEGY</h1>\n<nav class=\"toc\" aria-label=\"Contents\">"),
                "the contents under the title");
        Matcher chart = Pattern.compile("<div class=\"chart\" id=\"([^\"]+)\"([^>]*)>").matcher(html);
        while (chart.find()) {
            assertTrue(chart.group(2).contains("role=\"img\" aria-label=\""), chart.group());
        }
    }

    private static List<String> names(JsonNode options) {
        List<String> names = new ArrayList<>();
        options.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
