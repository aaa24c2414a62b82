package org.retentionsegments.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.types.Row;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.EngagementType;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.flink.state.EdgeTypes;

/**
 * The second stage of a bounded run, in streaming mode with event time: the day-sorted rollups and
 * the treatments the batch stage staged drive the operators of {@link RefreshGraph}; everything
 * the warehouse keeps goes through one jOOQ sink.
 */
public final class StreamStage {

    /**
     * Rows per warehouse transaction. Measured with bench data of 200,000 customers (8.8M warehouse
     * rows, DuckDB): 5,000 rows took 246 s of writing, 50,000 rows 144 s (fewer temporary tables,
     * statements and commits). On 100,000 generated customers over 730 days (2.19M rows, DuckDB,
     * one run each, 2026-12-03): 50,000 rows 38.9 s of writing and 88.7 s in all, 200,000 rows
     * 25.2 s and 77.2 s at the same peak RSS (3.0 GB), 500,000 rows 18.6 s and 73.8 s but 4.8 GB.
     */
    static final int SINK_BUFFER_ROWS = 200_000;

    /**
     * @param warehouseUrl JDBC URL of the warehouse
     * @param config the configuration texts
     * @param asOf the last refresh of the run
     */
    public record Settings(String warehouseUrl, ConfigTexts config, LocalDate asOf) {}

    private static final long DAY_MS = CustomerWindowFunction.DAY_MS;

    private StreamStage() {}

    /** How often a run checkpoints unless {@code --flink execution.checkpointing.interval=...} says otherwise. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(30);

    public static void run(Path staging, Configuration flinkConf, Settings settings) throws Exception {
        Configuration conf = new Configuration(flinkConf);
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        if (!conf.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)) {
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, CHECKPOINT_INTERVAL);
        }
        if (!conf.contains(RestartStrategyOptions.RESTART_STRATEGY)) {
            // a task that fails (a lost warehouse connection, say) resumes from the last checkpoint;
            // the warehouse writes are idempotent upserts, so what is written again changes nothing
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        }
        RefreshGraph.passRecordsUncopied(conf);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        build(env, staging, settings);
        env.execute("retention-segments refresh as of " + settings.asOf());
    }

    /**
     * The staged rollups and treatments as sources, the operators of {@link RefreshGraph}, the
     * warehouse sink. The staged tables are JSON lines (see {@code sql/flink/staging}), each read in
     * its order by one task: the rollups come sorted by day, the treatments by time. They are read
     * as plain text files, not through the Table API, whose planner would take seconds to start.
     */
    static void build(StreamExecutionEnvironment env, Path staging, Settings settings) {
        DataStream<DayActivity> days = staged(env, staging, "customer_day")
                .map(StreamStage::dayActivityJson).returns(EdgeTypes.DAY_ACTIVITY).setParallelism(1).name("customer days")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<DayActivity>forMonotonousTimestamps()
                        .withTimestampAssigner((d, previous) -> d.day * DAY_MS)).setParallelism(1);
        DataStream<RefreshInput> treatments = staged(env, staging, "treatments")
                .map(StreamStage::treatmentJson).setParallelism(1).name("treatments")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<RefreshInput>forMonotonousTimestamps()
                        .withTimestampAssigner((t, previous) -> t.treatment().treatedTs().toEpochMilli()))
                .setParallelism(1);
        // the rejected rows are not here: the launcher writes them (see StagedRows.writeRejected)
        RefreshGraph.build(days, treatments, settings.config(), settings.asOf())
                .sinkTo(new WarehouseSink(settings.warehouseUrl(), SINK_BUFFER_ROWS, settings.config().version()))
                .setParallelism(1).name("warehouse (jOOQ)");
    }

    /** The lines of one staging table, by one task in file order (hidden files, such as in-progress ones, skipped). */
    private static DataStream<String> staged(StreamExecutionEnvironment env, Path staging, String table) {
        try {
            Files.createDirectories(staging.resolve(table)); // a stage that staged no rows may have left no folder
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        FileSource<String> files = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new org.apache.flink.core.fs.Path(staging.resolve(table).toUri())).build();
        return env.fromSource(files, WatermarkStrategy.noWatermarks(), "staged " + table).setParallelism(1)
                .filter(line -> !line.isBlank()).setParallelism(1).name("staged " + table + " rows");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Staged rows' numbers parsed by FastDoubleParser (correctly rounded: the same doubles, faster). */
    private static final JsonFactory STAGED = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    /**
     * One row of {@code customer_day}, read field by field as the parser meets them (no tree of
     * nodes per row: at a million customers 5.8M rows of 22 fields), with what
     * {@link JsonNode#asInt()}, {@link JsonNode#asDouble()} and {@link JsonNode#asText()} gave for
     * each (null or absent: 0, 0.0 or null; the last of a repeated field wins).
     */
    static DayActivity dayActivityJson(String line) throws java.io.IOException {
        DayActivity d = new DayActivity();
        String customerId = null;
        String date = null;
        String channelOrders = null;
        String categorySpend = null;
        String eventCounts = null;
        int signedUp = 0;
        d.emailConsent = -1;
        try (JsonParser p = STAGED.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new java.io.IOException("a staged customer_day row is not a JSON object: " + line);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                boolean none = value == JsonToken.VALUE_NULL;
                switch (field) {
                    case "customer_id" -> customerId = none ? null : p.getValueAsString();
                    case "activity_date" -> date = none ? null : p.getValueAsString();
                    case "orders" -> d.orders = intOf(p, none);
                    case "return_orders" -> d.returnOrders = intOf(p, none);
                    case "revenue" -> d.revenue = doubleOf(p, none);
                    case "gross" -> d.gross = doubleOf(p, none);
                    case "return_amount" -> d.returnAmount = doubleOf(p, none);
                    case "discounted_orders" -> d.discountedOrders = intOf(p, none);
                    case "midnight_orders" -> d.midnightOrders = intOf(p, none);
                    case "midnight_revenue" -> d.midnightRevenue = doubleOf(p, none);
                    case "midnight_gross" -> d.midnightGross = doubleOf(p, none);
                    case "midnight_return_amount" -> d.midnightReturnAmount = doubleOf(p, none);
                    case "channel_orders" -> channelOrders = none ? null : p.getValueAsString();
                    case "category_spend" -> categorySpend = none ? null : p.getValueAsString();
                    case "event_counts" -> eventCounts = none ? null : p.getValueAsString();
                    case "engagement_events" -> d.engagementEvents = intOf(p, none);
                    case "signed_up" -> signedUp = intOf(p, none);
                    case "email_consent" -> d.emailConsent = none ? -1 : p.getValueAsInt();
                    case "country" -> d.country = none ? null : p.getValueAsString();
                    case "email_sha256" -> d.emailSha256 = none ? null : p.getValueAsString();
                    case "phone_sha256" -> d.phoneSha256 = none ? null : p.getValueAsString();
                    default -> { } // a column this reader does not use
                }
            }
        }
        d.customerId = customerId;
        d.day = (int) LocalDate.parse(date).toEpochDay();
        d.channelOrders = DayActivity.counts(channelOrders);
        d.categorySpend = DayActivity.amounts(categorySpend);
        d.engagement = DayActivity.engagement(eventCounts);
        d.signedUp = signedUp > 0;
        return d;
    }

    private static int intOf(JsonParser p, boolean none) throws java.io.IOException {
        return none ? 0 : p.getValueAsInt();
    }

    private static double doubleOf(JsonParser p, boolean none) throws java.io.IOException {
        return none ? 0.0 : p.getValueAsDouble();
    }

    static RefreshInput treatmentJson(String line) throws java.io.IOException {
        JsonNode row = JSON.readTree(line);
        LocalDateTime ts = LocalDateTime.parse(row.get("treated_ts").asText().replace(' ', 'T'));
        return RefreshInput.treatment(new Treatment(
                text(row, "program_id"), text(row, "customer_id"),
                ts.toInstant(ZoneOffset.UTC), Arm.parse(text(row, "arm")), null,
                text(row, "channel"), row.hasNonNull("cost") ? row.get("cost").asDouble() : null, "input"));
    }

    private static String text(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.get(field).asText() : null;
    }

    /**
     * One part of a customer's day from {@code customer_day_parts} (the continuous job's), as a
     * day's activity of its own: the rolling windows sum a day's parts. A part is orders of one
     * channel ({@code o}), spend in one category ({@code c}), events of one type ({@code e}) or a
     * sign-up ({@code s}, the country as its name).
     */
    static DayActivity dayPart(Row row) {
        DayActivity d = new DayActivity();
        d.customerId = (String) row.getField("customer_id");
        d.day = (int) Math.floorDiv(((Instant) row.getField("day_time")).toEpochMilli(), DAY_MS);
        String name = (String) row.getField("name");
        switch ((String) row.getField("kind")) {
            case "o" -> {
                d.orders = intOf(row, "orders");
                d.returnOrders = intOf(row, "return_orders");
                d.revenue = doubleOf(row, "revenue");
                d.gross = doubleOf(row, "gross");
                d.returnAmount = doubleOf(row, "return_amount");
                d.discountedOrders = intOf(row, "discounted_orders");
                d.midnightOrders = intOf(row, "midnight_orders");
                d.midnightRevenue = doubleOf(row, "midnight_revenue");
                d.midnightGross = doubleOf(row, "midnight_gross");
                d.midnightReturnAmount = doubleOf(row, "midnight_return_amount");
                if (name != null && d.orders > 0) {
                    d.channelOrders.put(name, d.orders);
                }
            }
            case "c" -> d.categorySpend.put(name, doubleOf(row, "spend"));
            case "e" -> {
                d.engagementEvents = intOf(row, "events");
                if (name != null) {
                    d.engagement[EngagementType.of(name).ordinal()] = d.engagementEvents;
                }
            }
            case "s" -> {
                d.signedUp = intOf(row, "signed_up") > 0;
                Integer consent = (Integer) row.getField("email_consent");
                d.emailConsent = consent == null ? -1 : consent;
                d.country = name;
                d.emailSha256 = (String) row.getField("email_sha256");
                d.phoneSha256 = (String) row.getField("phone_sha256");
            }
            default -> throw new IllegalArgumentException("a customer day part of kind " + row.getField("kind"));
        }
        return d;
    }

    static RefreshInput treatment(Row row) {
        LocalDateTime ts = (LocalDateTime) row.getField("treated_ts");
        return RefreshInput.treatment(new Treatment(
                (String) row.getField("program_id"), (String) row.getField("customer_id"),
                ts.toInstant(ZoneOffset.UTC), Arm.parse((String) row.getField("arm")), null,
                (String) row.getField("channel"), (Double) row.getField("cost"), "input"));
    }

    private static int intOf(Row row, String field) {
        Object value = row.getField(field);
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static double doubleOf(Row row, String field) {
        Object value = row.getField(field);
        return value == null ? 0.0 : ((Number) value).doubleValue();
    }
}
