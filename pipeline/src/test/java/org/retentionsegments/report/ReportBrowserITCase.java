package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.config.SegmentRules;
import org.retentionsegments.core.config.Strategies;
import org.retentionsegments.fixtures.ClusterWarehouses;
import org.retentionsegments.fixtures.HeadlessChromium;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * The HTML report with its Clusters section, and the page of {@code cluster --plots}, opened in
 * headless Chromium on a phone-wide screen: no console error or uncaught exception, every chart
 * container drawn (a canvas, and pixels of more than one colour in its box), nothing wider than
 * the screen. The warehouse is a small one in clusters mode ({@link ClusterWarehouses}: two kept
 * refreshes, the customers placed by the model at both).
 */
class ReportBrowserITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    /** A phone's screen width in CSS pixels. */
    static final int PHONE = 412;

    @TempDir Path dir;

    @Test
    void theReportAndTheClusterChartsDrawEveryChartInABrowserWithoutAnError() throws Exception {
        HeadlessChromium.assumeInstalled();
        String url = ClusterWarehouses.withSnapshots(WAREHOUSES, Engine.DUCKDB);
        Path config = Files.createDirectories(dir.resolve("config"));
        for (String file : List.of(PipelineConfig.FILE, SegmentRules.FILE, Strategies.FILE)) {
            Files.writeString(config.resolve(file), ConfigBundle.classpath("clusters/" + file));
        }
        Path modelFile = config.resolve("cluster-model.json");
        RunFixtures.succeeds("cluster", "--warehouse", url, "--k", "3", "--out", modelFile.toString());
        ClusterModel model = ClusterModel.fromJson(Files.readString(modelFile));
        for (var asOf : List.of(ClusterWarehouses.EARLIER, ClusterWarehouses.LATEST)) {
            ClusterWarehouses.place(url, model, asOf, true);
        }
        Path plots = dir.resolve("plots");
        RunFixtures.succeeds("cluster", "--warehouse", url, "--k", "3", "--out", modelFile.toString(), "--plots", plots.toString());
        Path report = dir.resolve("report.html");
        RunFixtures.succeeds("report", "--warehouse", url, "--config", config.toString(), "--html", report.toString());

        try (HeadlessChromium chromium = HeadlessChromium.start(Files.createDirectories(dir.resolve("profile")))) {
            for (Path page : List.of(report, plots.resolve("clusters.html"))) {
                Set<String> containers = HeadlessChromium.chartIds(Files.readString(page));
                assertEquals(page.equals(report) ? 19 : 17, containers.size(), page + ": the 16 diagnostics and the"
                        + " sizes over time; on the report also the segment sizes and the movement (the warehouse has"
                        + " no scores and no holdout, whose pictures are notes)");
                HeadlessChromium.Rendered shown = chromium.render(page, PHONE);
                assertEquals(List.of(), shown.errors(), page + ": console errors and uncaught exceptions");
                assertEquals(containers, new TreeSet<>(shown.charts().keySet()), page + ": the containers in the browser");
                List<String> blank = new ArrayList<>();
                shown.charts().forEach((id, box) -> {
                    if (!box.canvas() || box.width() < PHONE / 2.0 || box.width() > PHONE || box.height() < 200
                            || shown.ink(id) < 0.002) {
                        blank.add(id + " " + box + String.format(" ink %.4f", box.width() >= 1 ? shown.ink(id) : 0));
                    }
                });
                assertEquals(List.of(), blank, page + ": charts that drew nothing, or do not fit the screen");
                assertTrue(shown.scrollWidth() <= PHONE, page + " is " + shown.scrollWidth() + " px wide on a "
                        + PHONE + " px screen: " + shown.tooWide());
            }

            // the check itself sees an error, an exception and an empty chart
            Path broken = Files.writeString(dir.resolve("broken.html"), "<!DOCTYPE html><html><body>"
                    + "<div class=\"chart\" id=\"empty\" style=\"width:100%;height:300px\"></div>"
                    + "<script>console.error('drawn badly'); null.x;</script></body></html>");
            HeadlessChromium.Rendered bad = chromium.render(broken, PHONE);
            assertEquals(2, bad.errors().size(), bad.errors().toString());
            assertTrue(bad.errors().get(0).contains("drawn badly") && bad.errors().get(1).contains("TypeError"),
                    bad.errors().toString());
            assertEquals(0.0, bad.ink("empty"));
        }
    }

}
