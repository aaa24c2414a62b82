package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.retentionsegments.flink.GeneratedTopics.awaitEqual;
import static org.retentionsegments.flink.GeneratedTopics.compared;
import static org.retentionsegments.flink.GeneratedTopics.jsonRecords;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.cli.ClusterJob;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.fixtures.ClusterJobs;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.SessionCluster;
import org.retentionsegments.fixtures.TestKafka;
import org.retentionsegments.generate.Generator;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * The cluster jar on a Flink session cluster of separate JVMs ({@link SessionCluster}), with a
 * KRaft broker and PostgreSQL: submitted with {@code flink run} at parallelism 2, the continuous
 * job reads a generated retailer's four topics as their records come in, a slice a second; at
 * random moments meanwhile its TaskManager is killed ({@code kill -9}) and replaced, twice, then
 * the job is stopped with a savepoint and submitted again from it, then killed once more. It ends
 * with the tables of a bounded run on the same records, and a read_committed reader of the
 * transitions topic finds that run's live transitions, each once. The job runs on the system
 * clock, as on a cluster.
 */
class ClusterITCase {

    @RegisterExtension
    static final TestKafka KAFKA = new TestKafka();

    @RegisterExtension
    static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final Path JAR = Path.of("target", "retention-segments-cluster.jar");
    /** The topics are fed in this many slices, one a second. */
    private static final int CHUNKS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static SessionCluster cluster;

    @BeforeAll
    static void startTheCluster() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the cluster jar is packaged before the ITCases run: " + JAR.toAbsolutePath());
        cluster = SessionCluster.start(dir.resolve("flink"), Path.of("target", "cluster-itcase"), JAR, Map.of(
                "state.backend.type", "rocksdb",
                "execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString(),
                "execution.checkpointing.interval", "2s",
                "heartbeat.interval", "1000",
                "heartbeat.timeout", "10000"));
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theJarHoldsTheJobAndItsLibrariesButNotFlink() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertEquals(ClusterJob.MAIN, jar.getManifest().getMainAttributes().getValue("Main-Class"));
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            for (String inside : List.of("org/retentionsegments/cli/ClusterJob.class",
                    "org/apache/flink/connector/kafka/source/KafkaSource.class", "org/jooq/DSLContext.class",
                    "org/flywaydb/core/Flyway.class", "org/postgresql/Driver.class", "picocli/CommandLine.class",
                    "com/fasterxml/jackson/dataformat/yaml/YAMLMapper.class", "sql/flink/stream/orders_timed.sql",
                    "config/pipeline.yaml")) {
                assertTrue(names.contains(inside), inside + " is in the jar");
            }
            for (String flink : List.of("org/apache/flink/streaming/api/", "org/apache/flink/runtime/",
                    "org/apache/flink/table/api/", "org/apache/flink/state/rocksdb/", "org/apache/logging/log4j/",
                    "org/duckdb/")) {
                assertTrue(names.stream().noneMatch(n -> n.startsWith(flink)), flink + " is the cluster's, not in the jar");
            }
            // merged service files: every library's entries, not the first jar's only
            assertTrue(service(jar, "org.apache.flink.table.factories.Factory").contains("KafkaDynamicTableFactory"));
            assertTrue(service(jar, "org.flywaydb.core.extensibility.Plugin").contains("PostgreSQLDatabaseType"));
            assertTrue(service(jar, "java.sql.Driver").contains("org.postgresql.Driver"));
        }
    }

    private static String service(JarFile jar, String name) throws Exception {
        JarEntry entry = jar.getJarEntry("META-INF/services/" + name);
        assertTrue(entry != null, "the jar has the service file " + name);
        return new String(jar.getInputStream(entry).readAllBytes(), UTF_8);
    }

    @Test
    void killedTaskManagersAndAStopWithSavepointEndWithTheTablesAndTransitionsOfACleanRun() throws Exception {
        awayFromTheDayBoundaries();
        // on quiet topics the watermark is the clock minus the allowed lateness: the job's last
        // refresh is that day's, and its refreshes from LIVE_DAYS before today on are live
        Duration lateness = ConfigTexts.defaults().parse().pipeline().stream().allowedLateness();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        LocalDate lastRefresh = now.minus(lateness).minusNanos(1_000_000).toLocalDate();
        LocalDate liveFrom = now.toLocalDate().minusDays(BoundaryMerge.LIVE_DAYS);

        Path data = Files.createDirectories(dir.resolve("data"));
        RunFixtures.generate(GeneratorConfig.of(100, 180, 5).withEndDate(now.toLocalDate().minusDays(1)), data);
        Map<InputKind, Path> files = new EnumMap<>(InputKind.class);
        files.put(InputKind.ORDERS, data.resolve(Generator.ORDERS_FILE));
        files.put(InputKind.ENGAGEMENT, data.resolve(Generator.ENGAGEMENT_FILE));
        files.put(InputKind.TREATMENTS, data.resolve(Generator.TREATMENTS_FILE));
        files.put(InputKind.CUSTOMERS, data.resolve(Generator.CUSTOMERS_FILE));
        String clean = WAREHOUSES.freshUrl(Engine.POSTGRES);
        BoundedRun.run(new BoundedRun.Options(new RunInputs(files, List.of()), null, clean, lastRefresh, 2, Map.of()),
                System.err);
        Map<String, String> expected = compared(clean);
        List<String> expectedTold = transitions(clean, "SELECT customer_id, as_of, from_segment, to_segment FROM"
                + " segment_transition WHERE as_of >= DATE '" + liveFrom + "'");
        assertFalse(expectedTold.isEmpty(), "the clean run has live transitions to compare");

        String prefix = TestKafka.topicPrefix();
        KAFKA.createTopics(ContinuousJob.topicNames(prefix), 2);
        Map<String, List<String[]>> records = new LinkedHashMap<>();
        for (Map.Entry<InputKind, Path> file : files.entrySet()) {
            records.put(prefix + file.getKey().label(), jsonRecords(file.getValue(), file.getKey()));
        }
        String url = WAREHOUSES.freshUrl(Engine.POSTGRES);
        String[] args = {"--bootstrap-servers", KAFKA.bootstrapServers(), "--topic-prefix", prefix,
            "--group-id", "it-" + prefix, "--warehouse", url, "--config", quickConfig().toString()};

        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (ClusterJobs jobs = new ClusterJobs(cluster)) {
            JobID job = flinkRun("flink-run", args);
            jobs.awaitRunning(job);
            AtomicInteger fed = new AtomicInteger();
            CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> feed(records, fed));
            // while the records come: two kills, a stop with a savepoint and a new job from it, a kill
            List<String> events = List.of("kill", "kill", "savepoint", "kill");
            long checkpoints = jobs.completedCheckpoints(job);
            for (int i = 0; i < events.size(); i++) {
                int slot = CHUNKS / (events.size() + 1);
                int at = (i + 1) * slot + random.nextInt(slot);
                while (fed.get() < at && !feed.isDone()) {
                    Thread.sleep(100);
                }
                jobs.awaitCheckpointAfter(job, checkpoints); // the job has run since it (re)started
                Map<String, String> tables = compared(url);
                log("%s (seed %d) at chunk %d of %d, %s: %s", events.get(i), seed, fed.get(), CHUNKS,
                        RunFixtures.rows(url, "SELECT (SELECT MAX(as_of) FROM score_boundary) AS refreshed_to,"
                                + " (SELECT MAX(as_of) FROM customer_segment) AS segments_as_of,"
                                + " (SELECT MAX(as_of) FROM segment_transition) AS transitions_to").get(0), tables);
                if (i == 0) {
                    assertTrue(!tables.equals(expected) && !feed.isDone(), "the first kill comes before the job caught up");
                }
                if (events.get(i).equals("kill")) {
                    cluster.killTaskManager();
                    cluster.startTaskManager();
                    jobs.awaitRunning(job);
                    String restored = jobs.restoredFrom(job);
                    assertTrue(restored.contains(dir.resolve("checkpoints").toString()),
                            "the job restarts from a checkpoint in the cluster's checkpoint folder: " + restored);
                } else {
                    String savepoint = jobs.stopWithSavepoint(job, dir.resolve("savepoints"));
                    job = flinkRun("flink-run-from-savepoint", args, "-s", savepoint);
                    jobs.awaitRunning(job);
                    assertEquals(savepoint, jobs.restoredFrom(job), "the job submitted again resumes from the savepoint");
                }
                jobs.awaitRunning(job);
                checkpoints = jobs.completedCheckpoints(job);
            }
            feed.get(2, TimeUnit.MINUTES);
            assertEquals(expected, awaitEqual(url, expected, Duration.ofMinutes(3)),
                    "after 3 killed TaskManagers and a savepoint (seed " + seed + ") the tables are a"
                            + " clean run's; processes' output in " + Path.of("target", "cluster-itcase").toAbsolutePath());
            assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM rejected_input WHERE reason LIKE 'late%'"),
                    "no record came late: the failures held no partition's time back too long, or moved it too far");
            List<String> told = awaitTold(prefix + "segment-transitions", expectedTold, Duration.ofSeconds(30));
            log("caught up: %d live transitions on the topic", told.size());
            assertEquals(expectedTold, told, "the transitions topic has the clean run's live transitions, each once");
            jobs.cancel(job);
        }
    }

    /**
     * Sends every topic's records, in time order, in {@link #CHUNKS} slices, a slice of each topic
     * a second (a partition is quiet for far less than the idle timeout, so no record is late).
     */
    private static void feed(Map<String, List<String[]>> records, AtomicInteger fed) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                for (Map.Entry<String, List<String[]>> topic : records.entrySet()) {
                    List<String[]> all = topic.getValue();
                    for (String[] kv : all.subList(chunk * all.size() / CHUNKS, (chunk + 1) * all.size() / CHUNKS)) {
                        sent.add(producer.send(new ProducerRecord<>(topic.getKey(), kv[0].getBytes(UTF_8),
                                kv[1].getBytes(UTF_8))));
                    }
                }
                producer.flush();
                fed.incrementAndGet();
                Thread.sleep(1000);
            }
            for (Future<RecordMetadata> record : sent) {
                record.get(1, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("feeding the topics failed", e);
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf("%s %s%n", LocalTime.now().withNano(0), String.format(format, args));
    }

    /**
     * {@code flink run -d -p 2 [OPTIONS] -c MAIN retention-segments-cluster.jar ARGS}, as the README
     * says, by Flink's command line in a JVM of its own (RestClusterClient and PackagedProgram
     * inside): the job is built where only Flink and the jar are on the class path.
     */
    private static JobID flinkRun(String name, String[] args, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("run", "-d", "-p", "2"));
        command.addAll(List.of(options));
        command.addAll(List.of("-c", ClusterJob.MAIN, JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        String output = cluster.flink(name, command);
        Matcher id = Pattern.compile("JobID ([0-9a-f]{32})").matcher(output);
        assertTrue(id.find(), "flink run names the job it submitted:\n" + output);
        return JobID.fromHexString(id.group(1));
    }

    /** The topic's committed transitions once they are {@code expected}, or as they are after {@code timeout}. */
    private static List<String> awaitTold(String topic, List<String> expected, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        List<String> told = told(topic);
        while (!told.equals(expected) && System.nanoTime() < end) {
            Thread.sleep(1000);
            told = told(topic);
        }
        return told;
    }

    /** customer|as_of|from|to of every committed record, sorted (copies stay). */
    private static List<String> told(String topic) throws Exception {
        List<String> out = new ArrayList<>();
        for (var record : KAFKA.readAll(topic, Duration.ofSeconds(2))) {
            JsonNode json = JSON.readTree(record.value());
            out.add(json.get("customer_id").asText() + "|" + json.get("as_of").asText() + "|"
                    + json.get("from").asText(null) + "|" + json.get("to").asText());
        }
        out.sort(null);
        return out;
    }

    private static List<String> transitions(String url, String query) throws Exception {
        List<String> out = new ArrayList<>(RunFixtures.rows(url, query).stream().map(r -> r.get("customer_id") + "|"
                + r.get("as_of") + "|" + r.get("from_segment") + "|" + r.get("to_segment")).toList());
        out.sort(null);
        return out;
    }

    /**
     * The built-in configuration with partitions idle after 15 s instead of a minute (the last
     * refreshes come sooner; long enough that a partition still replaying after a restore does
     * not look idle), in a folder for {@code --config}.
     */
    private static Path quickConfig() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve(PipelineConfig.FILE),
                ConfigTexts.defaults().pipeline().replace("idle_timeout: PT1M", "idle_timeout: PT15S"));
        return config;
    }

    /**
     * Waits past 00:00 and 01:00 UTC when one is less than 8 minutes away: the expected tables
     * are those of the day the clock minus the allowed lateness is in when the test starts.
     */
    private static void awayFromTheDayBoundaries() throws InterruptedException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (LocalDateTime boundary : List.of(now.toLocalDate().atTime(1, 0), now.toLocalDate().plusDays(1).atStartOfDay())) {
            Duration left = Duration.between(now, boundary);
            if (!left.isNegative() && left.compareTo(Duration.ofMinutes(8)) < 0) {
                Thread.sleep(left.plusSeconds(10).toMillis());
            }
        }
    }
}
