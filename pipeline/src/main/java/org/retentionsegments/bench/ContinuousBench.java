package org.retentionsegments.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.kafka.clients.admin.Admin;
import org.retentionsegments.flink.ConfigTexts;
import org.retentionsegments.flink.ContinuousJob;
import org.retentionsegments.flink.StagingFolder;
import org.retentionsegments.replay.ConsumerLag;
import org.retentionsegments.replay.KafkaClients;

/**
 * The continuous side of {@code bench/continuous.sh}, on topics a {@code ./segments generate
 * --kafka} filled before: {@code continuous} runs the continuous job embedded (RocksDB,
 * incremental checkpoints every 10 s) through the whole backlog into PostgreSQL and prints the
 * events per second from Kafka to committed warehouse rows, then moves its clock past the next
 * midnight and prints how long the day boundary took to reach every customer's committed row,
 * and the size of the last checkpoint per customer, then sends live orders at half the sustained
 * rate and prints how long each took to reach the warehouse ({@link #latency}), then as many orders
 * within that day as the job takes ({@link #capacity}; both stay in the orders topic, so a next
 * run needs fresh topics). {@code naive} runs the naive Flink SQL job a
 * user would write instead (a streaming GROUP BY customer over the orders topic, heap state, no
 * checkpoints) over the same orders. Each prints one {@code result ...} line.
 *
 * <p>Usage: {@code ContinuousBench continuous BOOTSTRAP PREFIX WAREHOUSE_URL LAST_DAY PARALLELISM}
 * or {@code ContinuousBench naive BOOTSTRAP PREFIX PARALLELISM}; LAST_DAY is the generated
 * business's last day.
 */
public final class ContinuousBench {

    private static final List<String> INPUTS = List.of("orders", "engagement", "treatments", "customers");

    /** The job's clock, moved by this class (the job runs in this JVM: a static method reads it). */
    private static final AtomicLong CLOCK = new AtomicLong();

    private ContinuousBench() {}

    private static long clock() {
        return LIVE_FROM.get() == Long.MIN_VALUE ? CLOCK.get() : liveClock();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 6 && args[0].equals("continuous")) {
            continuous(args[1], args[2], args[3], LocalDate.parse(args[4]), Integer.parseInt(args[5]));
        } else if ((args.length == 4 || args.length == 5) && args[0].equals("naive")) {
            naive(args[1], args[2], Integer.parseInt(args[3]), args.length == 5 ? args[4] : "hashmap");
        } else {
            throw new IllegalArgumentException("usage: ContinuousBench continuous BOOTSTRAP PREFIX WAREHOUSE_URL"
                    + " LAST_DAY PARALLELISM | naive BOOTSTRAP PREFIX PARALLELISM [hashmap|rocksdb]");
        }
    }

    static void continuous(String bootstrap, String prefix, String url, LocalDate lastDay, int parallelism)
            throws Exception {
        long events = 0;
        for (String input : INPUTS) {
            events += records(bootstrap, prefix + input);
        }
        // partitions count as quiet after 2 s (not a minute): the end of the backlog is not waited for
        ConfigTexts defaults = ConfigTexts.defaults();
        ConfigTexts config = new ConfigTexts(defaults.pipeline().replace("idle_timeout: PT1M", "idle_timeout: PT2S"),
                defaults.segments(), defaults.strategies());
        CLOCK.set(millis(lastDay.plusDays(1)) + 2 * 3_600_000L);
        ContinuousJob.Settings settings = ContinuousJob.Settings.of(bootstrap, prefix, "bench-" + UUID.randomUUID(),
                url, config, Map.of()).withClock(ContinuousBench::clock);
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        // -Dbench.state-backend=hashmap measures the live state alone (a full heap snapshot)
        String backend = System.getProperty("bench.state-backend");
        if (backend != null) {
            conf.set(StateBackendOptions.STATE_BACKEND, backend);
        }
        // -Dflink.KEY=VALUE sets any Flink option of the job, for trying one against the defaults
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("flink."))
                .forEach(k -> conf.setString(k.substring("flink.".length()), System.getProperty(k)));
        Path checkpoints = Files.createTempDirectory("continuous-bench-checkpoints");
        long t0 = System.nanoTime();
        JobClient job = ContinuousJob.start(settings, conf, checkpoints, System.err);
        try {
            String firstDay = lastDay.plusDays(1).toString();
            long read = 0;
            long lastSaid = t0;
            // the first commit of counted records, after the job's planning, start and warm-up
            long firstRead = 0;
            long firstAt = 0;
            while (read < events || count(url, "SELECT COUNT(*) FROM score_boundary WHERE as_of >= DATE '" + firstDay
                    + "'") == 0) {
                Thread.sleep(250);
                read = count(url, "SELECT COALESCE(SUM(read_rows), 0) FROM input_count_daily");
                if (firstRead == 0 && read > 0) {
                    firstRead = read;
                    firstAt = System.nanoTime();
                }
                if (System.nanoTime() - lastSaid > 5e9) {
                    lastSaid = System.nanoTime();
                    System.err.printf(Locale.ROOT, "continuous: %,d of %,d events committed after %.0f s%n", read,
                            events, (lastSaid - t0) / 1e9);
                }
                if (System.nanoTime() - t0 > 3_600e9) {
                    throw new IllegalStateException("the backlog was not through in an hour: " + read + " of " + events);
                }
            }
            long end = System.nanoTime();
            double seconds = (end - t0) / 1e9;
            double cpuSeconds = cpuSeconds();
            // the rate from the first commit of counted records to the last: what the job keeps
            // up once running (the commits come at checkpoints, so it is as coarse as they are)
            double sustained = firstAt > 0 && end > firstAt && events > firstRead
                    ? (events - firstRead) / ((end - firstAt) / 1e9) : 0;
            // the caught-up refresh's current rows commit in several transactions: count them once
            // they have stopped changing for longer than a checkpoint interval
            long customers = settled(url, "SELECT COUNT(*) FROM customer_segment");
            // rejected records are cheap: a figure of a run that rejected many says little (the
            // generator's records are all valid and none is late)
            long rejected = count(url, "SELECT COALESCE(SUM(rejected), 0) FROM input_count_daily");

            // the next midnight: every customer's row of the new day committed
            LocalDate next = lastDay.plusDays(2);
            long t2 = System.nanoTime();
            CLOCK.set(millis(next) + 2 * 3_600_000L);
            String written = "SELECT COUNT(*) FROM customer_segment WHERE as_of >= DATE '" + next + "'";
            while (count(url, written) < customers) {
                Thread.sleep(100);
                if (System.nanoTime() - t2 > 600e9) {
                    throw new IllegalStateException("the day boundary did not reach every customer in 10 minutes");
                }
            }
            double boundary = (System.nanoTime() - t2) / 1e9;
            Thread.sleep(12_000); // one more checkpoint, of the state after the boundary
            // counted after it: the day's transitions may commit in a later transaction than its rows
            long transitions = count(url, "SELECT COUNT(*) FROM segment_transition WHERE as_of >= DATE '" + next + "'");
            long bytes = lastCheckpointBytes(checkpoints);
            Map<String, Long> operators = lastCheckpointOperators(checkpoints);
            long stateBytes = operators.values().stream().mapToLong(Long::longValue).sum();
            operators.forEach((operator, size) -> System.err.printf(Locale.ROOT,
                    "checkpoint state: %-40s %,12d B  %,8.0f B per customer%n", operator, size,
                    customers == 0 ? 0.0 : (double) size / customers));
            // event to warehouse: live orders at half the sustained rate, on the day after the
            // boundary (no midnight passes while they are sent, so no refresh runs)
            Latency latency = latency(bootstrap, prefix, url, millis(next) + 3 * 3_600_000L, sustained / 2);
            // then as many orders as the job takes, within that day (no refresh): the per-event path alone
            Capacity capacity = capacity(bootstrap, prefix, url, next, customers);
            System.out.printf(Locale.ROOT, "result side=continuous events=%d seconds=%.2f events_per_s=%.0f"
                    + " customers=%d boundary_s=%.2f transitions=%d checkpoint_bytes=%d bytes_per_customer=%.0f"
                    + " state_bytes=%d state_bytes_per_customer=%.0f rejected=%d"
                    + " cpu_s=%.1f sustained_events_per_s=%.0f first_commit_s=%.1f"
                    + " latency_rate=%.0f latency_events=%d latency_missing=%d latency_p50_ms=%d latency_p99_ms=%d"
                    + " latency_max_ms=%d capacity_events=%d capacity_s=%.2f capacity_events_per_s=%.0f"
                    + " capacity_cpu_s=%.1f%n",
                    events, seconds, events / seconds, customers, boundary, transitions, bytes,
                    customers == 0 ? 0.0 : (double) bytes / customers, stateBytes,
                    customers == 0 ? 0.0 : (double) stateBytes / customers, rejected, cpuSeconds,
                    sustained, firstAt > 0 ? (firstAt - t0) / 1e9 : 0.0, latency.rate(), latency.events(),
                    latency.missing(), latency.percentile(50), latency.percentile(99), latency.percentile(100),
                    capacity.events(), capacity.seconds(), capacity.events() / capacity.seconds(),
                    capacity.cpuSeconds());
        } finally {
            job.cancel().get();
            StagingFolder.delete(checkpoints);
        }
    }

    /** Live orders sent by {@link #LIVE_CUSTOMERS} customers, and how long each took to be in the warehouse. */
    record Latency(double rate, int events, int missing, double[] ms) {

        /**
         * The {@code p}-th percentile of the events seen, in milliseconds, by nearest rank
         * (commons-math's R_1: one of the measured values); 0 when none was seen.
         */
        long percentile(int p) {
            return ms.length == 0 ? 0 : Math.round(new org.apache.commons.math3.stat.descriptive.rank.Percentile()
                    .withEstimationType(org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType.R_1)
                    .evaluate(ms, p));
        }
    }

    /** Customers the live orders of {@link #latency} go to, in turn. */
    static final int LIVE_CUSTOMERS = 20_000;

    /** How long {@link #latency} sends live orders. */
    static final long LIVE_SECONDS = 60;

    /**
     * Event-to-warehouse latency: the job's clock runs from {@code fromMs} at the wall clock's
     * pace, and orders stamped with that clock's time go to the orders topic at {@code rate} a
     * second for {@link #LIVE_SECONDS}, each a new order of one of {@link #LIVE_CUSTOMERS}
     * customers in turn; PostgreSQL is read every 100 ms meanwhile. An order is in the warehouse
     * when its customer's {@code activity_live} row counts it (its {@code records} reach the order's
     * number among the customer's): its latency is from the send call to the start of the first
     * read that saw it (the commit was before that read began), so up to the read interval more
     * than the true latency. Orders not seen within 30 s of the last send are counted as missing.
     */
    static Latency latency(String bootstrap, String prefix, String url, long fromMs, double rate) throws Exception {
        long wallStart = System.currentTimeMillis();
        LIVE_FROM.set(fromMs - wallStart);
        int total = (int) Math.max(1, Math.round(rate * LIVE_SECONDS));
        long[] sentNanos = new long[total];
        int[] seen = new int[LIVE_CUSTOMERS]; // per customer, the orders seen so far
        long[] latencies = new long[total];
        int counted = 0;
        java.util.Properties props = KafkaClients.orderedTextProducer(bootstrap, Map.of());
        String runTag = Long.toString(wallStart, 36);
        System.err.printf(Locale.ROOT, "latency: %,d live orders at %,.0f a second ...%n", total, rate);
        long t0 = System.nanoTime();
        long lastRead = 0;
        int sent = 0;
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(props);
                Connection c = DriverManager.getConnection(url);
                java.sql.PreparedStatement read = c.prepareStatement("SELECT customer_id, records FROM activity_live"
                        + " WHERE customer_id LIKE ?")) {
            read.setString(1, "live-" + runTag + "-%");
            while (counted < total) {
                long now = System.nanoTime();
                long due = Math.min(total, (long) ((now - t0) / 1e9 * rate) + 1);
                while (sent < due) {
                    String customer = "live-" + runTag + "-" + (sent % LIVE_CUSTOMERS);
                    String ts = java.time.Instant.ofEpochMilli(liveClock()).toString();
                    sentNanos[sent] = System.nanoTime();
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(prefix + "orders", customer,
                            "{\"order_id\": \"live-" + runTag + "-" + sent + "\", \"customer_id\": \"" + customer
                                    + "\", \"order_ts\": \"" + ts + "\", \"amount\": 10.5, \"line_no\": 1}"));
                    sent++;
                }
                if (now - lastRead >= 100_000_000L) {
                    long readAt = System.nanoTime(); // after every send so far
                    lastRead = readAt;
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            String id = rs.getString(1);
                            int customer = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
                            int records = rs.getInt(2);
                            // the customer's k-th order is order number customer + k * LIVE_CUSTOMERS
                            for (int k = seen[customer]; k < records; k++) {
                                int order = customer + k * LIVE_CUSTOMERS;
                                latencies[counted++] = (readAt - sentNanos[order]) / 1_000_000L;
                            }
                            seen[customer] = Math.max(seen[customer], records);
                        }
                    }
                }
                if (sent == total && System.nanoTime() - sentNanos[total - 1] > 30e9) {
                    break;
                }
                Thread.sleep(1);
            }
        }
        double[] seenMs = java.util.Arrays.stream(latencies, 0, counted).asDoubleStream().toArray();
        return new Latency(rate, total, total - counted, seenMs);
    }

    /** Orders of {@link #capacity}, unless {@code -Dbench.capacity-orders=N} says otherwise. */
    static final int CAPACITY_ORDERS = 600_000;

    /** Orders sent and committed within one day, the seconds from the first send to the read that saw them all, the JVM's CPU seconds meanwhile. */
    record Capacity(int events, double seconds, double cpuSeconds) {}

    /**
     * The per-event path without refreshes: {@link #CAPACITY_ORDERS} new orders of the business's
     * customers in turn ({@code C0000001} on), stamped with the live clock of {@link #latency} (the
     * day after the boundary, so no midnight passes and no refresh runs), sent as fast as the
     * producer goes (it shares the machine with the job), then PostgreSQL read every 250 ms until
     * the customers' {@code activity_live} rows of that day count every one: the events per
     * second a running job keeps up between two day boundaries, from Kafka to committed rows
     * (the backlog's figure includes a refresh of every customer at each of its days).
     */
    static Capacity capacity(String bootstrap, String prefix, String url, LocalDate day, long customers)
            throws Exception {
        int total = Integer.getInteger("bench.capacity-orders", CAPACITY_ORDERS);
        String query = "SELECT COALESCE(SUM(records), 0) FROM activity_live WHERE activity_date = DATE '" + day
                + "' AND customer_id LIKE 'C%'";
        long before = count(url, query); // none: the business's records are of earlier days
        java.util.Properties props = KafkaClients.orderedTextProducer(bootstrap, Map.of());
        String runTag = Long.toString(System.currentTimeMillis(), 36);
        System.err.printf(Locale.ROOT, "capacity: %,d orders of %,d customers within %s, as fast as they go ...%n",
                total, customers, day);
        double cpu0 = cpuSeconds();
        long t0 = System.nanoTime();
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(props)) {
            for (int i = 0; i < total; i++) {
                String customer = String.format(Locale.ROOT, "C%07d", i % customers + 1);
                String ts = java.time.Instant.ofEpochMilli(liveClock()).toString();
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(prefix + "orders", customer,
                        "{\"order_id\": \"cap-" + runTag + "-" + i + "\", \"customer_id\": \"" + customer
                                + "\", \"order_ts\": \"" + ts + "\", \"amount\": 10.5, \"line_no\": 1}"));
            }
        }
        System.err.printf(Locale.ROOT, "capacity: sent in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        long seen = before;
        long lastSaid = t0;
        while (seen - before < total) {
            Thread.sleep(250);
            seen = count(url, query);
            if (System.nanoTime() - lastSaid > 5e9) {
                lastSaid = System.nanoTime();
                System.err.printf(Locale.ROOT, "capacity: %,d of %,d orders committed after %.0f s%n", seen - before,
                        total, (lastSaid - t0) / 1e9);
            }
            if (System.nanoTime() - t0 > 1_800e9) {
                throw new IllegalStateException("the capacity orders were not through in 30 minutes: " + (seen - before)
                        + " of " + total);
            }
        }
        return new Capacity(total, (System.nanoTime() - t0) / 1e9, cpuSeconds() - cpu0);
    }

    /** The job's clock during {@link #latency}: the wall clock moved to the day after the boundary. */
    private static final AtomicLong LIVE_FROM = new AtomicLong(Long.MIN_VALUE);

    private static long liveClock() {
        return System.currentTimeMillis() + LIVE_FROM.get();
    }

    /**
     * The naive job over the orders topic: on the heap without checkpoints ({@code hashmap}, as a
     * user trying Flink SQL would start), or with the continuous job's own settings ({@code
     * rocksdb}: RocksDB, incremental checkpoints every {@link ContinuousJob#CHECKPOINT_INTERVAL},
     * the embedded job's managed memory), so that the job's events per second can be set beside
     * a naive job that pays for the same fault tolerance. Prints the events per second over the
     * whole call (planning and the job's start included) and over the job's own run time.
     */
    static void naive(String bootstrap, String prefix, int parallelism, String backend) throws Exception {
        long events = records(bootstrap, prefix + "orders");
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        Path checkpoints = null;
        switch (backend) {
            case "hashmap" -> conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
            case "rocksdb" -> {
                checkpoints = Files.createTempDirectory("naive-bench-checkpoints");
                conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
                conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
                conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, ContinuousJob.CHECKPOINT_INTERVAL);
                conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
                conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse(ContinuousJob.EMBEDDED_MANAGED_MEMORY));
            }
            default -> throw new IllegalArgumentException("naive: hashmap or rocksdb, not " + backend);
        }
        long t0 = System.nanoTime();
        double seconds;
        double running;
        try {
            TableEnvironment tEnv = TableEnvironment.create(
                    EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(conf).build());
            Map<String, String> values = new HashMap<>();
            values.put("topic", prefix + "orders");
            values.put("bootstrap", bootstrap);
            values.put("group", "bench-naive-" + UUID.randomUUID());
            Path dir = Path.of(System.getProperty("bench.sql", "bench/flink"));
            // the orders topic, then the canonical layout's order_lines view, as for the orders file
            for (String file : List.of("kafka/orders_topic.sql", "canonical/order_lines.sql", "kafka/rfm_sink.sql")) {
                tEnv.executeSql(BenchSql.load(dir.resolve(file), values));
            }
            TableResult insert = tEnv.executeSql(BenchSql.load(dir.resolve("kafka/rfm_insert.sql"), values));
            insert.await();
            seconds = (System.nanoTime() - t0) / 1e9;
            running = insert.getJobClient().orElseThrow().getJobExecutionResult().get().getNetRuntime() / 1e3;
        } finally {
            if (checkpoints != null) {
                StagingFolder.delete(checkpoints);
            }
        }
        System.out.printf(Locale.ROOT, "result side=%s events=%d seconds=%.2f events_per_s=%.0f job_s=%.2f"
                + " job_events_per_s=%.0f%n", backend.equals("hashmap") ? "naive-flink" : "naive-flink-rocksdb",
                events, seconds, events / seconds, running, events / running);
    }

    /** CPU seconds this JVM (the embedded job with its JIT compilers and collectors) has used. */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Records in the topic now (latest minus earliest offsets); 0 when there is no topic. */
    static long records(String bootstrap, String topic) throws Exception {
        try (Admin admin = KafkaClients.admin(bootstrap, Map.of())) {
            return admin.listTopics().names().get().contains(topic) ? ConsumerLag.records(admin, List.of(topic)) : 0;
        }
    }

    /**
     * Bytes on disk for the newest complete checkpoint: its own folder and the shared files
     * (incremental RocksDB), which may still hold files of older checkpoints not yet discarded.
     */
    static long lastCheckpointBytes(Path dir) throws IOException {
        Path newest = newestCheckpoint(dir);
        return newest == null ? 0 : StagingFolder.size(newest) + StagingFolder.size(newest.getParent().resolve("shared"));
    }

    /**
     * The state size of each operator in the newest complete checkpoint, as its metadata records
     * it (every file the checkpoint refers to, shared ones included, nothing else), by uid where
     * the metadata names it.
     */
    static Map<String, Long> lastCheckpointOperators(Path dir) throws IOException {
        Path newest = newestCheckpoint(dir);
        Map<String, Long> sizes = new TreeMap<>();
        if (newest == null) {
            return sizes;
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(newest.resolve("_metadata")))) {
            CheckpointMetadata metadata = Checkpoints.loadCheckpointMetadata(in,
                    ContinuousBench.class.getClassLoader(), newest.toString());
            for (OperatorState operator : metadata.getOperatorStates()) {
                if (operator.getStateSize() > 0) {
                    String name = operator.getOperatorUid().or(operator::getOperatorName)
                            .orElse(operator.getOperatorID().toString());
                    sizes.merge(name, operator.getStateSize(), Long::sum);
                }
            }
        }
        return sizes;
    }

    private static Path newestCheckpoint(Path dir) throws IOException {
        List<Path> metadata = new ArrayList<>();
        StagingFolder.walk(dir, 3, (file, attributes) -> {
            if (file.getFileName().toString().equals("_metadata")) {
                metadata.add(file);
            }
        }, null);
        return metadata.stream().map(Path::getParent).max(Comparator.comparingInt(
                p -> Integer.parseInt(p.getFileName().toString().substring("chk-".length())))).orElse(null);
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The count, once it has not changed for 12 seconds (a checkpoint interval and more). */
    private static long settled(String url, String sql) throws Exception {
        long value = count(url, sql);
        long since = System.nanoTime();
        while (System.nanoTime() - since < 12e9) {
            Thread.sleep(1_000);
            long now = count(url, sql);
            if (now != value) {
                value = now;
                since = System.nanoTime();
            }
        }
        return value;
    }

    private static long count(String url, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
