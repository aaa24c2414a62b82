package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.cli.Segments;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.config.SegmentRules;
import org.retentionsegments.core.config.Strategies;
import org.retentionsegments.fixtures.ClusterWarehouses;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * The Clusters section of {@code ./segments report --html} and the sizes over time of
 * {@code cluster --plots}, on a warehouse of each engine with two kept refreshes of known customers
 * ({@link ClusterWarehouses}: 200 in each of three groups and 5 monetary outliers at both).
 */
class ClusterReportITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @TempDir Path dir;

    @Test
    void theReportShowsTheClusterModelAndItsSizesOverTimeOnlyWhenThereIsOne() throws Exception {
        for (Engine engine : Engine.values()) {
            String url = ClusterWarehouses.withSnapshots(WAREHOUSES, engine);
            Path out = dir.resolve(engine.toString());

            // no cluster model: the page has no Clusters section; its pictures' script only
            Captured models = RunFixtures.capture(() -> Segments.commandLine().execute("models", "apply",
                    "--warehouse", url));
            assertEquals(0, models.exitCode(), models.err());
            String plain = report(url, null, out.resolve("plain.html"));
            assertFalse(plain.contains("Clusters"), "no model, no section");
            assertEquals(1, occurrences(plain, ClusterPlots.echarts()), "ECharts once, for the pictures");
            assertFalse(ClusterPlotsTest.options(plain).has("elbow"));
            assertTrue(plain.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));

            // two models; the one on the latest refresh is trained last, and has placed the customers at
            // the earlier refresh too, as runs in clusters mode do
            Path earlierFile = out.resolve("earlier-model.json");
            cluster(url, "--as-of", ClusterWarehouses.EARLIER.toString(), "--k", "3", "--out", earlierFile.toString());
            Path latestFile = out.resolve("latest-model.json");
            cluster(url, "--k", "3", "--out", latestFile.toString());
            ClusterModel earlier = ClusterModel.fromJson(Files.readString(earlierFile));
            ClusterModel latest = ClusterModel.fromJson(Files.readString(latestFile));
            assertFalse(earlier.version().equals(latest.version()));
            assertEquals(605, ClusterWarehouses.place(url, latest, ClusterWarehouses.EARLIER, false));

            String html = report(url, null, out.resolve("report.html"));
            assertTrue(html.contains("Cluster model " + latest.version() + " (the model trained last into this"
                    + " warehouse by ./segments cluster)"), "the section names the model it shows");
            assertTrue(html.contains("draw the 605 customers with an order at the refresh of 2025-01-01"));
            assertEquals(1, occurrences(html, ClusterPlots.echarts()), "ECharts inlined once");
            assertEquals(3, occurrences(html, "<script"), "the options, ECharts, and the lines that start it");
            assertTrue(html.indexOf("<h2 id=\"clusters\">Clusters</h2>") > html.indexOf("<h2 id=\"holdout-lift\">Holdout lift</h2>"));
            JsonNode options = ClusterPlotsTest.options(html);
            assertEquals(17, clusterCharts(options), "the 16 diagnostics and the sizes over time");
            for (String id : List.of("elbow", "silhouette", "pca", "box-monetary", "sizes", "sizes-over-time")) {
                assertTrue(html.contains("<div class=\"chart\" id=\"" + id + "\"></div>"), id);
            }
            assertEquals(expectedSizes(latest), sizesOverTime(options));

            // cluster --plots on the same refresh and settings gives the same model, and draws its sizes too
            Path plots = out.resolve("plots");
            cluster(url, "--k", "3", "--out", latestFile.toString(), "--plots", plots.toString());
            assertEquals(latest.version(), ClusterModel.fromJson(Files.readString(latestFile)).version());
            assertEquals(expectedSizes(latest),
                    sizesOverTime(ClusterPlotsTest.options(Files.readString(plots.resolve("clusters.html")))));

            // in clusters mode the report shows the configuration's model, here the earlier one, which has
            // placed customers at one refresh only: no sizes over time yet, and its own refresh's customers
            Path config = Files.createDirectories(out.resolve("config"));
            for (String file : List.of(PipelineConfig.FILE, SegmentRules.FILE, Strategies.FILE)) {
                Files.writeString(config.resolve(file), ConfigBundle.classpath("clusters/" + file));
            }
            Files.copy(earlierFile, config.resolve("cluster-model.json"));
            String clustersMode = report(url, config, out.resolve("clusters-mode.html"));
            assertTrue(clustersMode.contains("Cluster model " + earlier.version() + " (the model of this"
                    + " configuration, segmentation: clusters)"), "the configuration's model");
            assertTrue(clustersMode.contains("at the refresh of 2024-12-01"));
            assertTrue(clustersMode.contains("The sizes over time show once the model has placed customers at two"
                    + " refreshes or more"));
            assertFalse(clustersMode.contains("id=\"sizes-over-time\""));
            assertEquals(16, clusterCharts(ClusterPlotsTest.options(clustersMode)));
        }
    }

    /** The charts of the Clusters section among the page's (the report's own pictures are pic-*). */
    private static long clusterCharts(JsonNode options) {
        List<String> ids = new ArrayList<>();
        options.fieldNames().forEachRemaining(ids::add);
        return ids.stream().filter(id -> !id.startsWith("pic-")).count();
    }

    /** Each series of the sizes over time: name -> its customers at 2024-12-01 and 2025-01-01. */
    private static Map<String, List<Long>> sizesOverTime(JsonNode options) {
        JsonNode chart = options.get("sizes-over-time");
        assertEquals("[\"2024-12-01\",\"2025-01-01\"]", chart.at("/xAxis/data").toString());
        Map<String, List<Long>> out = new TreeMap<>();
        for (JsonNode series : chart.get("series")) {
            List<Long> counts = new ArrayList<>();
            series.get("data").forEach(n -> counts.add(n.asLong()));
            out.put(series.get("name").asText(), counts);
        }
        return out;
    }

    /** The three groups of 200 are the three clusters at both refreshes; the 5 whales are PAMPER. */
    private static Map<String, List<Long>> expectedSizes(ClusterModel model) {
        Map<String, List<Long>> out = new TreeMap<>();
        model.clusters().forEach(c -> out.put(c.number() + " " + c.label(), List.of(200L, 200L)));
        out.put("-1 PAMPER", List.of(5L, 5L));
        assertEquals(4, out.size());
        return out;
    }

    private static void cluster(String url, String... args) {
        List<String> all = new ArrayList<>(List.of("cluster", "--warehouse", url));
        all.addAll(List.of(args));
        Captured run = RunFixtures.capture(() -> Segments.commandLine().execute(all.toArray(String[]::new)));
        assertEquals(0, run.exitCode(), run.err());
    }

    static String report(String url, Path config, Path html) throws Exception {
        List<String> args = new ArrayList<>(List.of("report", "--warehouse", url, "--html", html.toString()));
        if (config != null) {
            args.addAll(List.of("--config", config.toString()));
        }
        Captured run = RunFixtures.capture(() -> Segments.commandLine().execute(args.toArray(String[]::new)));
        assertEquals(0, run.exitCode(), run.err());
        return Files.readString(html);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
