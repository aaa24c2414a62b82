package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.fixtures.ContinuousFixtures;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.TestKafka;
import org.retentionsegments.flink.ConfigTexts;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * The core of {@code demo --continuous} on an in-process broker, a MiniCluster and PostgreSQL: a
 * small business ending yesterday, replayed while the job runs, ends with every customer in a
 * segment as of today, progress lines on the way, and a report.
 */
class ContinuousDemoITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = ContinuousFixtures.miniCluster();

    @RegisterExtension
    static final TestKafka KAFKA = new TestKafka();

    @RegisterExtension
    static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final ConfigTexts QUICK_IDLENESS = ContinuousFixtures.QUICK_IDLENESS;

    @Test
    void aReplayedBusinessEndsWithEveryCustomerInASegmentAsOfTodayAndAReport(@TempDir Path dir) throws Exception {
        int customers = 200;
        LocalDate lastDay = ContinuousDemo.lastDay(ZonedDateTime.now(ZoneOffset.UTC),
                QUICK_IDLENESS.parse().pipeline().stream());
        String url = WAREHOUSES.freshUrl(Engine.POSTGRES);
        String prefix = TestKafka.topicPrefix();
        ContinuousDemo.Setup setup = new ContinuousDemo.Setup(KAFKA.bootstrapServers(), url, prefix, "demo-" + prefix,
                GeneratorConfig.of(customers, 200, 7).withEndDate(lastDay), QUICK_IDLENESS, dir.resolve("data"), 2,
                Duration.ofSeconds(2), Duration.ofSeconds(180));
        ByteArrayOutputStream said = new ByteArrayOutputStream();

        LocalDate asOf = ContinuousDemo.run(setup, new PrintStream(said, true, StandardCharsets.UTF_8));

        String progress = said.toString(StandardCharsets.UTF_8);
        // the day after the business's last, or the one after it when the clock passed the next
        // boundary (midnight plus the allowed lateness) during the test
        assertTrue(!asOf.isBefore(lastDay.plusDays(1)) && !asOf.isAfter(lastDay.plusDays(2)),
                "the day after the business's last is refreshed: " + asOf + " for " + lastDay);
        assertEquals(customers, RunFixtures.count(url, "SELECT COUNT(DISTINCT customer_id) FROM customer_segment"
                + " WHERE as_of = DATE '" + asOf + "'"), "every customer has a segment as of that day\n" + progress);
        assertTrue(RunFixtures.count(url, "SELECT COUNT(*) FROM segment_transition WHERE from_segment IS NOT NULL")
                > 0, "customers moved between segments");
        assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM rejected_input"), "no record rejected (none late)");
        assertTrue(progress.matches("(?s).*sent [0-9,]+ of [0-9,]+ events \\(100%\\).*\\| job: lag [0-9,]+, refreshed "
                + asOf + ", " + customers + " customers, [0-9,]+ moved.*"), progress);

        Path html = dir.resolve("report.html");
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ReportCommand.print(url, null, null, html, new PrintStream(report, true, StandardCharsets.UTF_8));
        assertTrue(report.toString(StandardCharsets.UTF_8).contains("SEGMENTATION STRATEGY"));
        assertTrue(Files.size(html) > 0);
    }
}
