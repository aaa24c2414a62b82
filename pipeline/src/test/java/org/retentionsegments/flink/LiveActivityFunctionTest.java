package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.LiveActivity;
import org.retentionsegments.core.WarehouseRow;

/** Today's activity in the operator test harness: counts, copies, orders that turn into returns, cleanup. */
class LiveActivityFunctionTest {

    static final long DAY = LiveActivityFunction.DAY_MS;
    static final int D0 = (int) LocalDate.of(2026, 12, 6).toEpochDay();

    private KeyedOneInputStreamOperatorTestHarness<String, LiveActivityFunction.Record, WarehouseRow> harness;

    /** The state backend's: the heap's here, RocksDB's in {@link LiveActivityFunctionRocksDbTest}. */
    boolean rocksDb() {
        return false;
    }

    @BeforeEach
    void setUp() throws Exception {
        harness = harnessOf(new LiveActivityFunction());
        harness.open();
    }

    /** A harness of {@code function} keyed by customer, on this test's state backend. */
    private KeyedOneInputStreamOperatorTestHarness<String, LiveActivityFunction.Record, WarehouseRow> harnessOf(
            org.apache.flink.streaming.api.functions.KeyedProcessFunction<String, LiveActivityFunction.Record,
                    WarehouseRow> function) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<String, LiveActivityFunction.Record, WarehouseRow>(
                new KeyedProcessOperator<>(function), r -> r.customerId, Types.STRING);
        if (rocksDb()) {
            h.setStateBackend(new org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend());
        }
        return h;
    }

    /** The operator closed and started again from {@code snapshot}, as a restored job's. */
    private void restartFrom(org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot) throws Exception {
        harness.close();
        harness = harnessOf(new LiveActivityFunction());
        harness.initializeState(snapshot);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    /** An order line ({@code line} its copy key's tail) of {@code customer}, {@code minute} minutes into day {@code day}. */
    static LiveActivityFunction.Record line(String customer, String order, int line, double amount, int day, int minute) {
        LiveActivityFunction.Record r = new LiveActivityFunction.Record();
        r.customerId = customer;
        r.orderId = order;
        r.copyKey = "l" + order + "|" + line;
        r.amount = amount;
        r.eventMs = day * DAY + minute * 60_000L;
        return r;
    }

    static LiveActivityFunction.Record event(String customer, String eventId, int day, int minute) {
        LiveActivityFunction.Record r = new LiveActivityFunction.Record();
        r.customerId = customer;
        r.copyKey = "e" + eventId;
        r.eventMs = day * DAY + minute * 60_000L;
        return r;
    }

    /** The keyed state entries left, on either backend. */
    private int stateEntries() {
        if (!rocksDb()) {
            return harness.numKeyedStateEntries();
        }
        return ((org.apache.flink.state.rocksdb.RocksDBKeyedStateBackend<?>) ((KeyedProcessOperator<?, ?, ?>)
                harness.getOperator()).getKeyedStateBackend()).numKeyValueStateEntries();
    }

    /** The entries of the operator's own states (today's, the spilled keys, an earlier build's days) on RocksDB. */
    private long operatorStateEntries() throws Exception {
        var backend = ((KeyedProcessOperator<?, ?, ?>) harness.getOperator()).getKeyedStateBackend();
        long n = 0;
        for (String state : List.of("live-today", "live-seen", "live-day")) {
            try (var keys = backend.getKeys(state, org.apache.flink.runtime.state.VoidNamespace.INSTANCE)) {
                n += keys.count();
            }
        }
        return n;
    }

    private void send(LiveActivityFunction.Record r) throws Exception {
        harness.processElement(new StreamRecord<>(r, r.eventMs));
    }

    private List<LiveActivity> out() {
        List<LiveActivity> rows = harness.extractOutputValues().stream().map(LiveActivity.class::cast).toList();
        harness.getOutput().clear();
        return rows;
    }

    @Test
    void countsEachCopyOnceAndAnOrderByItsNetTotal() throws Exception {
        send(line("c1", "A", 1, 30.0, D0, 60));
        send(line("c1", "A", 2, 12.5, D0, 61));
        send(line("c1", "A", 1, 30.0, D0, 62)); // a copy of line 1 (a producer's retry)
        send(event("c1", "v1", D0, 63));
        send(event("c1", "v1", D0, 64)); // a copy of the event
        send(line("c1", "B", 1, -20.0, D0, 65)); // a return
        List<LiveActivity> rows = out();
        assertEquals(4, rows.size(), "a row after each record counted, none after a copy: " + rows);
        LiveActivity last = rows.get(3);
        assertEquals(new LiveActivity("c1", LocalDate.ofEpochDay(D0), 1, 1, 22.5, 20.0, 1, 4,
                Instant.ofEpochMilli(D0 * DAY + 65 * 60_000L)), last);
        assertEquals(new LiveActivity("c1", LocalDate.ofEpochDay(D0), 1, 0, 42.5, 0.0, 0, 2,
                Instant.ofEpochMilli(D0 * DAY + 61 * 60_000L)), rows.get(1), "one order of two lines");
    }

    @Test
    void anOrderWhoseLaterLineTakesItBelowZeroBecomesAReturn() throws Exception {
        send(line("c1", "A", 1, 10.0, D0, 60));
        send(line("c1", "A", 2, -25.0, D0, 61));
        send(line("c1", "A", 3, 40.0, D0, 62));
        List<LiveActivity> rows = out();
        assertEquals(List.of(1, 0, 1), rows.stream().map(LiveActivity::orders).toList());
        assertEquals(List.of(0, 1, 0), rows.stream().map(LiveActivity::returnOrders).toList());
        assertEquals(List.of(0.0, 15.0, 0.0), rows.stream().map(LiveActivity::returns).toList());
        assertEquals(25.0, rows.get(2).revenue(), 1e-9);
    }

    @Test
    void aNewDayStartsAgainAndAnEarlierDayIsLeftToItsRollup() throws Exception {
        send(line("c1", "A", 1, 10.0, D0, 60));
        send(line("c1", "B", 1, 5.0, D0 + 1, 60));
        send(line("c1", "C", 1, 7.0, D0, 90)); // an earlier day, still open: its final rollup counts it
        send(line("c1", "A", 1, 10.0, D0 + 1, 70)); // A's line 1 again, on the new day: counted there
        List<LiveActivity> rows = out();
        assertEquals(3, rows.size(), "no row for the earlier day's record: " + rows);
        assertEquals(new LiveActivity("c1", LocalDate.ofEpochDay(D0 + 1), 1, 0, 5.0, 0.0, 0, 1,
                Instant.ofEpochMilli((D0 + 1) * DAY + 60 * 60_000L)), rows.get(1));
        assertEquals(2, rows.get(2).orders());
        assertEquals(2, rows.get(2).records());
    }

    @Test
    void theDaysStateAndTimerGoWhenTheWatermarkPassesItsEnd() throws Exception {
        send(line("c1", "A", 1, 10.0, D0, 60));
        send(event("c2", "v1", D0, 61));
        send(line("c2", "B", 1, 3.0, D0 + 1, 10)); // c2's next day: its first day's timer moves
        assertEquals(2, harness.numEventTimeTimers(), "one timer per customer, at the end of its open day");
        assertTrue(stateEntries() > 0);
        harness.processWatermark(new Watermark(LiveActivityFunction.end(D0)));
        assertEquals(1, harness.numEventTimeTimers(), "c1's day closed");
        harness.processWatermark(new Watermark(LiveActivityFunction.end(D0 + 1)));
        assertEquals(0, harness.numEventTimeTimers(), "no timer left");
        assertEquals(0, stateEntries(), "every state entry cleared");
        out();
        send(line("c1", "A", 1, 10.0, D0 + 2, 60)); // after the cleanup the same copy key counts again
        assertEquals(1, out().get(0).records());
    }

    @Test
    void aBusyCustomersDaySpillsItsKeysAndStillCountsEachCopyOnce() throws Exception {
        int orders = 3 * LiveDay.SPILL_AT;
        double revenue = 0;
        for (int i = 0; i < orders; i++) {
            send(line("c1", "A" + i, 1, 10.0 + i, D0, i % 1_000));
            send(line("c1", "A" + i, 2, 1.5, D0, i % 1_000));
            revenue += 11.5 + i;
            send(event("c1", "v" + i, D0, i % 1_000));
            if (i < 10) {
                send(line("c2", "B" + i % 4, i, 2.0, D0, i)); // a quiet customer beside: 4 orders, 10 lines
            }
        }
        for (int i = 0; i < orders; i += 7) { // copies of lines and events from before and after the spill
            send(line("c1", "A" + i, 2, 1.5, D0, 1_000));
            send(event("c1", "v" + i, D0, 1_000));
        }
        send(line("c1", "A5", 3, -100.0, D0, 1_001)); // a later line takes an order seen before the spill below zero
        revenue -= 100.0;
        List<LiveActivity> rows = out();
        LiveActivity c1 = rows.stream().filter(a -> a.customerId().equals("c1")).reduce((a, b) -> b).orElseThrow();
        assertEquals(orders - 1, c1.orders());
        assertEquals(1, c1.returnOrders());
        assertEquals(100.0 - 16.5, c1.returns(), 1e-9);
        assertEquals(revenue, c1.revenue(), 1e-6);
        assertEquals(orders, c1.engagementEvents());
        assertEquals(3 * orders + 1, c1.records());
        LiveActivity c2 = rows.stream().filter(a -> a.customerId().equals("c2")).reduce((a, b) -> b).orElseThrow();
        assertEquals(4, c2.orders());
        assertEquals(10, c2.records());
        harness.processWatermark(new Watermark(LiveActivityFunction.end(D0)));
        assertEquals(0, harness.numEventTimeTimers());
        assertEquals(0, stateEntries(), "the spilled keys cleared with the day");
    }

    /** Writes a customer's open day as builds before {@link LiveDay} kept it: {@code live-day}, {@code live-seen} and the day's timer. */
    static final class EarlierBuild extends org.apache.flink.streaming.api.functions.KeyedProcessFunction<String,
            LiveActivityFunction.Record, WarehouseRow> {
        @Override
        public void processElement(LiveActivityFunction.Record r, Context ctx, org.apache.flink.util.Collector<WarehouseRow> out)
                throws Exception {
            var day = getRuntimeContext().getState(new org.apache.flink.api.common.state.ValueStateDescriptor<>("live-day",
                    Types.POJO(LiveActivityFunction.Day.class)));
            var seen = getRuntimeContext().getMapState(new org.apache.flink.api.common.state.MapStateDescriptor<>("live-seen",
                    Types.STRING, Types.DOUBLE));
            int epochDay = (int) Math.floorDiv(r.eventMs, DAY);
            LiveActivityFunction.Day d = new LiveActivityFunction.Day();
            d.epochDay = epochDay;
            d.orders = 1;
            d.revenue = r.amount;
            d.records = 1;
            d.lastEventMs = r.eventMs;
            day.update(d);
            seen.put(r.copyKey, 0.0);
            seen.put("o" + r.orderId, r.amount);
            ctx.timerService().registerEventTimeTimer(LiveActivityFunction.end(epochDay));
        }
    }

    @Test
    void aDayOpenInAnEarlierBuildsCheckpointGoesOnAndIsClearedAtItsEnd() throws Exception {
        org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
        try (var earlier = harnessOf(new EarlierBuild())) {
            earlier.open();
            earlier.processElement(new StreamRecord<>(line("c1", "A", 1, 10.0, D0, 60), D0 * DAY + 60 * 60_000L));
            earlier.processElement(new StreamRecord<>(line("c2", "B", 1, 4.0, D0, 60), D0 * DAY + 60 * 60_000L));
            snapshot = earlier.snapshot(1, 1);
        }
        restartFrom(snapshot);
        send(line("c1", "A", 1, 10.0, D0, 70)); // a copy of the line the earlier build counted
        send(line("c1", "A", 2, 5.0, D0, 71));
        List<LiveActivity> rows = out();
        assertEquals(List.of(new LiveActivity("c1", LocalDate.ofEpochDay(D0), 1, 0, 15.0, 0.0, 0, 2,
                Instant.ofEpochMilli(D0 * DAY + 71 * 60_000L))), rows, "the copy not counted, the day going on");
        assertEquals(2, harness.numEventTimeTimers());
        harness.processWatermark(new Watermark(LiveActivityFunction.end(D0)));
        assertEquals(0, harness.numEventTimeTimers());
        // the operator's own states: on RocksDB the fired timers' deletes are still in the
        // backend's write batch here (counted as entries until it is written), so count those
        assertEquals(0, rocksDb() ? operatorStateEntries() : stateEntries(),
                "both customers' days cleared, c2's without a record since");

        // and nothing comes back: the job's next checkpoint, restored, has no timer and no entry left
        restartFrom(harness.snapshot(2, 2));
        assertEquals(0, harness.numEventTimeTimers(), "no timer restored");
        assertEquals(0, stateEntries(), "no entry restored, timers' included");
        harness.processWatermark(new Watermark(LiveActivityFunction.end(D0) + 5 * DAY));
        assertEquals(List.of(), out(), "no day fires again");
    }
}
