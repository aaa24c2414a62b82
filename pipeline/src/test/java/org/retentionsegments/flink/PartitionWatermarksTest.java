package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * A topic partition's watermark: it follows the records, and moves to the wall clock only after
 * the partition has been quiet for the idle timeout of input activity, so that a backpressured
 * job reading a backlog (no record for minutes, the topic far from quiet) does not turn its
 * backlog late, and only while every partition of its source task is quiet: a partition waiting
 * its turn while the task's consumer hands over another partition's batch is not quiet.
 */
class PartitionWatermarksTest {

    private static final long IDLE_MS = 60_000;
    private static final long LATENESS_MS = 3_600_000;
    /** The wall clock's time: a day after the records. */
    private static final long NOW = 1_800_000_000_000L;
    private static final long EVENT = NOW - 86_400_000L;

    private final ManualClock activity = new ManualClock();
    private final List<Long> marks = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            marks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    };

    private final TopicInputs.PartitionWatermarks.TaskRecords task = new TopicInputs.PartitionWatermarks.TaskRecords();

    /** A partition's generator on the task of every other generator this test makes. */
    private TopicInputs.PartitionWatermarks<String> generator() {
        return new TopicInputs.PartitionWatermarks<>(() -> NOW, activity, task, LATENESS_MS, IDLE_MS);
    }

    private long last() {
        return marks.get(marks.size() - 1);
    }

    @Test
    void followsTheRecordsThenTheClockOnceQuiet() {
        TopicInputs.PartitionWatermarks<String> w = generator();
        w.onEvent("a", EVENT, output);
        w.onPeriodicEmit(output);
        assertEquals(EVENT - LATENESS_MS - 1, last());
        assertMovesToTheClockAfterTheIdleTimeout(w);
    }

    @Test
    void aBackpressuredPartitionIsNotQuietHoweverLongTheWallClockRuns() {
        TopicInputs.PartitionWatermarks<String> w = generator();
        w.onEvent("a", EVENT, output);
        w.onPeriodicEmit(output);
        // backpressure: the input activity clock stands still while wall time passes (the
        // generator never reads the machine's clock to decide it is quiet)
        for (int i = 0; i < 100; i++) {
            w.onPeriodicEmit(output);
        }
        assertEquals(List.of(EVENT - LATENESS_MS - 1), marks);
        // input active again: the next record comes before the idle timeout of activity
        activity.advanceTime(java.time.Duration.ofMillis(IDLE_MS / 2));
        w.onEvent("b", EVENT + 1_000, output);
        activity.advanceTime(java.time.Duration.ofMillis(IDLE_MS / 2));
        w.onPeriodicEmit(output);
        assertEquals(EVENT + 1_000 - LATENESS_MS - 1, last());
    }

    @Test
    void aPartitionWithNoRecordYetWaitsTheGraceAtLeast() {
        TopicInputs.PartitionWatermarks<String> w = generator();
        activity.advanceTime(java.time.Duration.ofMillis(IDLE_MS - 1));
        w.onPeriodicEmit(output);
        assertEquals(List.of(), marks);
        activity.advanceTime(java.time.Duration.ofMillis(1));
        w.onPeriodicEmit(output);
        assertEquals(List.of(NOW - LATENESS_MS - 1), marks);
    }

    @Test
    void aPartitionWaitingWhileAnotherOfItsTaskDeliversIsNotQuiet() {
        TopicInputs.PartitionWatermarks<String> busy = generator();
        TopicInputs.PartitionWatermarks<String> waiting = generator();
        busy.onEvent("a", EVENT, output);
        waiting.onEvent("b", EVENT, output);
        waiting.onPeriodicEmit(output);
        assertEquals(List.of(EVENT - LATENESS_MS - 1), marks);
        // three idle timeouts in which the consumer hands over only the busy partition's records
        for (int i = 0; i < 30; i++) {
            activity.advanceTime(java.time.Duration.ofMillis(IDLE_MS / 10));
            busy.onEvent("a", EVENT + i, output);
            waiting.onPeriodicEmit(output);
        }
        assertEquals(List.of(EVENT - LATENESS_MS - 1), marks, "the waiting partition held its records' time");
        // then the task gets nothing: once the idle timeout has passed for it too, time moves to the clock
        assertMovesToTheClockAfterTheIdleTimeout(waiting);
    }

    /** Without records, {@code w} keeps its records' time for the idle timeout less 1 ms, then moves to the clock's. */
    private void assertMovesToTheClockAfterTheIdleTimeout(TopicInputs.PartitionWatermarks<String> w) {
        activity.advanceTime(java.time.Duration.ofMillis(IDLE_MS - 1));
        w.onPeriodicEmit(output);
        assertEquals(EVENT - LATENESS_MS - 1, last());
        activity.advanceTime(java.time.Duration.ofMillis(1));
        w.onPeriodicEmit(output);
        assertEquals(NOW - LATENESS_MS - 1, last());
    }

    @Test
    void theSupplierSharesOneTaskCountAmongThePartitionsOfATaskAndNotAcrossTasks() throws Exception {
        TopicInputs.PartitionWatermarks.Supplier<String> supplier =
                new TopicInputs.PartitionWatermarks.Supplier<>(() -> NOW, LATENESS_MS, IDLE_MS);
        TopicInputs.PartitionWatermarks.Supplier<String> otherTask =
                org.apache.flink.util.InstantiationUtil.clone(supplier);
        org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier.Context context = context();
        var busy = supplier.createWatermarkGenerator(context);
        var waiting = supplier.createWatermarkGenerator(context);
        var elsewhere = otherTask.createWatermarkGenerator(context);
        busy.onEvent("a", EVENT, output);
        waiting.onEvent("b", EVENT, output);
        elsewhere.onEvent("c", EVENT, output);
        for (int i = 0; i < 30; i++) {
            activity.advanceTime(java.time.Duration.ofMillis(IDLE_MS / 10));
            busy.onEvent("a", EVENT + i, output);
        }
        marks.clear();
        waiting.onPeriodicEmit(output);
        assertEquals(EVENT - LATENESS_MS - 1, last(), "a partition of the busy task is not quiet");
        elsewhere.onPeriodicEmit(output);
        assertEquals(NOW - LATENESS_MS - 1, last(), "a partition of another, quiet task is");
    }

    private org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier.Context context() {
        return new org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier.Context() {
            @Override
            public org.apache.flink.metrics.MetricGroup getMetricGroup() {
                return new org.apache.flink.metrics.groups.UnregisteredMetricsGroup();
            }

            @Override
            public org.apache.flink.util.clock.RelativeClock getInputActivityClock() {
                return activity;
            }
        };
    }
}
