package org.retentionsegments.flink;

import static org.apache.flink.table.api.Expressions.$;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retentionsegments.core.config.PipelineConfig;

/**
 * Issue 8 asked for the rolling windows to be tried as a process table function of Flink SQL
 * ({@link RollingWindowsPtf}, the job's own {@link WindowSteps} on a PTF's state and timers, called
 * from {@code sql/flink/ptf/rolling_windows.sql}). Where the watermark follows the records day by
 * day it puts out exactly what the job's DataStream operator ({@link CustomerWindowFunction}) puts
 * out: the same facts, deltas for the boundary merge and activity rows. Where the watermark passes
 * several days at once, as it does whenever a backlog is replayed (several days of records between
 * two periodic watermarks) or an idle input lets time jump, it loses days: Flink 2.2's PTF drops a
 * timer registered at or behind the current watermark (the customer's next arriving day, set as
 * one day enters the window), where the DataStream timer service fires it at once, in time order.
 * The second test pins that behaviour of Flink: when it fails, a newer Flink fires such timers and
 * the PTF is worth trying again in the job.
 */
class RollingWindowsPtfITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static final String[] COLUMNS = {"customer_id", "kind", "name", "orders", "return_orders", "revenue", "gross",
        "return_amount", "discounted_orders", "midnight_orders", "midnight_revenue", "midnight_gross",
        "midnight_return_amount", "spend", "events", "signed_up", "email_consent", "email_sha256", "phone_sha256",
        "day_time"};
    static final RowTypeInfo PARTS = new RowTypeInfo(new TypeInformation<?>[] {Types.STRING, Types.STRING,
        Types.STRING, Types.LONG, Types.LONG, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.INT, Types.LONG,
        Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.LONG, Types.INT, Types.INT, Types.STRING,
        Types.STRING, Types.INSTANT}, COLUMNS);

    @Test
    void withTheWatermarkFollowingTheRecordsThePtfPutsOutWhatTheOperatorPutsOut() throws Exception {
        List<Row> parts = parts(400, 11);
        // the clock's own last days end in the jump to the end of input: its outputs (the deltas
        // of a customer who never ordered) are left out of the comparison
        List<String> operator = customers(viaOperator(parts, true));
        List<String> ptf = customers(viaPtf(parts, true));
        assertTrue(operator.stream().anyMatch(s -> s.startsWith("facts ")), "facts put out");
        assertTrue(operator.stream().anyMatch(s -> s.startsWith("delta ")), "deltas put out");
        assertTrue(operator.stream().anyMatch(s -> s.startsWith("activity ")), "activity rows put out");
        assertTrue(operator.stream().anyMatch(s -> s.contains("forgottenCustomerId=c")), "some customers forgotten");
        assertEquals(List.of(), difference(operator, ptf), "put out by the operator only");
        assertEquals(List.of(), difference(ptf, operator), "put out by the PTF only");
        assertEquals(operator.size(), ptf.size(), "as many outputs");
    }

    @Test
    void withTheWatermarkPassingManyDaysAtOnceThePtfLosesDaysTheOperatorKeeps() throws Exception {
        List<Row> parts = parts(400, 11);
        List<String> operator = viaOperator(parts, false);
        List<String> ptf = viaPtf(parts, false);
        assertEquals(viaOperator(parts, true), operator, "the operator's outputs do not depend on the watermarks");
        long days = operator.stream().filter(s -> s.startsWith("activity ")).count();
        long ptfDays = ptf.stream().filter(s -> s.startsWith("activity ")).count();
        assertEquals(List.of(), difference(ptf, operator), "nothing the operator does not put out");
        assertTrue(ptfDays < days / 2, "the PTF's customers stop at their first day: " + ptfDays + " of " + days
                + " activity rows (Flink 2.2 drops a PTF timer set at or behind the watermark)");
    }

    /** The outputs of the customers who ordered (not the clock's). */
    private static List<String> customers(List<String> outputs) {
        return outputs.stream().filter(s -> !s.contains("~clock") && !s.contains("ordered=false")).toList();
    }

    /** The first few of {@code a} not in {@code b} (as a multiset). */
    private static List<String> difference(List<String> a, List<String> b) {
        java.util.Map<String, Integer> left = new java.util.HashMap<>();
        b.forEach(s -> left.merge(s, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String s : a) {
            if (left.merge(s, -1, Integer::sum) < 0 && out.size() < 4) {
                out.add(s);
            }
        }
        return out;
    }

    private static double halfLifeDays() {
        return ConfigTexts.defaults().parse().leadScoring().halfLifeDays();
    }

    private static PipelineConfig pipeline() {
        return ConfigTexts.defaults().parse().pipeline();
    }

    private static StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(2);
        return env;
    }

    /**
     * The parts with their times; {@code everyRecord}: a watermark after each record (it follows
     * the records day by day), else none before the end of the input, whose watermark passes every
     * day at once: the whole input passes first, as between two watermarks of a replayed backlog.
     * (A periodic watermark does that only while the input is quick to read: on a loaded machine
     * it passed a few days at a time, and the PTF took customers up again after it had dropped
     * their timers, from the state it had kept, with deltas the operator never puts out.)
     */
    private static DataStream<Row> source(StreamExecutionEnvironment env, List<Row> parts, boolean everyRecord) {
        WatermarkStrategy<Row> strategy = WatermarkStrategy.forGenerator(ctx -> new WatermarkGenerator<Row>() {
            @Override
            public void onEvent(Row row, long timestamp, WatermarkOutput output) {
                if (everyRecord) {
                    output.emitWatermark(new Watermark(timestamp - 1));
                }
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {}
        });
        return env.fromData(parts, PARTS).setParallelism(1)
                .assignTimestampsAndWatermarks(strategy.withTimestampAssigner(
                        (r, previous) -> ((Instant) r.getField("day_time")).toEpochMilli())).setParallelism(1);
    }

    static List<String> viaOperator(List<Row> parts, boolean everyRecord) throws Exception {
        StreamExecutionEnvironment env = env();
        PipelineConfig p = pipeline();
        SingleOutputStreamOperator<RefreshInput> facts = source(env, parts, everyRecord).map(StreamStage::dayPart)
                .returns(org.retentionsegments.flink.state.EdgeTypes.DAY_ACTIVITY).keyBy(d -> d.customerId)
                .process(new CustomerWindowFunction(p.windowDays(), p.forgetAfterDays(), Integer.MAX_VALUE,
                        halfLifeDays()));
        DataStream<String> all = facts.map(f -> "facts " + f).union(
                facts.getSideOutput(CustomerWindowFunction.DELTAS).map(d -> "delta " + d),
                facts.getSideOutput(CustomerWindowFunction.ACTIVITY).map(a -> "activity " + a));
        return collect(all);
    }

    static List<String> viaPtf(List<Row> parts, boolean everyRecord) throws Exception {
        StreamExecutionEnvironment env = env();
        StreamTableEnvironment tEnv = ptfTables(env, source(env, parts, everyRecord));
        DataStream<String> all = tEnv.toDataStream(tEnv.from("rolling_windows_ptf")).map(r -> {
            Object facts = r.getField("facts");
            Object delta = r.getField("delta");
            return facts != null ? "facts " + facts : delta != null ? "delta " + delta : "activity " + r.getField("activity");
        });
        return collect(all);
    }

    /** A table environment with {@code customer_day_parts} over the rows and the PTF's view over it. */
    static StreamTableEnvironment ptfTables(StreamExecutionEnvironment env, DataStream<Row> rows) {
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.getConfig().setLocalTimeZone(java.time.ZoneOffset.UTC);
        PipelineConfig p = pipeline();
        tEnv.createTemporarySystemFunction("rolling_windows",
                new RollingWindowsPtf(p.windowDays(), p.forgetAfterDays(), Integer.MAX_VALUE, halfLifeDays()));
        Table raw = tEnv.fromDataStream(rows, Schema.newBuilder()
                .columnByMetadata("at", DataTypes.TIMESTAMP_LTZ(3), "rowtime")
                .watermark("at", "SOURCE_WATERMARK()").build());
        List<org.apache.flink.table.expressions.Expression> columns = new ArrayList<>();
        for (String c : COLUMNS) {
            columns.add(c.equals("day_time") ? $("at").as("day_time") : $(c));
        }
        tEnv.createTemporaryView("customer_day_parts", raw.select(columns.toArray(new org.apache.flink.table.expressions.Expression[0])));
        tEnv.executeSql(new SqlScripts(Map.of()).statement("ptf", "rolling_windows"));
        return tEnv;
    }

    private static List<String> collect(DataStream<String> all) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<String> it = all.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Customers' order, category and engagement parts on random days of 2024, in day order. */
    static List<Row> parts(int customers, long seed) {
        Random random = new Random(seed);
        int first = (int) LocalDate.of(2024, 1, 1).toEpochDay();
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            int days = 1 + random.nextInt(8);
            for (int i = 0; i < days; i++) {
                int day = first + random.nextInt(330);
                Instant end = Instant.ofEpochMilli((day + 1L) * CustomerWindowFunction.DAY_MS - 1);
                double revenue = Math.round(random.nextDouble() * 20_000) / 100.0;
                rows.add(part("c" + c, "o", random.nextBoolean() ? "web" : "store", 1, revenue, 0, 0, end));
                if (random.nextBoolean()) {
                    rows.add(part("c" + c, "c", random.nextBoolean() ? "books" : "music", 0, 0, revenue, 0, end));
                }
                if (random.nextInt(3) == 0) {
                    rows.add(part("c" + c, "e", random.nextBoolean() ? "email_open" : "site_visit", 0, 0, 0,
                            1 + random.nextInt(4), end));
                }
            }
        }
        // a customer active every day until every other customer's windows have closed and every
        // forget is due: time moves day by day to the end, not in one jump when the input ends
        for (int day = first; day < first + 330 + 1095 + 400; day++) {
            rows.add(part("~clock", "e", "site_visit", 0, 0, 0, 1,
                    Instant.ofEpochMilli((day + 1L) * CustomerWindowFunction.DAY_MS - 1)));
        }
        rows.sort(Comparator.comparing((Row r) -> (Instant) r.getField("day_time"))
                .thenComparing(r -> (String) r.getField("customer_id")));
        return rows;
    }

    private static Row part(String customer, String kind, String name, long orders, double revenue, double spend,
            long events, Instant dayTime) {
        Row r = Row.withNames();
        for (String c : COLUMNS) {
            r.setField(c, null);
        }
        r.setField("customer_id", customer);
        r.setField("kind", kind);
        r.setField("name", name);
        r.setField("orders", orders);
        r.setField("return_orders", 0L);
        r.setField("revenue", revenue);
        r.setField("gross", revenue);
        r.setField("return_amount", 0.0);
        r.setField("discounted_orders", 0);
        r.setField("midnight_orders", 0L);
        r.setField("midnight_revenue", 0.0);
        r.setField("midnight_gross", 0.0);
        r.setField("midnight_return_amount", 0.0);
        r.setField("spend", spend);
        r.setField("events", events);
        r.setField("signed_up", 0);
        r.setField("day_time", dayTime);
        return r;
    }
}
