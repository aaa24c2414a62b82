package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.report.ReportData.LiftRow;
import org.retentionsegments.report.ReportData.Move;
import org.retentionsegments.report.ReportData.SegmentRow;

/**
 * The SEGMENTATION STRATEGY report as one self-contained HTML page: inline CSS and SVG, a table of
 * contents, and with its pictures ({@link PictureData}) and a cluster model's Clusters section the
 * ECharts charts, their options and Apache ECharts inlined once at the end of the page.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;
            max-width:1100px;color:#222;line-height:1.4;padding:0 1em}
            h1{letter-spacing:.05em}h2{border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:.5em 0;font-size:14px}
            th,td{padding:.25em .6em;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            dl.meta{display:grid;grid-template-columns:8em 1fr;gap:.2em 1em}dl.meta dt{font-weight:600}
            section.segment{border:1px solid #ddd;border-radius:6px;padding:.4em 1em;margin:1em 0}
            section.segment h3{margin:.3em 0}.tag{color:#666;font-weight:normal;font-size:.85em}
            section.segment dl{display:grid;grid-template-columns:6em 1fr;gap:.15em 1em;margin:.3em 0}
            section.segment dt{color:#555}.empty{color:#888}tr.program td{font-weight:600;background:#f4f4f4}
            tr.reading td{font-style:italic;color:#444;border-bottom:2px solid #ccc}
            span.bar{display:inline-block;height:.8em;background:#4a7bb7;vertical-align:middle}
            ul.warn li{color:#9a3412}td.fail{color:#9a3412}
            """;

    private HtmlReport() {}

    static String render(ReportData data, ConfigBundle config) {
        return render(data, config, null, null);
    }

    /**
     * The page; with {@code pictures} (else none) its charts, with {@code clusters} (else none) the
     * Clusters section at its end.
     */
    static String render(ReportData data, ConfigBundle config, ClusterSection clusters, PictureData pictures) {
        List<ClusterCharts.Chart> drawn = new ArrayList<>();
        List<ReportSegment> segments = ReportSegment.ordered(config, data.segments());
        String tiers = TextReport.tiers(data, config);
        String value = TextReport.lifetimeValue(segments);
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Segmentation strategy as of ").append(data.asOf()).append("</title>\n<style>")
                .append(STYLE).append(SCREEN_STYLE).append(PictureHtml.STYLE)
                .append("</style>\n</head>\n<body>\n<h1>SEGMENTATION STRATEGY</h1>\n<dl class=\"meta\">\n")
                .append(Html.el("dt", "Approach")).append(Html.el("dd", TextReport.approach(config)))
                .append(Html.el("dt", "Segments")).append(Html.el("dd", TextReport.segmentCount(config, segments)))
                .append(Html.el("dt", "Data source")).append(Html.el("dd", TextReport.dataSource(data)))
                .append(data.cycle() == null ? "" : Html.el("dt", "Lifecycle") + Html.el("dd", TextReport.lifecycle(data.cycle())))
                .append(value == null ? "" : Html.el("dt", "Top value") + Html.el("dd", value))
                .append(data.contracts().isEmpty() ? "" : Html.el("dt", "Contracts")
                        + Html.el("dd", TextReport.contracts(data)))
                .append(tiers == null ? "" : Html.el("dt", "Tiers") + Html.el("dd", tiers))
                .append("\n</dl>\n");
        int contents = h.indexOf("</h1>\n") + "</h1>\n".length(); // the contents go under the title
        contracts(h, data);
        h.append("<h2 id=\"segments\">Segments</h2>\n<p>Ordered by strategy priority (1 first).</p>\n")
                .append(SvgShareChart.render(segments));
        overview(h, segments);
        int windowDays = config.pipeline().windowDays();
        if (pictures != null) {
            PictureHtml.sizes(h, drawn, data, pictures, ReportSegment.order(segments));
        }
        ScoreUnits units = ScoreUnits.of(data.boundaries(), windowDays);
        for (ReportSegment s : segments) {
            h.append("<section class=\"segment\">\n<h3>").append(Html.escape(s.name())).append(" <span class=\"tag\">[")
                    .append(Html.escape(SegmentText.tag(s))).append("]</span></h3>\n<dl>\n");
            field(h, "Size", SegmentText.size(s));
            field(h, "Criteria", SegmentText.criteria(s, config, units));
            field(h, "Profile", SegmentText.profile(s, windowDays));
            field(h, "Needs", SegmentText.needs(s));
            field(h, "Strategy", SegmentText.strategy(s));
            field(h, "KPIs", SegmentText.kpis(s));
            h.append("</dl>\n</section>\n");
        }
        if (pictures != null) {
            PictureHtml.scores(h, drawn, data, pictures, windowDays);
        }
        personas(h, data, segments, windowDays);
        movement(h, drawn, data, config, pictures == null ? null : ReportSegment.order(segments));
        lift(h, data.lift(), segments);
        CupedText.html(h, data.cuped());
        PowerText.html(h, data.power(), ReportSegment.order(segments));
        if (pictures != null) {
            PictureHtml.lift(h, drawn, data, pictures, ReportSegment.order(segments));
        }
        BudgetSection.html(h, data.budget());
        if (pictures != null && BudgetSection.moves(data.budget())) {
            PictureHtml.chart(h, drawn, BudgetChart.of(data.budget()),
                    "Budget: no segment has money today or moved.");
        }
        ValidationText.html(h, data.validation());
        ScoreText.html(h, data.scores());
        SignalText.html(h, data.signals());
        if (data.predictions().asOf() != null) {
            PredictionText.html(h, data.predictions());
        }
        leads(h, config.leadScoring(), data.leads());
        if (clusters != null) {
            drawn.addAll(clusters.html(h));
        }
        h.insert(contents, PictureHtml.contents(h.substring(contents)));
        if (!drawn.isEmpty()) {
            try {
                h.append(ClusterPlots.scripts(drawn));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the ECharts script from the class path", e);
            }
        }
        return h.append("</body>\n</html>\n").toString();
    }

    /** The Contracts section: a warning per data contract of segments.yaml that fails; none when all hold. */
    private static void contracts(StringBuilder h, ReportData data) {
        if (data.failedContracts().isEmpty()) {
            return;
        }
        h.append("<h2 id=\"contracts\">Contracts</h2>\n<p>The data contracts of segments.yaml (expect:) that fail on this refresh.</p>\n"
                + "<ul class=\"warn\">\n");
        for (org.retentionsegments.core.segment.ContractResult c : data.failedContracts()) {
            h.append(Html.el("li", "WARNING: " + c.line())).append('\n');
        }
        h.append("</ul>\n");
    }

    private static void overview(StringBuilder h, List<ReportSegment> segments) {
        h.append("<table>\n<tr><th>Segment</th><th class=\"n\">Priority</th><th class=\"n\">Customers</th>"
                + "<th class=\"n\">% of customers</th><th class=\"n\">Revenue</th><th class=\"n\">% of revenue</th>"
                + "<th class=\"n\">Revenue at risk</th></tr>\n");
        for (ReportSegment s : segments) {
            SegmentRow f = s.figures();
            h.append("<tr").append(f == null ? " class=\"empty\"" : "").append('>').append(Html.el("td", s.name()));
            num(h, s.strategy() == null ? Fmt.NONE : String.valueOf(s.strategy().priority()));
            num(h, Fmt.count(s.customers()));
            num(h, f == null ? Fmt.NONE : Fmt.pct(f.customerShare()));
            num(h, f == null ? Fmt.NONE : Fmt.money(f.revenue()));
            num(h, f == null ? Fmt.NONE : Fmt.pct(f.revenueShare()));
            num(h, f == null ? Fmt.NONE : Fmt.money(f.revenueAtRisk()));
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** The movement; with {@code order} (the pictures), its heat map or why there is none. */
    private static void movement(StringBuilder h, List<ClusterCharts.Chart> drawn, ReportData data,
            ConfigBundle config, java.util.Comparator<String> order) {
        h.append("<h2 id=\"segment-movement\">Segment movement</h2>\n");
        if (data.previousAsOf() == null) {
            h.append(Html.el("p", "No earlier kept refresh: movement shows from the second kept refresh on.")).append('\n');
            if (order != null) {
                PictureHtml.movement(h, drawn, data, order);
            }
            return;
        }
        h.append(Html.el("p", "Since the previous kept refresh, " + data.previousAsOf() + " -> " + data.asOf() + ": "
                + MovementText.summary(data.moves()))).append('\n');
        if (order != null) {
            PictureHtml.movement(h, drawn, data, order);
        }
        h.append("<table>\n<tr><th>From</th><th>To</th><th class=\"n\">Customers</th><th class=\"n\">% of from</th>"
                + "<th>Direction</th></tr>\n");
        for (Move m : MovementText.top(data.moves())) {
            h.append("<tr>").append(Html.el("td", m.from())).append(Html.el("td", m.to()));
            num(h, Fmt.count(m.customers()));
            num(h, Fmt.pct(m.shareOfFrom()));
            h.append(Html.el("td", MovementText.direction(m, config.segments()))).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void lift(StringBuilder h, List<LiftRow> rows, List<ReportSegment> segments) {
        h.append("<h2 id=\"holdout-lift\">Holdout lift</h2>\n<p>Retention = a positive order within the horizon after treatment.</p>\n");
        if (rows.isEmpty()) {
            h.append("<p>No program has a treatment whose horizon has ended yet.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>Program / segment</th><th class=\"n\">Treated</th><th class=\"n\">Holdout</th>"
                + "<th class=\"n\">Retention treated / holdout, %</th><th class=\"n\">Lift, pts [95 % CI]</th>"
                + "<th class=\"n\">p</th><th class=\"n\">Incremental revenue [95 % CI]</th>"
                + "<th class=\"n\">Cost per retained customer [95 % CI]</th></tr>\n");
        for (Map.Entry<String, List<LiftRow>> program : LiftText.byProgram(rows, ReportSegment.order(segments)).entrySet()) {
            LiftRow all = program.getValue().get(0);
            h.append("<tr class=\"program\"><td colspan=\"8\">").append(Html.escape(program.getKey()))
                    .append(" (horizon ").append(all.horizonDays() == null ? Fmt.NONE : all.horizonDays())
                    .append(" days)</td></tr>\n");
            if (!all.delivered()) {
                h.append("<tr class=\"reading\"><td colspan=\"8\">").append(Html.escape(LiftText.assigned(all)))
                        .append("</td></tr>\n");
                continue;
            }
            for (LiftRow r : program.getValue()) {
                h.append("<tr>").append(Html.el("td", r.segment()));
                num(h, Fmt.count(r.treated()));
                num(h, Fmt.count(r.holdout()));
                num(h, Fmt.dec1(r.treatedRate() == null ? null : 100 * r.treatedRate()) + " / "
                        + Fmt.dec1(r.holdoutRate() == null ? null : 100 * r.holdoutRate()));
                num(h, LiftText.lift(r));
                num(h, Fmt.pValue(r.pValue()));
                num(h, LiftText.revenue(r));
                num(h, LiftText.costPerRetained(r));
                h.append("</tr>\n");
            }
            h.append("<tr class=\"reading\"><td colspan=\"8\">Reading: ").append(Html.escape(LiftText.reading(all)))
                    .append("</td></tr>\n");
            String counts = LiftText.reconciliation(program.getValue());
            if (counts != null) {
                h.append("<tr class=\"reading\"><td colspan=\"8\">Counts: ").append(Html.escape(counts))
                        .append("</td></tr>\n");
            }
            String tests = LiftText.multipleTesting(program.getValue());
            if (tests != null) {
                h.append("<tr class=\"reading\"><td colspan=\"8\">Many tests: ").append(Html.escape(tests))
                        .append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }

    /** LEAD SCORING: the points, then per class its range, customers now and conversion by horizon. */
    private static void leads(StringBuilder h, org.retentionsegments.core.config.LeadScoring scoring, LeadText.Leads leads) {
        h.append("<h2 id=\"lead-scoring\">Lead scoring</h2>\n").append(Html.el("p", LeadText.scope(scoring))).append('\n');
        h.append("<table>\n<tr><th>Category</th><th>Signal</th><th>Counts</th><th class=\"n\">Points</th></tr>\n");
        for (org.retentionsegments.core.config.LeadScoring.Signal s : scoring.signals()) {
            h.append("<tr>").append(Html.el("td", s.category().isEmpty() ? Fmt.NONE : s.category()))
                    .append(Html.el("td", s.name())).append(Html.el("td", s.rule()));
            num(h, s.pointsText());
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        List<Integer> horizons = leads.conversions().stream().map(LeadText.Conversion::horizonDays).distinct()
                .sorted().toList();
        h.append("<table>\n<tr><th>Class</th><th class=\"n\">Score</th><th class=\"n\">Customers now</th>");
        for (int days : horizons) {
            h.append("<th>Bought within ").append(days).append(" days</th>");
        }
        h.append("</tr>\n");
        double top = leads.conversions().stream().mapToDouble(LeadText.Conversion::rate).max().orElse(0);
        for (org.retentionsegments.core.config.LeadScoring.LeadClass c
                : org.retentionsegments.core.config.LeadScoring.LeadClass.values()) {
            h.append("<tr>").append(Html.el("td", LeadText.className(c)));
            num(h, scoring.range(c));
            num(h, Fmt.count(leads.counts().stream().filter(k -> k.leadClass().equals(c.label()))
                    .mapToLong(LeadText.ClassCount::customers).sum()));
            for (int days : horizons) {
                LeadText.Conversion r = leads.conversions().stream()
                        .filter(k -> k.horizonDays() == days && k.leadClass().equals(c.label())).findFirst().orElse(null);
                if (r == null || r.scored() == 0) {
                    h.append("<td class=\"empty\">").append(Fmt.NONE).append("</td>");
                    continue;
                }
                int width = top > 0 ? (int) Math.round(120 * r.rate() / top) : 0;
                h.append("<td><span class=\"bar\" style=\"width:").append(width).append("px\"></span> ")
                        .append(Html.escape(Fmt.pct(r.rate()) + " of " + Fmt.count(r.scored()))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n").append(Html.el("p", "Now: " + LeadText.now(leads))).append('\n')
                .append(Html.el("p", "Outcome: " + LeadText.outcome(leads))).append('\n');
    }

    /** The Personas section: one card per segment (seed 001 template), in the order of the segments. */
    private static void personas(StringBuilder h, ReportData data, List<ReportSegment> segments, int windowDays) {
        List<ReportSegment> cards = PersonaText.cards(segments, data);
        if (cards.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"personas\">Personas</h2>\n").append(Html.el("p", PersonaText.intro(data))).append('\n');
        for (ReportSegment s : cards) {
            ReportData.PersonaRow p = data.persona(s.name());
            h.append("<section class=\"segment persona\">\n<h3>PERSONA: ").append(Html.escape(s.name()))
                    .append(" <span class=\"tag\">[").append(Html.escape(PersonaText.tag(s, p)))
                    .append("]</span></h3>\n<dl style=\"grid-template-columns:9em 1fr\">\n");
            h.append("<dt><b>Measured</b></dt><dd class=\"empty\">in the data, in place of demographics</dd>\n");
            personaLines(h, PersonaText.measured(p, windowDays));
            personaList(h, "Goals", PersonaText.goals(s));
            personaList(h, "Pain Points", PersonaText.painPoints(s));
            h.append("<dt><b>Behavior</b></dt><dd class=\"empty\">from segments.yaml</dd>\n");
            personaLines(h, PersonaText.behavior(s));
            h.append("<dt><b>Messaging</b></dt><dd class=\"empty\">from segments.yaml</dd>\n");
            personaLines(h, PersonaText.messaging(s));
            h.append("</dl>\n</section>\n");
        }
    }

    private static void personaLines(StringBuilder h, List<PersonaText.Line> lines) {
        for (PersonaText.Line line : lines) {
            field(h, line.label(), line.text());
        }
    }

    private static void personaList(StringBuilder h, String label, List<String> items) {
        h.append("<dt><b>").append(Html.escape(label)).append("</b></dt><dd>");
        if (items.isEmpty()) {
            h.append(Html.escape(Fmt.NONE));
        } else {
            h.append("<ul style=\"margin:0;padding-left:1.2em\">");
            items.forEach(item -> h.append(Html.el("li", PersonaText.capitalised(item.strip()))));
            h.append("</ul>");
        }
        h.append("</dd>\n");
    }

    private static void field(StringBuilder h, String label, String text) {
        h.append(Html.el("dt", label)).append(Html.el("dd", text)).append('\n');
    }

    private static void num(StringBuilder h, String text) {
        h.append("<td class=\"n\">").append(Html.escape(text)).append("</td>");
    }

    /**
     * A phone as well as a desk: the share chart and the charts as wide as the page, long values of
     * the heading list wrapped, wide tables scrolled sideways on a narrow screen.
     */
    private static final String SCREEN_STYLE = """
            svg{max-width:100%;height:auto}dl.meta dd{min-width:0;overflow-wrap:anywhere}
            @media (max-width:700px){table{display:block;overflow-x:auto}dl.meta{grid-template-columns:6em 1fr}}
            """ + ClusterPlots.CHART_STYLE;

}
