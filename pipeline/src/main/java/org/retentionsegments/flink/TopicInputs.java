package org.retentionsegments.flink;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.types.Row;
import org.apache.flink.util.clock.RelativeClock;
import org.apache.flink.util.Collector;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.config.StreamTiming;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.InputRecord;
import org.retentionsegments.input.MessageReader;
import org.retentionsegments.input.Values;

/**
 * The input topics as tables, the continuous job's counterpart of {@link InputTables}: each
 * record's value is read like a line of a JSON lines file ({@link MessageReader}) into
 * {@code X_records} (the canonical columns, {@code input_file} = topic/partition,
 * {@code input_line} = offset, and {@code rowtime}, the record's event time, with watermarks
 * that trail it by the allowed lateness and skip idle partitions), and every record that could
 * not be read into {@code unreadable_lines}.
 *
 * <p>An event time beyond now + future_skew is rejected here, before it could move the
 * watermark (and every customer's refreshes) into the future; a record whose time cannot be
 * read does not move the watermark either.
 */
final class TopicInputs {

    /** Where the topics are: {@code prefix + "orders"} and so on. */
    record Topics(String bootstrapServers, String prefix, String groupId, Map<String, String> properties) {

        Topics {
            properties = Map.copyOf(properties);
        }

        String topic(InputKind kind) {
            return ContinuousJob.inputTopic(prefix, kind);
        }
    }

    private static final List<String> META = InputTables.META;

    private TopicInputs() {}

    /**
     * Registers the tables of {@code kinds}, each with watermarks per partition
     * ({@link PartitionWatermarks}): time moves with the records, and with the clock when a
     * partition is quiet.
     */
    static void register(StreamExecutionEnvironment env, StreamTableEnvironment tEnv, Topics topics,
            List<InputKind> kinds, PipelineConfig pipeline, WallClock clock, java.io.PrintStream progress) {
        Table unreadable = null;
        long latenessMs = pipeline.stream().allowedLateness().toMillis();
        long idleMs = pipeline.stream().idleTimeout().toMillis();
        Set<String> existing = existingTopics(topics);
        for (InputKind kind : kinds) {
            Records records = new Records(kind, pipeline.timezone(), pipeline.futureSkew(), pipeline.earliestDate());
            DataStream<Row> rows;
            if (existing.contains(topics.topic(kind))) {
                Properties properties = new Properties();
                properties.putAll(topics.properties());
                KafkaSource<Row> source = KafkaSource.<Row>builder()
                        .setBootstrapServers(topics.bootstrapServers())
                        .setTopics(topics.topic(kind))
                        .setGroupId(topics.groupId())
                        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setProperties(properties)
                        .setDeserializer(records)
                        .build();
                int time = META.size() + kind.columns().size();
                rows = env.fromSource(source,
                        WatermarkStrategy.<Row>forGenerator(new PartitionWatermarks.Supplier<>(clock, latenessMs, idleMs))
                                .withTimestampAssigner((row, previous) -> (Long) row.getField(time)),
                        topics.topic(kind) + " topic")
                        .uid("topic-" + kind.label());
                if (pipeline.stream().lateRecords() == StreamTiming.LateRecords.NEXT_REFRESH) {
                    rows = rows.transform("late " + kind.label() + " to the next refresh", records.getProducedType(),
                            new LateToNextRefresh()).uid("late-" + kind.label());
                }
            } else {
                // no topic, no records: an empty input that ends at once, so it holds no time back
                progress.println("the topic " + topics.topic(kind) + " does not exist: " + kind.label()
                        + " is not read (create the topic and start the job again to read it)");
                rows = env.fromSequence(0, 0).filter(i -> false).map(i -> (Row) null)
                        .returns(records.getProducedType()).name("no " + topics.topic(kind) + " topic")
                        .uid("no-topic-" + kind.label());
            }
            Table table = tEnv.fromDataStream(rows, Schema.newBuilder()
                    .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                    .watermark("rowtime", "SOURCE_WATERMARK()")
                    .build());
            List<Expression> selected = new ArrayList<>(List.of($("input_file"), $("input_line"), $("raw_line")));
            kind.columns().forEach(c -> selected.add($(c)));
            selected.add($("rowtime"));
            selected.add($("event_day"));
            tEnv.createTemporaryView(kind.label() + "_records",
                    table.where($("read_error").isNull()).select(selected.toArray(new Expression[0])));
            Table bad = table.where($("read_error").isNotNull()).select(lit(kind.label()).as("source"),
                    $("input_file"), $("input_line"), $("raw_line"), $("read_error").as("reject_reason"), $("event_day"));
            unreadable = unreadable == null ? bad : unreadable.unionAll(bad);
        }
        tEnv.createTemporaryView("unreadable_lines", unreadable);
    }

    /**
     * The watermark of one topic partition: the latest event time minus the allowed lateness
     * while records come; once the partition, and the source task that reads it, have had no
     * record for the idle timeout, the clock's time minus the allowed lateness, so that time
     * moves on a quiet topic and the day's refresh runs. A partition that has delivered nothing
     * yet holds time back for {@link #FIRST_RECORD_GRACE_MS} at least (a backlog being fetched
     * must not become late).
     *
     * <p>Quiet is measured on Flink's input activity clock, which stands still while the source
     * is backpressured (or paused): a job that reads a backlog more slowly than the warehouse
     * takes it gets no record for minutes without its topic being quiet. And a partition is quiet
     * only while its whole source task is: a Kafka consumer hands over one partition's fetched
     * batch (up to a megabyte) before the next partition's, so while a backlog is read a
     * partition can wait longer than the idle timeout for its turn with records waiting; moving
     * its time to the clock then turned the rest of the backlog late (measured: 93,466 of 335,434
     * records of a replayed business with a 2 s idle timeout, a different number each run). The
     * cost: a partition that is truly quiet while another partition of the same task gets a
     * record more often than the idle timeout holds time at its own last record (its records'
     * time, not the clock's) until it gets one. The time the watermark moves to is
     * {@code clock}'s.
     */
    static final class PartitionWatermarks<T> implements WatermarkGenerator<T> {

        static final long FIRST_RECORD_GRACE_MS = 30_000;

        private final WallClock clock;
        private final RelativeClock activity;
        private final TaskRecords task;
        private final long latenessMs;
        private final long idleMs;
        private final long created;
        private long maxEventMs = Long.MIN_VALUE;
        private boolean seen;
        private long lastRecordAt;
        /** The task's record count when last looked at, and when (on this partition's clock) it last moved. */
        private long taskRecordsSeen;
        private long taskActiveAt;
        private long emitted = Long.MIN_VALUE;

        PartitionWatermarks(WallClock clock, RelativeClock activity, TaskRecords task, long latenessMs, long idleMs) {
            this.clock = clock;
            this.activity = activity;
            this.task = task;
            this.latenessMs = latenessMs;
            this.idleMs = idleMs;
            this.created = activity.relativeTimeMillis();
            this.taskRecordsSeen = task.count;
            this.taskActiveAt = created;
        }

        @Override
        public void onEvent(T record, long eventMs, WatermarkOutput output) {
            if (eventMs > 0) { // 0: a time that cannot be read (the record is rejected)
                maxEventMs = Math.max(maxEventMs, eventMs);
            }
            seen = true;
            lastRecordAt = activity.relativeTimeMillis();
            taskRecordsSeen = ++task.count;
            taskActiveAt = lastRecordAt;
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            long active = activity.relativeTimeMillis();
            if (task.count != taskRecordsSeen) {
                taskRecordsSeen = task.count;
                taskActiveAt = active;
            }
            long mark = maxEventMs == Long.MIN_VALUE ? Long.MIN_VALUE : maxEventMs - latenessMs - 1;
            boolean quiet = (!seen ? active - created >= Math.max(idleMs, FIRST_RECORD_GRACE_MS)
                    : active - lastRecordAt >= idleMs) && active - taskActiveAt >= idleMs;
            if (quiet) {
                mark = Math.max(mark, clock.getAsLong() - latenessMs - 1);
            }
            if (mark > emitted) {
                emitted = mark;
                output.emitWatermark(new Watermark(mark));
            }
        }

        /**
         * The records every partition of one source task has delivered: one instance per task,
         * shared by the generators of its partitions (all called on the task's thread).
         */
        static final class TaskRecords {
            long count;
        }

        /**
         * Makes the generators of one source task's partitions, sharing one {@link TaskRecords}:
         * Flink deserializes the watermark strategy, and with it this supplier, once per task.
         */
        static final class Supplier<T> implements WatermarkGeneratorSupplier<T> {

            private static final long serialVersionUID = 1L;

            private final WallClock clock;
            private final long latenessMs;
            private final long idleMs;
            private transient TaskRecords task;

            Supplier(WallClock clock, long latenessMs, long idleMs) {
                this.clock = clock;
                this.latenessMs = latenessMs;
                this.idleMs = idleMs;
            }

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(Context context) {
                if (task == null) {
                    task = new TaskRecords();
                }
                return new PartitionWatermarks<>(clock, context.getInputActivityClock(), task, latenessMs, idleMs);
            }
        }
    }

    /** The names of the topics on the brokers; a one-line error when they cannot be reached. */
    static Set<String> existingTopics(Topics topics) {
        Properties properties = new Properties();
        properties.putAll(topics.properties());
        properties.put("bootstrap.servers", topics.bootstrapServers());
        properties.put("default.api.timeout.ms", "30000");
        properties.put("request.timeout.ms", "30000");
        try (Admin admin = Admin.create(properties)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String why = cause.getMessage() == null ? "no answer within 30 s" : cause.getMessage();
            throw new IllegalArgumentException("cannot list the topics at " + topics.bootstrapServers() + " ("
                    + why + "): is Kafka running there? Check --bootstrap-servers and --kafka", e);
        }
    }

    /** Topic records to rows: META, the canonical columns, the event time in epoch ms. */
    static final class Records implements KafkaRecordDeserializationSchema<Row> {

        private static final DateTimeFormatter CUTOFF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        private final InputKind kind;
        private final ZoneId zone;
        private final Duration futureSkew;
        private final LocalDate earliest;
        private transient MessageReader reader;
        private transient int timeIndex;

        Records(InputKind kind, ZoneId zone, Duration futureSkew, LocalDate earliest) {
            this.kind = kind;
            this.zone = zone;
            this.futureSkew = futureSkew;
            this.earliest = earliest;
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Row> out) {
            if (reader == null) {
                reader = new MessageReader(kind);
                timeIndex = kind.columns().indexOf(kind.timeColumn());
            }
            InputRecord r = reader.read(record.topic() + "/" + record.partition(), record.offset(), record.value());
            out.collect(row(r, Instant.now(), record.timestamp()));
        }

        /**
         * The row of a record read at {@code now}; its {@code event_day} is the UTC day of its
         * event time, or of {@code stampedMs} (the Kafka timestamp) when that cannot be read.
         */
        Row row(InputRecord r, Instant now, long stampedMs) {
            int width = kind.columns().size();
            Row row = new Row(META.size() + width + 2);
            row.setField(0, r.file());
            row.setField(1, r.line());
            row.setField(2, r.raw());
            String error = r.error();
            long eventMs = 0; // a time that cannot be read moves no watermark (the row is rejected)
            if (r.fields() != null) {
                for (int i = 0; i < width; i++) {
                    row.setField(4 + i, r.fields()[i]);
                }
                String text = r.fields()[timeIndex];
                LocalDateTime ts = text == null ? null : Values.timestampUtc(text, zone);
                if (ts != null && !ts.toLocalDate().isBefore(earliest)) {
                    long ms = ts.toInstant(ZoneOffset.UTC).toEpochMilli();
                    long cutoffMs = now.toEpochMilli() + futureSkew.toMillis();
                    if (ms > cutoffMs) {
                        error = kind.timeColumn() + " is in the future (beyond " + LocalDateTime.ofInstant(
                                Instant.ofEpochMilli(cutoffMs), ZoneOffset.UTC).format(CUTOFF) + " UTC): " + text;
                    } else {
                        eventMs = ms;
                    }
                }
            }
            row.setField(3, error);
            row.setField(META.size() + width, eventMs);
            row.setField(META.size() + width + 1, LocalDate.ofEpochDay(Math.floorDiv(eventMs > 0 ? eventMs : stampedMs,
                    CustomerWindowFunction.DAY_MS)));
            return row;
        }

        @Override
        public TypeInformation<Row> getProducedType() {
            List<String> names = new ArrayList<>(META);
            names.addAll(kind.columns());
            names.add("event_ms");
            names.add("event_day");
            TypeInformation<?>[] types = new TypeInformation<?>[names.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = i == 1 || i == types.length - 2 ? Types.LONG : Types.STRING;
            }
            types[types.length - 1] = Types.LOCAL_DATE;
            return Types.ROW_NAMED(names.toArray(new String[0]), types);
        }
    }
}
