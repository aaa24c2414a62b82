package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.flink.GeneratedTopics.awaitEqual;
import static org.retentionsegments.flink.GeneratedTopics.compared;
import static org.retentionsegments.flink.GeneratedTopics.jsonRecords;
import static org.retentionsegments.flink.GeneratedTopics.lastTime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.config.SegmentRules;
import org.retentionsegments.core.config.Strategies;
import org.retentionsegments.fixtures.ContinuousFixtures;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.TestKafka;
import org.retentionsegments.generate.Generator;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.Values;
import org.retentionsegments.replay.TopicRecords;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * The continuous job on a real broker, a MiniCluster and PostgreSQL: a generated retailer's
 * orders, sent to the orders topic as JSON, give the warehouse a bounded run on the same orders
 * gives, as of the last day the watermark passed; bad and late records go to rejected_input.
 */
class ContinuousJobITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = ContinuousFixtures.miniCluster();

    @RegisterExtension
    static final TestKafka KAFKA = new TestKafka();

    @RegisterExtension
    static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The accounting of an input summed over its days. */
    private static final String COUNTS = "SELECT CAST(SUM(read_rows) AS BIGINT) AS read_rows, CAST(SUM(accepted) AS"
            + " BIGINT) AS accepted, CAST(SUM(rejected) AS BIGINT) AS rejected, CAST(SUM(duplicates) AS BIGINT) AS"
            + " duplicates FROM input_count_daily";

    private static final ConfigTexts QUICK_IDLENESS = ContinuousFixtures.QUICK_IDLENESS;

    @TempDir
    static Path dir;

    private static List<String[]> records;
    private static List<String[]> engagement;
    private static List<String[]> treatments;
    private static List<String[]> customers;
    private static LocalDateTime last;
    private static LocalDate lastRefresh;
    private static Map<String, String> expected;
    private static long expectedRefreshes;
    private static LocalDateTime lastEvent;
    private static Map<String, String> expectedWithEngagement;
    private static Map<String, Object> boundedOrderCounts;
    private static String boundedOnOrders;

    /**
     * One generated retailer's four inputs, and the tables of bounded runs on the orders alone
     * and on all four, for every test.
     */
    @BeforeAll
    static void boundedRunOnTheOrders() throws Exception {
        // a business whose last day is yesterday: the job has caught up with the clock at its
        // last refreshes, which write every customer's current row (BoundaryMerge.LIVE_DAYS)
        RunFixtures.generate(GeneratorConfig.of(250, 200, 11).withEndDate(LocalDate.now(ZoneOffset.UTC).minusDays(1)),
                dir);
        Path orders = dir.resolve(Generator.ORDERS_FILE);
        Path events = dir.resolve(Generator.ENGAGEMENT_FILE);
        records = jsonRecords(orders, InputKind.ORDERS);
        engagement = jsonRecords(events, InputKind.ENGAGEMENT);
        Path entries = dir.resolve(Generator.TREATMENTS_FILE);
        treatments = jsonRecords(entries, InputKind.TREATMENTS);
        Path people = dir.resolve(Generator.CUSTOMERS_FILE);
        customers = jsonRecords(people, InputKind.CUSTOMERS);
        last = lastTime(orders, InputKind.ORDERS);
        lastEvent = last;
        for (LocalDateTime other : List.of(lastTime(events, InputKind.ENGAGEMENT),
                lastTime(dir.resolve(Generator.TREATMENTS_FILE), InputKind.TREATMENTS),
                lastTime(dir.resolve(Generator.CUSTOMERS_FILE), InputKind.CUSTOMERS))) {
            lastEvent = other.isAfter(lastEvent) ? other : lastEvent;
        }
        // the watermark trails the last order by the allowed lateness (1 hour): it passes
        // midnight of the last order's day if that order is later than 01:00
        lastRefresh = last.minusHours(1).minusNanos(1_000_000).toLocalDate();
        String bounded = WAREHOUSES.freshUrl(Engine.POSTGRES);
        boundedOnOrders = bounded;
        Map<InputKind, Path> files = new EnumMap<>(InputKind.class);
        files.put(InputKind.ORDERS, orders);
        BoundedRun.run(new BoundedRun.Options(new RunInputs(files, List.of()), null, bounded, lastRefresh, 2,
                Map.of()), System.err);
        expected = compared(bounded);
        expectedRefreshes = RunFixtures.count(bounded, "SELECT COUNT(DISTINCT as_of) FROM score_boundary");
        boundedOrderCounts = RunFixtures.map(bounded, "SELECT read_rows, accepted, rejected, duplicates FROM"
                + " refresh_run WHERE source = 'orders'");

        String both = WAREHOUSES.freshUrl(Engine.POSTGRES);
        files.put(InputKind.ENGAGEMENT, events);
        files.put(InputKind.TREATMENTS, entries);
        files.put(InputKind.CUSTOMERS, people);
        BoundedRun.run(new BoundedRun.Options(new RunInputs(files, List.of()), null, both,
                lastEvent.minusHours(1).minusNanos(1_000_000).toLocalDate(), 2, Map.of()), System.err);
        expectedWithEngagement = compared(both);
    }

    @Test
    void theFourInputsFromTopicsGiveTheTablesOfABoundedRunOnTheSameRecords() throws Exception {
        String prefix = TestKafka.topicPrefix();
        KAFKA.createTopics(List.of(prefix + "orders", prefix + "engagement", prefix + "treatments",
                prefix + "customers", prefix + "segment-transitions"), 2);
        KAFKA.send(prefix + "engagement", engagement);
        KAFKA.send(prefix + "treatments", treatments);
        KAFKA.send(prefix + "customers", customers);
        List<String[]> sent = new ArrayList<>(records);
        sent.add(new String[] {"c-bad", "{\"order_id\": \"x1\", \"customer_id\": \"c-bad\", \"order_ts\": \""
                + last.minusDays(2) + "\", \"amount\": \"twelve\"}"});
        sent.add(new String[] {"c-bad", "not json at all"});
        // on the last day, still open: a copy of its last order line (a producer's retry), and a
        // return by the same customer, which today's activity counts once and as a return
        LocalDateTime returnAt = lastEvent.minusMinutes(1).isBefore(lastEvent.toLocalDate().atStartOfDay())
                ? lastEvent.toLocalDate().atStartOfDay() : lastEvent.minusMinutes(1);
        String returnedBy = "c-live";
        if (last.toLocalDate().equals(lastEvent.toLocalDate())) {
            String[] lastLine = records.get(records.size() - 1);
            sent.add(lastLine);
            returnedBy = JSON.readTree(lastLine[1]).get("customer_id").asText();
        }
        sent.add(new String[] {returnedBy, "{\"order_id\": \"live-return\", \"customer_id\": \"" + returnedBy
                + "\", \"order_ts\": \"" + returnAt + "Z\", \"amount\": -25, \"line_no\": 1}"});
        List<String[]> validOrders = new ArrayList<>(sent);
        validOrders.removeIf(r -> r[0].equals("c-bad"));
        LocalDate sentOn = LocalDate.now(ZoneOffset.UTC);
        KAFKA.send(prefix + "orders", sent);

        String continuous = WAREHOUSES.freshUrl(Engine.POSTGRES);
        ContinuousJob.Settings settings = ContinuousJob.Settings.of(KAFKA.bootstrapServers(), prefix, "it-" + prefix,
                continuous, QUICK_IDLENESS, Map.of()).withClock(stoppedAt(lastEvent));
        JobClient job = ContinuousJob.start(settings, conf(), null, System.err);
        try {
            Map<String, String> actual = awaitEqual(continuous, expectedWithEngagement, Duration.ofSeconds(120));
            assertEquals(expectedWithEngagement, actual, "the continuous job's tables");
            assertEquals(1, RunFixtures.count(continuous, "SELECT COUNT(*) FROM rejected_input WHERE reason LIKE"
                    + " 'amount is not a finite number: twelve%'"), "the order with a bad amount is rejected");
            assertEquals(1, RunFixtures.count(continuous, "SELECT COUNT(*) FROM rejected_input WHERE raw_text ="
                    + " 'not json at all' AND input_file LIKE '" + prefix + "orders/%'"), "the record that is no JSON");

            // an order of a day the watermark has passed is late: rejected, not dropped, and no table changes
            KAFKA.send(prefix + "orders", List.<String[]>of(new String[] {"c-late", "{\"order_id\": \"late-1\","
                    + " \"customer_id\": \"c-late\", \"order_ts\": \"" + last.minusDays(3) + "\", \"amount\": 10}"}));
            long late = awaitCount(continuous, "SELECT COUNT(*) FROM rejected_input WHERE reason LIKE 'late: %'",
                    Duration.ofSeconds(60));
            assertEquals(1, late, "the late order is in rejected_input");
            assertEquals(expectedWithEngagement, compared(continuous), "a late order changes no table");

            // counted per source and day: read = accepted + rejected + duplicates on every row; the
            // late order on its day, the record that is no JSON on the day Kafka stamped it
            assertEquals(0, RunFixtures.count(continuous, "SELECT COUNT(*) FROM input_count_daily WHERE read_rows"
                    + " <> accepted + rejected + duplicates OR late > rejected OR accepted < 0"), "every day adds up");
            assertEquals(1, awaitCount(continuous, "SELECT COALESCE(SUM(late), 0) FROM input_count_daily WHERE"
                    + " source = 'orders' AND event_day = DATE '" + last.minusDays(3).toLocalDate() + "'",
                    Duration.ofSeconds(30)), "the late order is counted on its day");
            assertEquals(3, RunFixtures.count(continuous, "SELECT SUM(rejected) FROM input_count_daily WHERE"
                    + " source = 'orders'"), "the two bad orders and the late one");
            assertTrue(RunFixtures.count(continuous, "SELECT COUNT(*) FROM input_count_daily WHERE source = 'orders'"
                    + " AND rejected > 0 AND event_day BETWEEN DATE '" + sentOn + "' AND DATE '"
                    + LocalDate.now(ZoneOffset.UTC) + "'") == 1,
                    "the record that is no JSON counts on the day it was sent");
            for (String source : List.of("engagement", "treatments", "customers")) {
                assertTrue(RunFixtures.count(continuous, "SELECT COALESCE(SUM(read_rows), 0) FROM input_count_daily"
                        + " WHERE source = '" + source + "'") > 0, source + " is counted");
            }

            // the days still open by the job's clock are live: each customer's newest one, so far
            List<String> expectedLive = expectedLive(lastEvent, validOrders);
            assertTrue(expectedLive.size() > 5, "the records' last day is open: " + expectedLive);
            long liveEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<String> liveRows = live(continuous);
            while (!liveRows.equals(expectedLive) && System.nanoTime() < liveEnd) {
                Thread.sleep(500);
                liveRows = live(continuous);
            }
            assertEquals(expectedLive, liveRows, "activity_live: today's activity so far");
        } finally {
            stop(job);
        }
    }

    /**
     * segmentation: clusters in the continuous job: a model trained on the bounded rules run of
     * the orders, then the job on the orders topic and a bounded run, both with the shipped
     * config/clusters and that model, give the same tables; the customers are in the clusters'
     * segments.
     */
    @Test
    void inClustersModeTheJobGivesTheTablesOfABoundedClustersRun() throws Exception {
        Path config = java.nio.file.Files.createDirectories(dir.resolve("clusters-config"));
        for (String file : List.of(PipelineConfig.FILE, SegmentRules.FILE, Strategies.FILE)) {
            java.nio.file.Files.writeString(config.resolve(file), ConfigBundle.classpath("clusters/" + file));
        }
        Path model = config.resolve("cluster-model.json");
        RunFixtures.Captured trained = RunFixtures.capture(() -> org.retentionsegments.cli.Segments.commandLine()
                .execute("cluster", "--warehouse", boundedOnOrders, "--k", "3", "--out", model.toString()));
        assertEquals(0, trained.exitCode(), trained.err());

        String bounded = WAREHOUSES.freshUrl(Engine.POSTGRES);
        Map<InputKind, Path> files = new EnumMap<>(InputKind.class);
        files.put(InputKind.ORDERS, dir.resolve(Generator.ORDERS_FILE));
        BoundedRun.run(new BoundedRun.Options(new RunInputs(files, List.of()), config, bounded, lastRefresh, 2,
                Map.of()), System.err);
        Map<String, String> expectedClusters = compared(bounded);
        long placed = RunFixtures.count(bounded, "SELECT COUNT(*) FROM customer_segment WHERE segment IN ('Reward',"
                + " 'Retain', 'Nurture', 'Re-Engage', 'PAMPER', 'UPSELL', 'DELIGHT')");
        assertTrue(placed > 100, "the bounded run placed the customers by the model: " + placed);

        String prefix = TestKafka.topicPrefix();
        KAFKA.createTopics(List.of(prefix + "orders", prefix + "segment-transitions"), 2);
        KAFKA.send(prefix + "orders", records);
        String continuous = WAREHOUSES.freshUrl(Engine.POSTGRES);
        ConfigTexts clusters = new ConfigTexts(
                ConfigBundle.classpath("clusters/" + PipelineConfig.FILE) + "\nstream:\n  idle_timeout: PT2S\n",
                ConfigBundle.classpath("clusters/" + SegmentRules.FILE), ConfigBundle.classpath("clusters/" + Strategies.FILE),
                java.nio.file.Files.readString(model));
        ContinuousJob.Settings settings = ContinuousJob.Settings.of(KAFKA.bootstrapServers(), prefix, "it-" + prefix,
                continuous, clusters, Map.of()).withClock(stoppedAt(last));
        JobClient job = ContinuousJob.start(settings, conf(), null, System.err);
        try {
            assertEquals(expectedClusters, awaitEqual(continuous, expectedClusters, Duration.ofSeconds(120)),
                    "the continuous job's tables in clusters mode");
            assertTrue(RunFixtures.count(continuous, "SELECT COUNT(*) FROM cluster_assignment") > 0,
                    "cluster_assignment is written at the kept refreshes");
        } finally {
            stop(job);
        }
    }

    @Test
    void aJobStoppedAndStartedAgainResumesFromItsLastCheckpoint() throws Exception {
        // under the class's folder, removed after the last test: a cancelled job's checkpoint
        // files may still be discarded for a moment after its status has ended
        Path checkpoints = java.nio.file.Files.createDirectories(dir.resolve("resumed-checkpoints"));
        String prefix = TestKafka.topicPrefix();
        KAFKA.createTopics(List.of(prefix + "orders", prefix + "segment-transitions"), 2);
        int half = records.size() / 2;
        KAFKA.send(prefix + "orders", records.subList(0, half));
        String url = WAREHOUSES.freshUrl(Engine.POSTGRES);
        ContinuousJob.Settings settings = ContinuousJob.Settings.of(KAFKA.bootstrapServers(), prefix, "it-" + prefix,
                url, QUICK_IDLENESS, Map.of()).withClock(stoppedAt(last));

        long halfAt = Values.timestampUtc(JSON.readTree(records.get(half - 1)[1]).get("order_ts").asText(), ZoneOffset.UTC)
                .toInstant(ZoneOffset.UTC).toEpochMilli();
        JobClient first = ContinuousJob.start(settings.withClock(() -> halfAt), conf(), checkpoints, System.err);
        try {
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while ((RunFixtures.count(url, "SELECT COUNT(*) FROM score_boundary") == 0
                    || ContinuousJob.latestCheckpoint(checkpoints) == null) && System.nanoTime() < end) {
                Thread.sleep(500);
            }
            Thread.sleep(1500); // another checkpoint or two, after refreshes were written
        } finally {
            stop(first);
        }
        Path resumed = ContinuousJob.latestCheckpoint(checkpoints);
        assertTrue(resumed != null, "the cancelled job left its checkpoints in " + checkpoints);
        long refreshes = RunFixtures.count(url, "SELECT COUNT(DISTINCT as_of) FROM score_boundary");
        assertTrue(refreshes > 0 && refreshes < expectedRefreshes,
                "the first job refreshed " + refreshes + " of the " + expectedRefreshes + " days");

        KAFKA.send(prefix + "orders", records.subList(half, records.size()));
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        JobClient second = ContinuousJob.start(settings, conf(), checkpoints, new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            assertTrue(said.toString(StandardCharsets.UTF_8).contains("resuming from the checkpoint " + resumed),
                    said.toString(StandardCharsets.UTF_8));
            assertEquals(expected, awaitEqual(url, expected, Duration.ofSeconds(120)),
                    "a job resumed from its checkpoint ends with the tables of one uninterrupted run");
        } finally {
            stop(second);
        }
    }

    @Test
    void onAnIdleTopicTimeStillMovesAndCustomersChangeSegmentAsDaysPass() throws Exception {
        String prefix = TestKafka.topicPrefix();
        KAFKA.createTopics(List.of(prefix + "orders", prefix + "segment-transitions"), 2);
        KAFKA.send(prefix + "orders", records);
        String url = WAREHOUSES.freshUrl(Engine.POSTGRES);
        // a clock that starts at the last order and runs a day a second: once both partitions are
        // quiet (2 s without records), it alone moves time; a refresh is live (its transitions go
        // to the topic) if it runs within two days of the clock, two seconds here
        long wallStart = System.currentTimeMillis();
        long eventStart = last.toInstant(ZoneOffset.UTC).toEpochMilli();
        WallClock fast = () -> eventStart + (System.currentTimeMillis() - wallStart) * 86_400L;
        // a 30-day window: as days pass without orders, orders leave it and frequency and
        // monetary fall (with scores relative to everyone, recency alone moves no one)
        ConfigTexts config = new ConfigTexts(QUICK_IDLENESS.pipeline().replace("window_days: 365", "window_days: 30"),
                QUICK_IDLENESS.segments(), QUICK_IDLENESS.strategies());
        ContinuousJob.Settings settings = ContinuousJob.Settings.of(KAFKA.bootstrapServers(), prefix, "it-" + prefix,
                url, config, Map.of()).withClock(fast);
        LocalDate later = lastRefresh.plusDays(35);
        JobClient job = ContinuousJob.start(settings, conf(), null, System.err);
        try {
            String reached = "SELECT COUNT(*) FROM customer_segment WHERE as_of >= DATE '" + later + "'";
            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (RunFixtures.count(url, reached) == 0 && System.nanoTime() < end) {
                Thread.sleep(500);
            }
            assertTrue(RunFixtures.count(url, reached) > 0, "refreshes go on without records, past " + later);
            Thread.sleep(3000); // checkpoints commit the transactions of the topic's last records
        } finally {
            stop(job);
        }

        // the live refreshes' transitions went to the topic too, each once, as the warehouse has them
        List<String> told = new ArrayList<>();
        for (var record : KAFKA.readAll(prefix + "segment-transitions", Duration.ofSeconds(2))) {
            var json = JSON.readTree(record.value());
            assertEquals(json.get("customer_id").asText(), new String(record.key(), StandardCharsets.UTF_8));
            told.add(json.get("customer_id").asText() + "|" + json.get("as_of").asText() + "|"
                    + json.get("from").asText(null) + "|" + json.get("to").asText());
            // an arm exactly when the segment's strategy runs a program (always_on)
            assertTrue(json.hasNonNull("strategy") && json.hasNonNull("config_version")
                    && json.hasNonNull("arm") == json.hasNonNull("program_id"), json.toString());
        }
        assertTrue(told.stream().anyMatch(t -> t.split("\\|")[1].compareTo(lastRefresh.toString()) > 0),
                "transitions after the last order were told: " + told.size());
        assertEquals(told.size(), new java.util.HashSet<>(told).size(), "each transition once");
        List<String> stored = RunFixtures.rows(url, "SELECT customer_id, as_of, from_segment, to_segment FROM"
                + " segment_transition").stream().map(r -> r.get("customer_id") + "|" + r.get("as_of") + "|"
                + r.get("from_segment") + "|" + r.get("to_segment")).toList();
        assertTrue(stored.containsAll(told), "every transition told is in the warehouse");
        assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM activity_daily WHERE activity_date > DATE '"
                + last.toLocalDate() + "'"), "no activity after the last order");
        assertTrue(RunFixtures.count(url, "SELECT COUNT(*) FROM segment_transition WHERE as_of > DATE '" + lastRefresh
                + "' AND from_segment = 'Champions'") > 0, "champions who buy no more leave Champions");
        // every day has passed: the orders add up per day to the bounded run's accounting of the same records
        assertEquals(boundedOrderCounts, RunFixtures.map(url, COUNTS + " WHERE source = 'orders'"),
                "input_count_daily summed over the days");
        assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM input_count_daily WHERE read_rows"
                + " <> accepted + rejected + duplicates"), "every day adds up");
    }

    /** The clock of {@link #withLateRecordsAppliedAtTheNextRefreshALateOrderCountsOnTheDayItArrived}. */
    private static final java.util.concurrent.atomic.AtomicLong MOVABLE = new java.util.concurrent.atomic.AtomicLong();

    /** A static method: the job's clock reads the test's value, not a serialized copy of it. */
    private static long movableNow() {
        return MOVABLE.get();
    }

    @Test
    void withLateRecordsAppliedAtTheNextRefreshALateOrderCountsOnTheDayItArrived() throws Exception {
        String prefix = TestKafka.topicPrefix();
        KAFKA.createTopics(List.of(prefix + "orders", prefix + "segment-transitions"), 2);
        KAFKA.send(prefix + "orders", records);
        String url = WAREHOUSES.freshUrl(Engine.POSTGRES);
        ConfigTexts config = new ConfigTexts(QUICK_IDLENESS.pipeline().replace("late_records: reject",
                "late_records: next_refresh"), QUICK_IDLENESS.segments(), QUICK_IDLENESS.strategies());
        MOVABLE.set(last.toInstant(ZoneOffset.UTC).toEpochMilli());
        ContinuousJob.Settings settings = ContinuousJob.Settings.of(KAFKA.bootstrapServers(), prefix, "it-" + prefix,
                url, config, Map.of()).withClock(ContinuousJobITCase::movableNow);
        JobClient job = ContinuousJob.start(settings, conf(), null, System.err);
        try {
            assertEquals(expected, awaitEqual(url, expected, Duration.ofSeconds(120)), "on time, the same tables");
            // an order three days old: its day was refreshed long ago
            KAFKA.send(prefix + "orders", List.<String[]>of(new String[] {"c-late", "{\"order_id\": \"late-1\","
                    + " \"customer_id\": \"c-late\", \"order_ts\": \"" + last.minusDays(3) + "\", \"amount\": 10}"}));
            assertEquals(1, awaitCount(url, "SELECT COALESCE(SUM(late), 0) FROM input_count_daily WHERE source = 'orders'",
                    Duration.ofSeconds(60)), "the late order is counted as late");
            // time moves a day on: the day the order arrived in is refreshed, with the order in it
            MOVABLE.set(last.plusDays(1).plusHours(2).toInstant(ZoneOffset.UTC).toEpochMilli());
            assertEquals(1, awaitCount(url, "SELECT COUNT(*) FROM customer_segment WHERE customer_id = 'c-late'"
                    + " AND frequency = 1 AND monetary = 10", Duration.ofSeconds(60)), "the late order reached a refresh");
            LocalDate applied = last.minusHours(1).toLocalDate();
            assertEquals(1, RunFixtures.count(url, "SELECT COUNT(*) FROM activity_daily WHERE customer_id = 'c-late'"
                    + " AND activity_date = DATE '" + applied + "'"), "on the day the job was in when it arrived");
            assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM rejected_input"), "nothing rejected");
            assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM input_count_daily WHERE read_rows"
                    + " <> accepted + rejected + duplicates"), "every day adds up");
            assertEquals(records.size() + 1L, RunFixtures.count(url, "SELECT SUM(read_rows) FROM input_count_daily"),
                    "every record read is counted");
        } finally {
            stop(job);
        }
    }

    /** The clock of {@link #theTransitionsSentToTheTopicAreDeliveriesAndTheirProgramIsMeasured}. */
    private static final java.util.concurrent.atomic.AtomicLong SENDING = new java.util.concurrent.atomic.AtomicLong();

    private static long sendingNow() {
        return SENDING.get();
    }

    /**
     * issue 11 item 0: a transition the job sends to its topic is a delivery. The job's clock stands
     * 75 days before the last order while it reads the orders, so the refreshes from two days before
     * it on are live (caught up with the clock) and send their transitions, the earlier ones are the
     * catch-up, which sends nothing, and the 60-day horizons of many sent entries pass within the
     * orders; once it has refreshed 30 days before the last order, the clock moves to the last
     * order (a quiet partition then lets time reach it). Every message on the topic is a
     * {@code topic_delivery} row, and holdout_lift measures the always-on program on the sent
     * treatment-arm entries ('delivered'), while the bounded run on the same orders, which sends
     * nothing, says 'assigned'.
     */
    @Test
    void theTransitionsSentToTheTopicAreDeliveriesAndTheirProgramIsMeasured() throws Exception {
        String prefix = TestKafka.topicPrefix();
        String topic = ContinuousJob.transitionsTopic(prefix);
        KAFKA.createTopics(List.of(prefix + "orders", topic), 2);
        KAFKA.send(prefix + "orders", records);
        LocalDateTime clock = last.minusDays(75);
        LocalDate firstLive = clock.toLocalDate().minusDays(BoundaryMerge.LIVE_DAYS);
        LocalDate planned = last.toLocalDate().minusDays(30);
        SENDING.set(clock.toInstant(ZoneOffset.UTC).toEpochMilli());
        String url = WAREHOUSES.freshUrl(Engine.POSTGRES);
        ContinuousJob.Settings settings = ContinuousJob.Settings.of(KAFKA.bootstrapServers(), prefix, "it-" + prefix,
                url, QUICK_IDLENESS, Map.of()).withClock(ContinuousJobITCase::sendingNow);
        JobClient job = ContinuousJob.start(settings, conf(), null, System.err);
        try {
            assertTrue(awaitCount(url, "SELECT COUNT(*) FROM score_boundary WHERE as_of = DATE '" + planned + "'",
                    Duration.ofSeconds(90)) > 0, "the job refreshed up to " + planned + " on the early clock");
            SENDING.set(last.toInstant(ZoneOffset.UTC).toEpochMilli());
            assertEquals(expected, awaitEqual(url, expected, Duration.ofSeconds(120)),
                    "recording the sends changes no table of the bounded run's");
            // the warehouse has a send once its checkpoint is taken, the topic once Kafka commits it
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (told(topic).size() != RunFixtures.count(url, "SELECT COUNT(*) FROM topic_delivery")
                    && System.nanoTime() < end) {
                Thread.sleep(500);
            }
        } finally {
            stop(job);
        }

        java.util.Set<String> recorded = new java.util.HashSet<>(RunFixtures.rows(url, "SELECT topic, customer_id,"
                + " as_of, from_segment, to_segment, program_id, arm, config_version FROM topic_delivery").stream()
                .map(r -> r.get("topic") + "|" + r.get("customer_id") + "|" + r.get("as_of") + "|"
                        + r.get("from_segment") + "|" + r.get("to_segment") + "|" + r.get("program_id") + "|"
                        + r.get("arm") + "|" + r.get("config_version")).toList());
        assertEquals(told(topic), recorded, "every message on the topic is a topic_delivery row, and no other");
        assertEquals(RunFixtures.count(url, "SELECT COUNT(*) FROM segment_transition WHERE as_of BETWEEN DATE '"
                + firstLive + "' AND DATE '" + planned + "'"), RunFixtures.count(url, "SELECT COUNT(*) FROM"
                + " topic_delivery WHERE as_of <= DATE '" + planned + "'"), "the live refreshes' transitions were sent");
        assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM topic_delivery d WHERE NOT EXISTS (SELECT 1 FROM"
                + " segment_transition t WHERE t.customer_id = d.customer_id AND t.as_of = d.as_of AND t.to_segment ="
                + " d.to_segment)"), "each send is a transition");
        assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM topic_delivery WHERE as_of < DATE '" + firstLive
                + "'"), "the catch-up sent nothing");
        assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM topic_delivery d WHERE d.program_id IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM treatment t WHERE t.program_id = d.program_id AND t.customer_id ="
                + " d.customer_id AND t.arm = d.arm AND CAST(t.treated_ts AS DATE) = d.as_of)"),
                "each send of a program is one of its entries (a treatment row, same arm)");

        // measured on the sent treatment-arm customers whose 60-day window has passed, each once
        Map<String, Object> lift = RunFixtures.rows(url, "SELECT measured_as, treated_customers FROM holdout_lift"
                + " WHERE program_id = 'always_on' AND segment = 'ALL'").get(0);
        assertEquals("delivered", lift.get("measured_as"), "the program the job sent to the topic");
        long sent = RunFixtures.count(url, "SELECT COUNT(DISTINCT customer_id) FROM topic_delivery WHERE program_id ="
                + " 'always_on' AND arm = 'treatment' AND as_of + 60 <= (SELECT MAX(activity_date) FROM activity_daily)");
        assertEquals(sent, ((Number) lift.get("treated_customers")).longValue(), "treated: the customers sent");
        Map<String, Object> bounded = RunFixtures.rows(boundedOnOrders, "SELECT measured_as, treated_customers FROM"
                + " holdout_lift WHERE program_id = 'always_on' AND segment = 'ALL'").get(0);
        assertTrue(sent > 0 && sent < ((Number) bounded.get("treated_customers")).longValue(),
                "only the sent entries count: " + sent + " of " + bounded.get("treated_customers"));

        // the bounded run on the same orders sent nothing: the same program is only assigned
        assertEquals(0, RunFixtures.count(boundedOnOrders, "SELECT COUNT(*) FROM topic_delivery"), "no send");
        assertEquals("assigned", bounded.get("measured_as"), "a bounded run's program");
    }

    /** The messages on the transitions topic, committed, as topic|customer|as_of|from|to|program|arm|config. */
    private static java.util.Set<String> told(String topic) throws Exception {
        java.util.Set<String> told = new java.util.HashSet<>();
        for (var record : KAFKA.readAll(topic, Duration.ofSeconds(1))) {
            var json = JSON.readTree(record.value());
            told.add(topic + "|" + json.get("customer_id").asText() + "|" + json.get("as_of").asText() + "|"
                    + json.get("from").asText(null) + "|" + json.get("to").asText() + "|"
                    + json.get("program_id").asText(null) + "|" + json.get("arm").asText(null) + "|"
                    + json.get("config_version").asText());
        }
        return told;
    }

    /**
     * What activity_live should hold when the job's clock stands at {@code clock}: for each
     * customer with an accepted order line or event on a day still open (its end plus the allowed
     * lateness, an hour, not before the clock), the newest such day's orders, returns, net amount and
     * events, each copy once, computed here from the valid order records and the events sent.
     */
    private static List<String> expectedLive(LocalDateTime clock, List<String[]> records) throws Exception {
        long now = clock.toInstant(ZoneOffset.UTC).toEpochMilli();
        Map<String, Map<Long, Map<String, Double>>> orders = new java.util.TreeMap<>();
        Map<String, Map<Long, java.util.Set<String>>> copies = new java.util.HashMap<>();
        Map<String, Map<Long, Integer>> events = new java.util.HashMap<>();
        java.util.function.ToLongFunction<String> dayOf = ts -> Math.floorDiv(java.time.Instant.parse(ts).toEpochMilli(), 86_400_000L);
        java.util.function.LongPredicate open = day -> (day + 1) * 86_400_000L - 1 + 3_600_000L >= now;
        for (String[] record : records) {
            var o = JSON.readTree(record[1]);
            long day = dayOf.applyAsLong(o.get("order_ts").asText());
            String customer = o.get("customer_id").asText();
            if (!open.test(day) || !copies.computeIfAbsent(customer, c -> new java.util.HashMap<>())
                    .computeIfAbsent(day, d -> new java.util.HashSet<>())
                    .add(o.get("order_id").asText() + "|" + o.path("line_no").asText())) {
                continue;
            }
            orders.computeIfAbsent(customer, c -> new java.util.TreeMap<>())
                    .computeIfAbsent(day, d -> new java.util.HashMap<>())
                    .merge(o.get("order_id").asText(), o.get("amount").asDouble(), Double::sum);
        }
        for (String[] record : engagement) {
            var e = JSON.readTree(record[1]);
            long day = dayOf.applyAsLong(e.get("event_ts").asText());
            String customer = e.get("customer_id").asText();
            if (open.test(day) && copies.computeIfAbsent(customer, c -> new java.util.HashMap<>())
                    .computeIfAbsent(day, d -> new java.util.HashSet<>()).add("e" + e.get("event_id").asText())) {
                events.computeIfAbsent(customer, c -> new java.util.HashMap<>()).merge(day, 1, Integer::sum);
            }
        }
        List<String> rows = new ArrayList<>();
        for (var customer : new java.util.TreeSet<>(copies.keySet())) {
            long day = java.util.Collections.max(copies.get(customer).keySet());
            Map<String, Double> totals = orders.getOrDefault(customer, Map.of()).getOrDefault(day, Map.of());
            double revenue = totals.values().stream().mapToDouble(Double::doubleValue).sum();
            double returns = totals.values().stream().filter(t -> t < 0).mapToDouble(t -> -t).sum();
            rows.add(String.join(" ", customer, LocalDate.ofEpochDay(day).toString(),
                    String.valueOf(totals.values().stream().filter(t -> t > 0).count()),
                    String.valueOf(totals.values().stream().filter(t -> t < 0).count()),
                    new java.math.BigDecimal(revenue).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                    new java.math.BigDecimal(returns).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                    String.valueOf(events.getOrDefault(customer, Map.of()).getOrDefault(day, 0)),
                    String.valueOf(copies.get(customer).get(day).size())));
        }
        return rows.stream().sorted().toList();
    }

    /** activity_live's rows as {@link #expectedLive} writes them. */
    private static List<String> live(String url) throws Exception {
        return RunFixtures.rows(url, "SELECT customer_id || ' ' || CAST(activity_date AS VARCHAR) || ' ' || orders"
                + " || ' ' || return_orders || ' ' || CAST(revenue AS VARCHAR) || ' ' || CAST(returns AS VARCHAR)"
                + " || ' ' || engagement_events || ' ' || records AS line FROM activity_live")
                .stream().map(row -> (String) row.get("line")).sorted().toList();
    }

    /**
     * A clock that stands at the last event's time: a quiet topic moves the watermark no further
     * than the events did, so the last refresh is the bounded run's, and it is live.
     */
    private static WallClock stoppedAt(LocalDateTime time) {
        long at = time.toInstant(ZoneOffset.UTC).toEpochMilli();
        return () -> at;
    }

    private static Configuration conf() {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(1));
        conf.set(org.apache.flink.configuration.CoreOptions.DEFAULT_PARALLELISM, 2);
        return conf;
    }

    @Test
    void eachInputIsCheckedAndDeduplicatedOnceForEveryOutput() throws Exception {
        // every toDataStream is planned on its own: the views several outputs read are computed
        // once and read back (ContinuousJob.SHARED), not once per output
        String prefix = TestKafka.topicPrefix();
        KAFKA.createTopics(List.of(prefix + "orders", prefix + "engagement", prefix + "treatments",
                prefix + "customers"), 1);
        ContinuousJob.Settings settings = ContinuousJob.Settings.of(KAFKA.bootstrapServers(), prefix, "it-" + prefix,
                WAREHOUSES.freshUrl(Engine.POSTGRES), QUICK_IDLENESS, Map.of());
        org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env =
                org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment();
        ContinuousJob.build(env, settings, System.err);
        var graph = env.getStreamGraph();
        List<String> operators = graph.getStreamNodes().stream()
                .map(node -> node.getOperatorName()).toList();
        assertEquals(4, operators.stream().filter(name -> name.startsWith("WindowDeduplicate")).count(),
                "one deduplication per topic: " + operators);
        // each shared view is converted to a stream once, beside the job's four outputs (the
        // customer days, treatments, accounting and today's activity; a shared view missing from
        // the job's views would not be)
        assertEquals(ContinuousJob.SHARED.size() + 4, operators.stream().filter("TableToDataStream"::equals).count(),
                "one conversion per shared view and per output: " + operators);
        // PostgreSQL's writers run on every task, each taking the rows of its customers
        var writers = graph.getStreamNodes().stream()
                .filter(node -> node.getOperatorName().startsWith("warehouse (jOOQ)")).toList();
        assertEquals(1, writers.size(), () -> "one warehouse writer: " + operators);
        assertEquals(env.getParallelism(), writers.get(0).getParallelism());
        assertTrue(writers.get(0).getInEdges().stream().allMatch(edge -> edge.getPartitioner()
                        instanceof org.apache.flink.streaming.runtime.partitioner.KeyGroupStreamPartitioner),
                () -> "the writers' rows are keyed: " + writers.get(0).getInEdges());
    }

    @Test
    void aContinuousJobRefusesDuckDb() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContinuousJob.Settings.of(
                "localhost:9092", "", "g", "jdbc:duckdb:./x.duckdb", ConfigTexts.defaults(), Map.of()));
        assertTrue(e.getMessage().contains("PostgreSQL"), e.getMessage());
    }

    private static long awaitCount(String url, String query, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        long n = RunFixtures.count(url, query);
        while (n == 0 && System.nanoTime() < end) {
            Thread.sleep(500);
            n = RunFixtures.count(url, query);
        }
        return n;
    }

    /** Cancels the job and waits until it has ended, so that the next test starts on a quiet cluster. */
    private static void stop(JobClient job) throws Exception {
        job.cancel().get();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (job.getJobStatus().get().isGloballyTerminalState()) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException gone) {
                return; // the cluster no longer knows the job: it has ended
            }
            Thread.sleep(100);
        }
    }
}
