package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.fixtures.HeadlessChromium;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.generate.Generator;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;

/**
 * The report's pictures of a real run, opened in headless Chromium at a desk's width and a phone's:
 * a generated business of 1,500 customers over 400 days with a winback program and its holdout,
 * run into DuckDB (a kept refresh every month, so a dozen), reported as of its latest refresh. No
 * console error or uncaught exception; every picture's container holds a canvas of non-zero size
 * that drew something and fits the screen; nothing is wider than the phone's screen. Each chart's
 * screenshot is saved to {@code target/report-pictures/WIDTH/} to be looked at. The report of the
 * first kept refresh says the sizes and the movement need two refreshes, and a page whose segment
 * name is hostile HTML draws without an error (an {@code <img src=x>} made of it would fail to load).
 */
class ReportPicturesITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    static final int DESK = 1280;
    static final int PHONE = 420;
    static final List<String> PICTURES = List.of("pic-dist-frequency", "pic-dist-monetary", "pic-dist-recency",
            "pic-lift", "pic-movement", "pic-revenue", "pic-rf-grid", "pic-sizes");

    @TempDir static Path dir;
    static String url;
    static LocalDate first;

    @BeforeAll
    static void run() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        RunFixtures.generate(GeneratorConfig.of(1_500, 400, 11).withPlantedLift(0.07), data);
        url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        RunFixtures.succeeds("run", "--orders", data.resolve(Generator.ORDERS_FILE).toString(),
                "--engagement", data.resolve(Generator.ENGAGEMENT_FILE).toString(),
                "--treatments", data.resolve(Generator.TREATMENTS_FILE).toString(),
                "--customers", data.resolve(Generator.CUSTOMERS_FILE).toString(),
                "--warehouse", url, "--parallelism", "1");
        try (Warehouse w = Warehouse.openExisting(url)) {
            List<LocalDate> kept = ReportQueries.keptRefreshes(w);
            assertTrue(kept.size() >= 2, "the run keeps two refreshes or more: " + kept);
            first = kept.get(kept.size() - 1);
        }
    }

    @Test
    void everyPictureOfARealRunDrawsAtADesksAndAPhonesWidthWithoutAnError() throws Exception {
        Path report = dir.resolve("report.html");
        RunFixtures.succeeds("report", "--warehouse", url, "--html", report.toString());
        String html = Files.readString(report);
        assertEquals(new TreeSet<>(PICTURES), HeadlessChromium.chartIds(html), "a container per picture, no note");
        assertFalse(html.contains("<p class=\"note\">"), "no picture is replaced by a note");
        try (HeadlessChromium chromium = HeadlessChromium.start(Files.createDirectories(dir.resolve("profile")))) {
            for (int width : List.of(DESK, PHONE)) {
                HeadlessChromium.Rendered shown = chromium.render(report, width);
                assertEquals(List.of(), shown.errors(), width + " px: console errors and uncaught exceptions");
                Path shots = Files.createDirectories(Path.of("target", "report-pictures", String.valueOf(width)));
                List<String> blank = new ArrayList<>();
                for (String id : PICTURES) {
                    HeadlessChromium.Box box = shown.charts().get(id);
                    if (box == null || !box.canvas() || box.width() < 1 || box.height() < 200 || box.width() > width
                            || shown.ink(id) < 0.002) {
                        blank.add(id + " " + box);
                        continue;
                    }
                    ImageIO.write(shown.shots().get(id), "png", shots.resolve(id + ".png").toFile());
                }
                assertEquals(List.of(), blank, width + " px: charts that drew nothing or do not fit the screen");
                assertTrue(shown.scrollWidth() <= width, width + " px screen, page " + shown.scrollWidth()
                        + " px wide: " + shown.tooWide());
            }
        }
    }

    @Test
    void theFirstKeptRefreshSaysTheSizesAndTheMovementNeedTwoRefreshes() throws Exception {
        Path report = dir.resolve("first.html");
        RunFixtures.succeeds("report", "--warehouse", url, "--as-of", first.toString(), "--html", report.toString());
        String html = Files.readString(report);
        assertTrue(html.contains("<p class=\"note\">Segment sizes over time: needs two kept refreshes"), html);
        assertTrue(html.contains("<p class=\"note\">Movement heat map: needs two kept refreshes"), html);
        Set<String> charts = HeadlessChromium.chartIds(html);
        assertFalse(charts.contains("pic-sizes") || charts.contains("pic-movement"), charts::toString);
    }

    @Test
    void aHostileSegmentNameDrawsAsTextInTheBrowser() throws Exception {
        Path page = Files.writeString(dir.resolve("hostile.html"),
                HtmlReportPicturesTest.page(HtmlReportPicturesTest.HOSTILE, true, true));
        try (HeadlessChromium chromium = HeadlessChromium.start(Files.createDirectories(dir.resolve("hostile")))) {
            HeadlessChromium.Rendered shown = chromium.render(page, PHONE);
            assertEquals(List.of(), shown.errors(), "no image made of the name, no script broken");
            assertEquals(new TreeSet<>(PICTURES), new TreeSet<>(shown.charts().keySet()));
            shown.charts().forEach((id, box) -> assertTrue(box.canvas() && shown.ink(id) > 0.002, id + " " + box));
        }
    }

}
