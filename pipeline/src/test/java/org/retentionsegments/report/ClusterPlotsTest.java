package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.core.cluster.ClusterSize;
import org.retentionsegments.core.cluster.ClusterTrainer;
import org.retentionsegments.core.cluster.RfmPoint;
import org.retentionsegments.core.cluster.ThreeGroups;

/** The page of {@code cluster --plots} for a model trained on 6,006 synthetic customers. */
class ClusterPlotsTest {

    static List<RfmPoint> points;
    static ClusterModel model;
    static String page;

    /** 2,000 each of recent big spenders, recent small buyers and lapsed small buyers, and 6 outliers. */
    @BeforeAll
    static void train() throws Exception {
        points = new ArrayList<>(ThreeGroups.of(2_000, new Random(7)));
        for (int i = 0; i < 3; i++) {
            points.add(new RfmPoint("whale" + i, 40, 2, 500_000));
            points.add(new RfmPoint("busy" + i, 5, 400, 150));
        }
        model = ClusterTrainer.train(points, LocalDate.of(2025, 1, 1), ClusterTrainer.Settings.range(2, 4), line -> {});
        page = ClusterPlots.render(model, points);
    }

    static JsonNode options(String page) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"chart-options\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "the chart options are in the page");
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void isOnePageThatOpensOfflineAndFitsAPhone() throws Exception {
        assertTrue(page.contains("<script>\n" + ClusterPlots.echarts() + "\n</script>"), "ECharts inlined");
        assertFalse(page.contains("src=\"http") || page.contains("href=\"http"), "nothing fetched from the network");
        assertTrue(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertTrue(page.contains(".chart{width:100%"));
        assertTrue(page.contains("model " + model.version()) && page.contains("as of " + model.asOf())
                && page.contains("k = " + model.k() + ", " + model.chosenBy()), "the title says which model");
    }

    @Test
    void hasOneContainerWithOptionsAndAReadingPerChart() throws Exception {
        Set<String> containers = new TreeSet<>();
        Matcher m = Pattern.compile("<p>[^<]+</p>\n<div class=\"chart\" id=\"([^\"]+)\"></div>").matcher(page);
        while (m.find()) {
            containers.add(m.group(1));
        }
        Set<String> expected = new TreeSet<>(List.of("elbow", "silhouette", "pca", "sizes"));
        for (String f : List.of("recency", "frequency", "monetary")) {
            expected.addAll(List.of("hist-" + f + "-raw", "hist-" + f + "-log", "box-" + f));
        }
        expected.addAll(List.of("pair-recency-frequency", "pair-recency-monetary", "pair-frequency-monetary"));
        assertEquals(expected, containers);
        Set<String> optionIds = new TreeSet<>();
        options(page).fieldNames().forEachRemaining(optionIds::add);
        assertEquals(expected, optionIds);
    }

    @Test
    void elbowAndSilhouetteCarryTheModelsDiagnostics() throws Exception {
        JsonNode options = options(page);
        List<ClusterModel.Diagnostic> diagnostics = model.diagnostics();
        JsonNode inertia = options.at("/elbow/series/0/data");
        JsonNode silhouette = options.at("/silhouette/series/0/data");
        assertEquals(diagnostics.size(), inertia.size());
        assertEquals(diagnostics.size(), silhouette.size());
        for (int i = 0; i < diagnostics.size(); i++) {
            assertEquals(Integer.toString(diagnostics.get(i).k()), options.at("/elbow/xAxis/data/" + i).asText());
            assertEquals(diagnostics.get(i).inertia(), inertia.get(i).asDouble());
            assertEquals(diagnostics.get(i).silhouette(), silhouette.get(i).asDouble());
        }
        assertEquals(Integer.toString(model.k()), options.at("/silhouette/series/0/markPoint/data/0/coord/0").asText());
    }

    @Test
    void scatterPlotsDrawAtMostTheSampleWithEveryOutlierMarked() throws Exception {
        JsonNode options = options(page);
        long outliers = model.outliers().counts().values().stream().mapToLong(Long::longValue).sum();
        assertTrue(outliers > 0 && points.size() > ClusterCharts.SAMPLE);
        for (String chart : List.of("pca", "pair-recency-frequency", "pair-recency-monetary", "pair-frequency-monetary")) {
            long drawn = 0;
            long marked = 0;
            for (JsonNode series : options.at("/" + chart + "/series")) {
                drawn += series.get("data").size();
                if (!series.get("symbol").asText().equals("circle")) {
                    marked += series.get("data").size();
                }
            }
            assertEquals(ClusterCharts.SAMPLE, drawn, chart);
            assertEquals(outliers, marked, chart);
        }
        assertTrue(page.contains(String.format("all %,d outliers", outliers)), "the page says how it sampled");
    }

    @Test
    void sizesAndBoxesCoverEveryClusterAndOutlierGroup() throws Exception {
        JsonNode options = options(page);
        long total = 0;
        for (JsonNode n : options.at("/sizes/series/0/data")) {
            total += n.asLong();
        }
        assertEquals(model.inputRows(), total);
        assertEquals(options.at("/sizes/xAxis/data").size(), model.k() + model.outliers().counts().size());
        for (JsonNode box : options.at("/box-monetary/series/0/data")) {
            for (int i = 1; i < 5; i++) {
                assertTrue(box.get(i - 1).asDouble() <= box.get(i).asDouble(), box.toString());
            }
        }
    }

    @Test
    void labelsAndTextAreEscaped() throws Exception {
        String hostile = "<img src=x onerror=alert(1)>'&";
        List<ClusterModel.Cluster> clusters = model.clusters().stream().map(c -> new ClusterModel.Cluster(c.number(),
                hostile, c.centroid(), c.centroidRaw(), c.customers())).toList();
        ClusterModel renamed = new ClusterModel(model.version(), model.trainedAt(), model.asOf(), model.inputRows(),
                model.clusteredRows(), model.features(), model.transform(), model.scaler(), model.outliers(), model.k(),
                "</script><b>chosen</b>", clusters, model.diagnostics(), model.seed(), model.restarts(),
                model.silhouetteSample(), model.scanSample());
        // ECharts' own script has elements in its strings: the rest of the page must not
        String html = ClusterPlots.render(renamed, points).replace(ClusterPlots.echarts(), "");
        assertFalse(html.contains("<img"), "a label never becomes an element");
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;/script&gt;&lt;b&gt;chosen&lt;/b&gt;"));
        assertEquals("0 " + hostile, options(html).at("/sizes/xAxis/data/0").asText(), "the JSON keeps the label");
    }

    @Test
    void sizesOverTimeStackEveryClusterAndOutlierGroupPerRefreshWithZerosWhereEmpty() throws Exception {
        LocalDate d1 = LocalDate.of(2025, 1, 1);
        LocalDate d2 = LocalDate.of(2025, 1, 8);
        LocalDate d3 = LocalDate.of(2025, 1, 15);
        // out of order on purpose, and UPSELL only at the second refresh
        List<ClusterSize> sizes = List.of(new ClusterSize(d2, 1, "Nurture", 40), new ClusterSize(d1, 0, "Reward", 10),
                new ClusterSize(d1, 1, "Nurture", 30), new ClusterSize(d1, -1, "PAMPER", 2),
                new ClusterSize(d2, 0, "Reward", 12), new ClusterSize(d2, -2, "UPSELL", 1),
                new ClusterSize(d2, -1, "PAMPER", 3), new ClusterSize(d3, 0, "Reward", 15),
                new ClusterSize(d3, 1, "Nurture", 35), new ClusterSize(d3, -1, "PAMPER", 3));
        String html = ClusterPlots.render(model, points, sizes);
        assertTrue(html.contains("<div class=\"chart\" id=\"sizes-over-time\"></div>"));
        JsonNode chart = options(html).get("sizes-over-time");
        assertEquals("[\"2025-01-01\",\"2025-01-08\",\"2025-01-15\"]", chart.at("/xAxis/data").toString());
        List<String> series = new ArrayList<>();
        for (JsonNode s : chart.get("series")) {
            series.add(s.get("name").asText() + " " + s.get("data") + " " + s.get("stack").asText());
            assertTrue(s.has("areaStyle"), "a stacked area");
        }
        assertEquals(List.of("0 Reward [10,12,15] customers", "1 Nurture [30,40,35] customers",
                "-1 PAMPER [2,3,3] customers", "-2 UPSELL [0,1,0] customers"), series);
        assertTrue(html.contains("of model " + model.version() + " held at each refresh"), "the reading names the model");

        // one refresh is no change over time: no chart, as without assignments
        assertFalse(ClusterPlots.render(model, points, sizes.stream().filter(s -> s.asOf().equals(d1)).toList())
                .contains("sizes-over-time"));
        assertFalse(page.contains("sizes-over-time"));
    }
}
