package org.retentionsegments.flink;

import static org.apache.flink.table.api.Expressions.$;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.types.Row;
import org.retentionsegments.core.RejectedInput;
import org.retentionsegments.core.TopicDelivery;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.flink.state.EagerCompaction;
import org.retentionsegments.flink.state.EdgeTypes;
import org.retentionsegments.flink.state.WarehouseRows;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.Warehouse;

/**
 * The continuous job: the four input topics, read, checked,
 * deduplicated and rolled up per customer
 * and UTC day by streaming Flink SQL (the file path's {@code *_fields} and {@code *_checked}
 * views, then the daily views of {@code sql/flink/stream/}), feed the operators of
 * {@link RefreshGraph}; a day's refresh runs when the watermark passes its midnight. Everything
 * the warehouse keeps goes through one jOOQ sink, flushed at every checkpoint, into PostgreSQL.
 * The live refreshes' transitions go to the {@link TransitionsTopic}, and each message sent is
 * recorded in {@code topic_delivery} by the same sink, at the checkpoint that commits it.
 */
public final class ContinuousJob {

    /** The shared views of the file path the job uses, in order. */
    static final List<String> FEATURES = List.of("orders_fields", "orders_checked", "engagement_fields",
            "engagement_checked", "treatments_fields", "treatments_checked", "customers_fields", "customers_checked");

    /** The job's own streaming views, in order. */
    static final List<String> STREAM = List.of(
            "orders_timed", "orders_on_time", "order_lines_daily", "orders_daily", "engagement_timed",
            "engagement_on_time", "engagement_daily", "treatments_timed", "treatments_on_time", "treatments_daily",
            "customers_timed", "customers_on_time", "customers_daily", "customer_day_parts",
            "live_records", "rejected_topics", "counted_records", "input_counts_daily", "accounting_topics");

    /**
     * The views more than one of the job's outputs read (the customer days, the treatments, the
     * rejected records and counts), with their time attribute: each is computed once and read
     * back ({@link #materialize}). Every {@code toDataStream} is planned on its own, so a view two
     * of them read was computed twice, its deduplication state and all (ten deduplications for
     * four topics), and its late checks twice, in two copies that had to agree.
     */
    static final Map<String, String> SHARED = Map.of("orders_timed", "rowtime", "engagement_timed", "rowtime",
            "treatments_timed", "rowtime", "customers_timed", "rowtime", "order_lines_daily", "day_time",
            "orders_daily", "day_time", "engagement_daily", "day_time", "customers_daily", "day_time",
            "treatments_daily", "day_time");

    /** The inputs read from topics so far. */
    static final List<InputKind> INPUTS = List.of(InputKind.values());

    /** Managed memory (RocksDB) of the embedded job's TaskManager unless told otherwise. */
    public static final String EMBEDDED_MANAGED_MEMORY = "512m";

    /** How often the job checkpoints (and flushes the warehouse) unless told otherwise. */
    public static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /**
     * @param topics where the input topics are
     * @param warehouseUrl JDBC URL of a PostgreSQL warehouse, migrated
     * @param config the configuration texts
     * @param runId the job's name in {@code rejected_input}: stable across restarts
     */
    public record Settings(TopicInputs.Topics topics, String warehouseUrl, ConfigTexts config, String runId,
            WallClock clock) {

        public Settings {
            if (Warehouse.isDuckDb(warehouseUrl)) {
                throw new IllegalArgumentException("a continuous job needs a PostgreSQL warehouse (--warehouse"
                        + " jdbc:postgresql://...): DuckDB allows one writer, and reports and BI tools could"
                        + " not read the warehouse while the job runs");
            }
        }

        /** Settings for the topics {@code prefix + "orders"} and so on, read by consumer group {@code groupId}. */
        public static Settings of(String bootstrapServers, String prefix, String groupId, String warehouseUrl,
                ConfigTexts config, Map<String, String> kafkaProperties) {
            return new Settings(new TopicInputs.Topics(bootstrapServers, prefix, groupId, kafkaProperties),
                    warehouseUrl, config, "stream-" + groupId, WallClock.SYSTEM);
        }

        /** The same settings on another clock (tests run days in seconds). */
        public Settings withClock(WallClock other) {
            return new Settings(topics, warehouseUrl, config, runId, other);
        }
    }

    private ContinuousJob() {}

    /** The topic the job reads {@code kind} from. */
    public static String inputTopic(String prefix, InputKind kind) {
        return prefix + kind.label();
    }

    /** The topic the job writes the live refreshes' transitions to. */
    public static String transitionsTopic(String prefix) {
        return prefix + TransitionsTopic.NAME;
    }

    /**
     * The names of the topics a job with {@code prefix} reads ({@code prefix + "orders"},
     * engagement, treatments, customers), then the one it writes ({@code segment-transitions}).
     */
    public static List<String> topicNames(String prefix) {
        List<String> names = new java.util.ArrayList<>(inputTopicNames(prefix));
        names.add(transitionsTopic(prefix));
        return List.copyOf(names);
    }

    /** The names of the topics a job with {@code prefix} reads, in the order of {@link InputKind}. */
    public static List<String> inputTopicNames(String prefix) {
        return INPUTS.stream().map(kind -> inputTopic(prefix, kind)).toList();
    }

    /**
     * The job's configuration: what {@code given} sets (a cluster's or the launcher's options),
     * and where it says nothing, streaming mode, RocksDB state with incremental checkpoints every
     * {@link #CHECKPOINT_INTERVAL}, bloom filters on RocksDB's tables, partitioned, their level-0
     * files compacted two at a time ({@link EagerCompaction}) and exponential-delay restarts. No memory
     * and no checkpoint or savepoint path: those are the cluster's (or the embedded launcher's) to
     * choose.
     *
     * <p>The bloom filters: most of the job's state reads look up a key that is not there (the
     * deduplication's first sight of a record in its day, a window's first row of a customer), and
     * without a filter RocksDB reads and decompresses a data block of every table file that might
     * hold it. Measured with {@code bench/continuous.sh}'s job on 30,000 customers x 180 days, two
     * pairs: 97.5 and 89.4 s without, 90.2 and 81.5 s with (JVM CPU 179.5/162.8 against
     * 168.0/151.9 s).
     *
     * <p>Partitioned: with the managed memory Flink gives RocksDB, the filter and index blocks live
     * in the block cache beside the data, and a filter is one block per table file, so a lookup
     * that misses the cache reads and checksums the whole filter of a large file (a megabyte or
     * more once a day's deduplication keys pile up). Partitioned filters (Flink's
     * {@code state.backend.rocksdb.memory.partitioned-index-filters}) load one small partition
     * instead. Measured with {@code bench/continuous.sh 100000 180}'s capacity phase (1,200,000
     * orders within one day, {@code -Dbench.capacity-orders=1200000}): 26,892 orders/s and 72.9 JVM
     * CPU seconds with them against 10,527 and 10,915 orders/s and 183.7 and 192.3 s without, where
     * a profile of the run without found 15.8 of the live-activity operator's 17.7 CPU seconds (in
     * 25 s) in its MapState's {@code contains} and {@code get}, reading filter blocks from files
     * ({@code BlockFetcher::ReadBlockContents}, {@code VerifyBlockChecksum}). The backlog's figures
     * did not move (bench/HISTORY.md).
     *
     * <p>Records pass between chained operators uncopied ({@link RefreshGraph#passRecordsUncopied}).
     */
    public static Configuration configuration(ReadableConfig given) {
        Configuration conf = Configuration.fromMap(given.toMap());
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        if (!conf.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)) {
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, CHECKPOINT_INTERVAL);
        }
        if (!conf.contains(StateBackendOptions.STATE_BACKEND)) {
            conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        }
        if (!conf.contains(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)) {
            conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        }
        if (!conf.contains(RocksDBConfigurableOptions.USE_BLOOM_FILTER)) {
            conf.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
        }
        if (!conf.contains(RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS)) {
            conf.set(RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS, true);
        }
        if (!conf.contains(RocksDBOptions.OPTIONS_FACTORY)) {
            conf.set(RocksDBOptions.OPTIONS_FACTORY, EagerCompaction.class.getName());
        }
        if (!conf.contains(RestartStrategyOptions.RESTART_STRATEGY)) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        }
        RefreshGraph.passRecordsUncopied(conf);
        return conf;
    }

    /**
     * Starts the job on {@code flinkConf}'s executor (a MiniCluster embedded, unless configured
     * otherwise) with the job's {@link #configuration defaults}, and 512 MB of managed memory for
     * RocksDB unless told otherwise. With {@code checkpoints}, the checkpoints are kept
     * there (also when the job is cancelled) and the job resumes from the latest one it finds, so
     * a job killed and started again goes on where its last checkpoint was.
     *
     * @param checkpoints a folder for the job's checkpoints; null to keep them in memory only
     * @param progress where the job says where it resumes from
     */
    public static JobClient start(Settings settings, Configuration flinkConf, Path checkpoints,
            java.io.PrintStream progress) throws Exception {
        Configuration conf = configuration(flinkConf);
        if (!conf.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)) {
            // RocksDB's memory when the job runs embedded (Flink's local default is too small for
            // its write buffers; a cluster sets its own)
            conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse(EMBEDDED_MANAGED_MEMORY));
        }
        if (checkpoints != null) {
            Files.createDirectories(checkpoints);
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
            conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
            Path latest = latestCheckpoint(checkpoints);
            if (latest != null && !conf.contains(StateRecoveryOptions.SAVEPOINT_PATH)) {
                conf.set(StateRecoveryOptions.SAVEPOINT_PATH, latest.toString());
                // an input topic created since is read by a new source; the stand-in it replaces leaves its state
                conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
                progress.println("resuming from the checkpoint " + latest);
            }
        }
        return execute(conf, settings, progress);
    }

    /**
     * Submits the job to the cluster a {@code flink run} (or the Kubernetes operator) runs this
     * program on: the cluster's configuration (checkpoint storage, state backend, memory, a
     * savepoint to restore) applies, the job's {@link #configuration defaults} fill what it leaves
     * open.
     */
    public static JobClient startOnCluster(Settings settings, java.io.PrintStream progress) throws Exception {
        ReadableConfig cluster = StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration();
        return execute(configuration(cluster), settings, progress);
    }

    private static JobClient execute(Configuration conf, Settings settings, java.io.PrintStream progress)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        build(env, settings, progress);
        return env.executeAsync("retention-segments continuous (" + settings.topics().prefix() + "*)");
    }

    /** The newest complete checkpoint under {@code dir} (a {@code chk-N} folder with its metadata), or null. */
    static Path latestCheckpoint(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return newestCheckpoint(dir);
            } catch (UncheckedIOException | java.nio.file.NoSuchFileException e) {
                // a running job removes older checkpoints while the folder is walked: look again
                if (attempt == 5 || !(e instanceof java.nio.file.NoSuchFileException
                        || e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                    throw e;
                }
            }
        }
    }

    private static Path newestCheckpoint(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.find(dir, 3, (path, attributes) ->
                path.getFileName().toString().equals("_metadata")
                        && path.getParent().getFileName().toString().startsWith("chk-"))) {
            return files.max(Comparator.comparing((Path p) -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })).map(Path::getParent).orElse(null);
        }
    }

    /** Adds the job's sources, operators and sink to {@code env}. */
    public static void build(StreamExecutionEnvironment env, Settings settings, java.io.PrintStream progress) {
        // migrated now, once, before any task writes, with the models' views, which ./segments report reads
        try (Warehouse warehouse = Warehouse.open(settings.warehouseUrl())) {
            Models.bundled().apply(warehouse);
            settings.config().record(new org.retentionsegments.warehouse.WarehouseWriter(warehouse,
                    java.time.Clock.systemUTC(), settings.config().version()));
        }
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        SqlFunctions.register(tEnv);
        PipelineConfig pipeline = settings.config().parse().pipeline();
        TopicInputs.register(env, tEnv, settings.topics(), INPUTS, pipeline, settings.clock(), progress);
        SqlScripts sql = sql(pipeline);
        for (String view : FEATURES) {
            tEnv.executeSql(sql.statement("features", view));
        }
        for (String view : STREAM) {
            tEnv.executeSql(sql.statement("stream", view));
            if (SHARED.containsKey(view)) {
                materialize(tEnv, view, SHARED.get(view));
            }
        }
        // the parts of each customer day, summed by the rolling windows (a SQL aggregate summing
        // them first kept a second keyed state of every open day, and led the profile at 1M customers)
        DataStream<DayActivity> days = tEnv.toDataStream(tEnv.from("customer_day_parts"))
                .map(StreamStage::dayPart).returns(EdgeTypes.DAY_ACTIVITY).name("customer day parts").uid("customer-day-parts");
        DataStream<RefreshInput> treatments = tEnv.toDataStream(tEnv.from("treatments_daily"))
                .map(StreamStage::treatment).name("treatments").uid("treatments");
        String runId = settings.runId();
        // rejected records and input counts come as one stream: one plan, so the rejected rows the
        // counts are made of are not computed twice (the customer days and treatments have plans of their own)
        DataStream<Row> accounting = tEnv.toDataStream(tEnv.from("accounting_topics"));
        DataStream<WarehouseRow> rejected = accounting.filter(row -> row.getField("reject_reason") != null)
                .name("rejected records").uid("rejected-records")
                .map(row -> rejected(runId, row)).returns(WarehouseRows.TYPE).name("rejected_input")
                .uid("rejected-input");
        DataStream<WarehouseRow> counts = accounting.map(InputDayCounts.Delta::of).name("input counts")
                .uid("input-counts").keyBy(InputDayCounts.Delta::key).process(new InputDayCounts(runId))
                .returns(WarehouseRows.TYPE).name("input_count_daily").uid("input-count-daily");
        RefreshGraph.Outputs out = RefreshGraph.graph(days, treatments, settings.config(), null, settings.clock());
        // every message for the transitions topic is also a topic_delivery row: both sinks take it before the
        // same checkpoint barrier, so the warehouse writes it at the checkpoint whose Kafka transaction sends it
        String topic = transitionsTopic(settings.topics().prefix());
        DataStream<WarehouseRow> sent = out.transitions().map(e -> (WarehouseRow) TopicDelivery.of(topic, e))
                .returns(WarehouseRows.TYPE).name("topic_delivery").uid("topic-delivery");
        // PostgreSQL takes several writers: one per task, each with the rows of its customers (and
        // of its tables without a customer), in the order they come, so no two writers hold the same key
        out.rows().union(rejected, counts, sent)
                .keyBy(WarehouseSink::writerKey)
                .sinkTo(new WarehouseSink(settings.warehouseUrl(), SINK_BUFFER_ROWS,
                        settings.config().version()))
                .name("warehouse (jOOQ)").uid("warehouse");
        out.transitions().sinkTo(TransitionsTopic.sink(settings.topics())).name("segment-transitions topic")
                .uid("segment-transitions");
        live(tEnv, settings, pipeline);
    }

    /**
     * Rows per warehouse transaction of the continuous job, smaller than a bounded run's
     * ({@link StreamStage#SINK_BUFFER_ROWS}, sized for DuckDB): a refresh's rows are written while
     * the refresh goes on, instead of all at the checkpoint after it (the refresh holds the
     * checkpoint's barrier until it is done), so the writers' PostgreSQL work overlaps the pass.
     */
    static final int SINK_BUFFER_ROWS = 25_000;

    /** How often today's activity is written, besides at every checkpoint. */
    static final long LIVE_FLUSH_MS = 500;

    /**
     * Today's activity ({@code activity_live}): the accepted records of days still open by the
     * job's clock, counted per customer, through a sink of their own that writes every
     * {@link #LIVE_FLUSH_MS}, so a record is in the warehouse about a second after it arrives
     * instead of at the next checkpoint (and not behind a refresh's rows). The records of a
     * replayed backlog, whose days the watermark will close soon, leave at the filter.
     */
    private static void live(StreamTableEnvironment tEnv, Settings settings, PipelineConfig pipeline) {
        WallClock clock = settings.clock();
        long latenessMs = pipeline.stream().allowedLateness().toMillis();
        tEnv.toDataStream(tEnv.from("live_records")).map(LiveActivityFunction.Record::of).name("live records")
                .uid("live-records")
                .filter(r -> LiveActivityFunction.end((int) Math.floorDiv(r.eventMs, LiveActivityFunction.DAY_MS))
                        + latenessMs >= clock.getAsLong()).name("open days").uid("open-days")
                .keyBy(r -> r.customerId).process(new LiveActivityFunction()).returns(WarehouseRows.TYPE)
                .name("today's activity").uid("live-activity")
                .sinkTo(new WarehouseSink(settings.warehouseUrl(), StreamStage.SINK_BUFFER_ROWS,
                        settings.config().version(), LIVE_FLUSH_MS))
                .setParallelism(1).name("activity_live (jOOQ)").uid("activity-live-warehouse");
    }

    /**
     * Replaces {@code view} by its rows read back from a stream: the views defined after it, and
     * every plan that reads them, read the one computation of its rows. The time attribute
     * {@code time} travels as each record's timestamp, with the watermarks.
     */
    static void materialize(StreamTableEnvironment tEnv, String view, String time) {
        Table table = tEnv.from(view);
        DataStream<Row> rows = tEnv.toDataStream(table);
        String mark = "materialized_" + time;
        Table back = tEnv.fromDataStream(rows, Schema.newBuilder()
                .columnByMetadata(mark, DataTypes.TIMESTAMP_LTZ(3), "rowtime")
                .watermark(mark, "SOURCE_WATERMARK()")
                .build());
        List<Expression> columns = new ArrayList<>();
        for (String column : table.getResolvedSchema().getColumnNames()) {
            columns.add(column.equals(time) ? $(mark).as(time) : $(column));
        }
        tEnv.dropTemporaryView(view);
        tEnv.createTemporaryView(view, back.select(columns.toArray(new Expression[0])));
    }

    /** The SQL with the placeholders a continuous job needs. */
    static SqlScripts sql(PipelineConfig pipeline) {
        Map<String, String> values = new HashMap<>();
        values.put("timezone", pipeline.timezone().getId());
        // the future check runs as records are read (TopicInputs), against the time of reading
        values.put("future_cutoff", "9999-12-31 23:59:59");
        values.put("earliest", pipeline.earliestDate().toString());
        values.put("amount_limit", RunInputs.AMOUNT_LIMIT);
        values.put("record_time", ", rowtime, event_day");
        return new SqlScripts(values);
    }

    static WarehouseRow rejected(String runId, Row row) {
        return new RejectedInput(runId, (String) row.getField("source"), (String) row.getField("input_file"),
                (Long) row.getField("input_line"), (String) row.getField("raw_line"),
                (String) row.getField("reject_reason"));
    }
}
