package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retentionsegments.core.ActivityDay;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.window.DayActivity;

/**
 * The operators of every run wired to collections and a collecting sink (no files, no staging, no
 * warehouse), on one shared MiniCluster: the same rows at parallelism 1 and 4, one current
 * assignment per customer, and every active day as a row of activity.
 */
class RefreshGraphITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4)
                    .build());

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST_REFRESH = LocalDate.of(2024, 7, 1);

    @Test
    void theSameRowsAtAnyParallelism() throws Exception {
        List<DayActivity> days = days(300, 42);
        List<String> one = rows(days, 1).stream().map(Object::toString).sorted().toList();
        List<String> four = rows(days, 4).stream().map(Object::toString).sorted().toList();
        assertTrue(one.size() > days.size(), "activity rows and assignments: " + one.size());
        assertEquals(one, four, "parallelism 4 emits exactly the rows of parallelism 1");
    }

    @Test
    void oneCurrentAssignmentPerCustomerAndOneActivityRowPerActiveDay() throws Exception {
        List<DayActivity> days = days(120, 7);
        List<WarehouseRow> rows = rows(days, 2);

        Set<String> customers = new TreeSet<>();
        days.forEach(d -> customers.add(d.customerId));
        List<String> current = rows.stream()
                .filter(r -> r instanceof SegmentAssignment a && a.current())
                .map(r -> ((SegmentAssignment) r).customerId()).sorted().toList();
        assertEquals(List.copyOf(customers), current, "every customer once in customer_segment");
        assertTrue(rows.stream().filter(r -> r instanceof SegmentAssignment a && a.current())
                .allMatch(r -> ((SegmentAssignment) r).asOf().equals(LAST_REFRESH)), "current as of the last refresh");

        long active = days.stream().filter(d -> d.day < LAST_REFRESH.toEpochDay()).count();
        assertEquals(active, rows.stream().filter(r -> r instanceof ActivityDay).count());
        List<Treatment> spring = rows.stream().filter(r -> r instanceof Treatment t && t.programId().equals("spring"))
                .map(r -> (Treatment) r).toList();
        assertEquals(2, spring.size(), "both input treatments written");
        assertTrue(spring.stream().allMatch(t -> t.segment() != null), "each stamped with the customer's segment: " + spring);
    }

    /** Runs the graph on the days (and two treatments) at a parallelism and collects every row. */
    private static List<WarehouseRow> rows(List<DayActivity> days, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(parallelism);
        DataStream<DayActivity> dayStream = env.fromData(days, TypeInformation.of(DayActivity.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<DayActivity>forMonotonousTimestamps()
                        .withTimestampAssigner((d, previous) -> d.day * CustomerWindowFunction.DAY_MS));
        List<RefreshInput> treated = List.of(
                RefreshInput.treatment(new Treatment("spring", "c1", Instant.parse("2024-03-01T10:00:00Z"), Arm.TREATMENT,
                        null, "email", 0.5, "input")),
                RefreshInput.treatment(new Treatment("spring", "c2", Instant.parse("2024-03-01T10:00:00Z"), Arm.HOLDOUT,
                        null, "email", 0.5, "input")));
        DataStream<RefreshInput> treatments = env.fromData(treated, TypeInformation.of(RefreshInput.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<RefreshInput>forMonotonousTimestamps()
                        .withTimestampAssigner((t, previous) -> t.treatment().treatedTs().toEpochMilli()));
        List<WarehouseRow> out = new ArrayList<>();
        try (CloseableIterator<WarehouseRow> it = RefreshGraph.build(dayStream, treatments, ConfigTexts.defaults(),
                LAST_REFRESH).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** Customers c0..c(n-1) with orders on random days of the first half of 2024, sorted by day. */
    private static List<DayActivity> days(int customers, long seed) {
        Random random = new Random(seed);
        List<DayActivity> days = new ArrayList<>();
        int span = (int) (LAST_REFRESH.toEpochDay() - FIRST.toEpochDay());
        for (int c = 0; c < customers; c++) {
            Set<Integer> picked = new TreeSet<>();
            int orders = 1 + random.nextInt(6);
            for (int i = 0; i < orders; i++) {
                picked.add((int) FIRST.toEpochDay() + random.nextInt(span));
            }
            for (int day : picked) {
                DayActivity d = new DayActivity();
                d.customerId = "c" + c;
                d.day = day;
                d.orders = 1;
                d.revenue = Math.round(random.nextDouble() * 20_000) / 100.0;
                d.gross = d.revenue;
                d.channelOrders.put(random.nextBoolean() ? "web" : "store", 1);
                days.add(d);
            }
        }
        days.sort(Comparator.comparingInt((DayActivity d) -> d.day).thenComparing(d -> d.customerId));
        return days;
    }
}
