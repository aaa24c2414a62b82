package org.retentionsegments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.core.cluster.ClusterSize;
import org.retentionsegments.core.cluster.RfmPoint;

/**
 * The page {@code ./segments cluster --plots DIR} writes, {@code DIR/clusters.html}: the charts of
 * {@link ClusterCharts} on one self-contained HTML page, Apache ECharts inlined from its webjar (no
 * network needed to view it), laid out for a phone as well as a desk. The charts' options travel as
 * one JSON document, with {@code <}, {@code >}, {@code &} and {@code '} escaped, so that no label
 * can end the script element it sits in.
 */
public final class ClusterPlots {

    /** The webjar's Maven coordinates, read for its version (pinned once, in the root pom). */
    static final String WEBJAR = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    static final String FILE = "clusters.html";

    /** The charts' containers: the page's width (a phone's too), a little lower on a narrow screen. */
    static final String CHART_STYLE = """
            .chart{width:100%;height:360px}@media (max-width:600px){.chart{height:300px}}
            """;

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:1em auto;
            max-width:960px;color:#222;line-height:1.4;padding:0 .8em}
            h1{font-size:1.5em}h2{font-size:1.15em;border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:1.8em}
            p.meta{color:#555}
            """ + CHART_STYLE;

    private static final String START = """
            const options = JSON.parse(document.getElementById('chart-options').textContent);
            const charts = Object.keys(options).map(id => {
              const chart = echarts.init(document.getElementById(id));
              chart.setOption(options[id]);
              return chart;
            });
            window.addEventListener('resize', () => charts.forEach(c => c.resize()));
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private ClusterPlots() {}

    /** Writes {@code dir/clusters.html} (creating the folder) and returns its path. */
    public static Path write(Path dir, ClusterModel model, List<RfmPoint> points) throws IOException {
        return write(dir, model, points, List.of());
    }

    /**
     * Writes {@code dir/clusters.html} (creating the folder) and returns its path; {@code sizes} are
     * the model's customers per cluster at each refresh it placed them at ({@code cluster_assignment}),
     * drawn over time when there are two refreshes or more.
     */
    public static Path write(Path dir, ClusterModel model, List<RfmPoint> points, List<ClusterSize> sizes)
            throws IOException {
        Files.createDirectories(dir);
        Path page = dir.resolve(FILE);
        Files.writeString(page, render(model, points, sizes), StandardCharsets.UTF_8);
        return page;
    }

    static String render(ClusterModel model, List<RfmPoint> points) throws IOException {
        return render(model, points, List.of());
    }

    static String render(ClusterModel model, List<RfmPoint> points, List<ClusterSize> sizes) throws IOException {
        ClusterCharts charts = new ClusterCharts(model, points);
        String title = String.format("Clusters of %,d customers as of %s", model.inputRows(), model.asOf());
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append(Html.el("title", title + " (model " + model.version() + ")")).append("\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n").append(Html.el("h1", title)).append("\n<p class=\"meta\">")
                .append(Html.escape("Model " + model.version() + ", trained " + model.trainedAt() + ". k = " + model.k()
                        + ", " + model.chosenBy() + ". " + charts.sampleText()))
                .append("</p>\n");
        List<ClusterCharts.Chart> all = new ArrayList<>(charts.charts());
        ClusterCharts.Chart overTime = ClusterCharts.sizesOverTime(model.version(), sizes);
        if (overTime != null) {
            all.add(overTime);
        }
        sections(h, all, "h2");
        return h.append(scripts(all)).append("</body>\n</html>\n").toString();
    }

    /** Each chart as a section: its title as a {@code heading}, how to read it, and its container. */
    static void sections(StringBuilder h, List<ClusterCharts.Chart> charts, String heading) {
        for (ClusterCharts.Chart chart : charts) {
            h.append("<section>\n").append(Html.el(heading, chart.title())).append('\n')
                    .append(Html.el("p", chart.reading())).append("\n<div class=\"chart\" id=\"")
                    .append(Html.escape(chart.id())).append("\"></div>\n</section>\n");
        }
    }

    /**
     * The scripts that draw the charts into their containers: their options as one JSON document,
     * ECharts inlined, and the lines that start them. Once per page, after the containers.
     */
    static String scripts(List<ClusterCharts.Chart> charts) throws IOException {
        Map<String, Object> options = new LinkedHashMap<>();
        charts.forEach(chart -> options.put(chart.id(), chart.option()));
        return "<script type=\"application/json\" id=\"chart-options\">" + json(options) + "</script>\n<script>\n"
                + echarts() + "\n</script>\n<script>\n" + START + "</script>\n";
    }

    static String json(Object options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chart options as JSON", e);
        }
    }

    /** The ECharts script, read from the webjar on the class path. */
    static String echarts() throws IOException {
        Properties webjar = new Properties();
        webjar.load(new StringReader(resource(WEBJAR)));
        return resource("META-INF/resources/webjars/echarts/" + webjar.getProperty("version") + "/dist/echarts.min.js");
    }

    private static String resource(String name) {
        try (InputStream in = ClusterPlots.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path: rebuild with `./mvnw -B -ntp"
                        + " -DskipTests package` (it comes from the webjar org.webjars.npm:echarts)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the class path", e);
        }
    }

    /** JSON escapes that are also safe inside an HTML script element: {@code < > & '} as {@code \\uXXXX}. */
    static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
