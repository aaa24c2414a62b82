package org.retentionsegments.flink;

import java.time.Duration;
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
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.window.DayActivity;

/**
 * The second stage of a bounded run, in streaming mode with event time: the day-sorted rollups and
 * the treatments the batch stage staged drive the operators of {@link RefreshGraph}; everything
 * the warehouse keeps goes through one jOOQ sink.
 */
public final class StreamStage {

    /**
     * Rows per warehouse transaction. Measured with bench data of 200,000 customers (8.8M warehouse
     * rows, DuckDB): 5,000 rows took 246 s of writing, 50,000 rows 144 s (fewer temporary tables,
     * statements and commits); the buffer costs a few tens of megabytes of heap.
     */
    static final int SINK_BUFFER_ROWS = 50_000;

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

    public static void run(SqlScripts sql, Configuration flinkConf, Settings settings) throws Exception {
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
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        build(env, tEnv, sql, settings);
        env.execute("retention-segments refresh as of " + settings.asOf());
    }

    /** The staged rollups and treatments as sources, the operators of {@link RefreshGraph}, the warehouse sink. */
    static void build(StreamExecutionEnvironment env, StreamTableEnvironment tEnv, SqlScripts sql,
            Settings settings) {
        for (String table : new String[] {"customer_day_staged", "treatments_staged"}) {
            tEnv.executeSql(sql.statement("staging", table));
        }
        DataStream<DayActivity> days = tEnv.toDataStream(tEnv.from("customer_day_staged"))
                .map(StreamStage::dayActivity).name("customer days")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<DayActivity>forMonotonousTimestamps()
                        .withTimestampAssigner((d, previous) -> d.day * DAY_MS));
        DataStream<RefreshInput> treatments = tEnv.toDataStream(tEnv.from("treatments_staged"))
                .map(StreamStage::treatment).name("treatments")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<RefreshInput>forMonotonousTimestamps()
                        .withTimestampAssigner((t, previous) -> t.treatment().treatedTs().toEpochMilli()));
        // the rejected rows are not here: the launcher writes them (see StagedRows.writeRejected)
        RefreshGraph.build(days, treatments, settings.config(), settings.asOf())
                .sinkTo(new WarehouseSink(settings.warehouseUrl(), SINK_BUFFER_ROWS))
                .setParallelism(1).name("warehouse (jOOQ)");
    }

    static DayActivity dayActivity(Row row) {
        DayActivity d = new DayActivity();
        d.customerId = (String) row.getField("customer_id");
        d.day = (int) ((LocalDate) row.getField("activity_date")).toEpochDay();
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
        d.channelOrders = DayActivity.counts((String) row.getField("channel_orders"));
        d.categorySpend = DayActivity.amounts((String) row.getField("category_spend"));
        d.engagement = DayActivity.engagement((String) row.getField("event_counts"));
        d.engagementEvents = intOf(row, "engagement_events");
        d.signedUp = intOf(row, "signed_up") > 0;
        Integer consent = (Integer) row.getField("email_consent");
        d.emailConsent = consent == null ? -1 : consent;
        d.country = (String) row.getField("country");
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
