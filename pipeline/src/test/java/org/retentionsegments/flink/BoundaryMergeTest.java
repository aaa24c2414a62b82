package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.FactsBuilder.DAY0;
import static org.retentionsegments.core.fixtures.FactsBuilder.T0;
import static org.retentionsegments.core.fixtures.FactsBuilder.buyer;

import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.core.refresh.Population;

/**
 * The merge of count deltas in the operator test harness: a refresh only when the watermark
 * passes its day, boundaries equal to those of the whole population in one task, the refresh
 * chain and its flags, nothing left waiting.
 */
class BoundaryMergeTest {

    private static final long DAY = CustomerWindowFunction.DAY_MS;
    private static final ConfigTexts CONFIG = ConfigTexts.defaults();

    private OneInputStreamOperatorTestHarness<FactsDelta, RefreshPlan> harness;
    private BoundaryMerge merge;

    private void open(int lastDay) throws Exception {
        merge = new BoundaryMerge(CONFIG, lastDay);
        harness = new OneInputStreamOperatorTestHarness<>(merge);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static final List<CustomerFacts> CUSTOMERS = List.of(
            buyer("a", 3, 10, 2000), buyer("b", 40, 4, 300), buyer("c", 400, 1, 10), buyer("d", 90, 2, 120),
            buyer("e", 10, 6, 800), buyer("f", 200, 1, 35));

    private void add(CustomerFacts facts, int day) throws Exception {
        harness.processElement(new StreamRecord<>(new FactsDelta(null, CountKey.of(facts)), day * DAY));
    }

    private List<RefreshPlan> plans() {
        List<RefreshPlan> out = harness.extractOutputValues();
        harness.getOutput().clear();
        return out;
    }

    @Test
    void boundariesAreThoseOfTheWholePopulationInOneTask() throws Exception {
        open(Integer.MAX_VALUE);
        for (CustomerFacts c : CUSTOMERS) {
            add(c, DAY0);
        }
        harness.processWatermark(DAY0 * DAY - 1);
        assertTrue(plans().isEmpty(), "no refresh before the watermark reaches its day");

        harness.processWatermark(DAY0 * DAY);
        List<RefreshPlan> plans = plans();
        assertEquals(1, plans.size());
        Population population = new Population(ConfigBundle.loadDefault());
        CUSTOMERS.forEach(population::upsert);
        assertEquals(population.scales(T0), plans.get(0).scales());
        assertEquals(6, plans.get(0).customers());
        List<WarehouseRow> boundaries = harness.getSideOutput(BoundaryMerge.BOUNDARIES).stream()
                .map(StreamRecord::getValue).toList();
        assertEquals(26 + 11, boundaries.size(), "25 score boundaries (5 dimensions), the purchase cycle and, the"
                + " refresh being kept, the criteria of the 11 segments");
        org.retentionsegments.core.SegmentCriteria champions = boundaries.stream()
                .filter(org.retentionsegments.core.SegmentCriteria.class::isInstance)
                .map(org.retentionsegments.core.SegmentCriteria.class::cast)
                .filter(c -> c.segment().equals("Champions")).findFirst().orElseThrow();
        assertEquals(T0, champions.asOf());
        assertTrue(champions.criteria().startsWith("F 4-5 (") && champions.criteria().contains(" orders in 365 days)")
                && champions.criteria().endsWith(", lifecycle active"), champions.criteria());
        org.retentionsegments.core.PurchaseCycle cycle = boundaries.stream()
                .filter(org.retentionsegments.core.PurchaseCycle.class::isInstance)
                .map(org.retentionsegments.core.PurchaseCycle.class::cast).findFirst().orElseThrow();
        double c = plans.get(0).scales().cycleDays();
        assertEquals(new org.retentionsegments.core.PurchaseCycle(T0, c, false, cycle.repeatCustomers(), c, 2 * c, 4 * c),
                cycle, "six customers are too few to measure the cycle: the default, and the thresholds in days");
        assertEquals(6, boundaries.stream().filter(ScoreBoundary.class::isInstance).map(ScoreBoundary.class::cast)
                .filter(b -> b.dimension().equalsIgnoreCase("recency")).mapToLong(ScoreBoundary::customers).sum(),
                "bucket sizes add up to the scored population");
        assertTrue(merge.waiting().isEmpty(), "applied deltas are not kept");
    }

    @Test
    void aMovedOrForgottenCustomerChangesTheCounts() throws Exception {
        open(Integer.MAX_VALUE);
        for (CustomerFacts c : CUSTOMERS) {
            add(c, DAY0);
        }
        harness.processWatermark(DAY0 * DAY);
        plans();
        CountKey a = CountKey.of(CUSTOMERS.get(0));
        CountKey aLater = CountKey.of(buyer("a", 4, 10, 2000));
        harness.processElement(new StreamRecord<>(new FactsDelta(a, aLater), (DAY0 + 1) * DAY));
        harness.processElement(new StreamRecord<>(new FactsDelta(CountKey.of(CUSTOMERS.get(2)), null), (DAY0 + 1) * DAY));
        harness.processWatermark((DAY0 + 1) * DAY);
        RefreshPlan next = plans().get(0);
        assertEquals(DAY0 + 1, next.day(), "the default cadence is daily");
        assertEquals(5, next.customers());
        Population population = new Population(ConfigBundle.loadDefault());
        CUSTOMERS.forEach(population::upsert);
        population.upsert(buyer("a", 4, 10, 2000));
        population.remove("c");
        assertEquals(population.scales(T0.plusDays(1)), next.scales());
    }

    @Test
    void aContinuousJobWritesCurrentRowsAtEveryRefreshOnceItHasCaughtUpWithTheClock() throws Exception {
        long today = DAY0 + 40;
        merge = new BoundaryMerge(CONFIG, Integer.MAX_VALUE, () -> today * 86_400_000L + 3_600_000L);
        harness = new OneInputStreamOperatorTestHarness<>(merge);
        harness.open();
        add(CUSTOMERS.get(0), DAY0);
        harness.processWatermark((today + 1) * 86_400_000L);
        List<RefreshPlan> plans = plans();
        assertEquals(today + 1 - DAY0 + 1, plans.size(), "one refresh a day, up to the watermark");
        for (RefreshPlan plan : plans) {
            boolean live = plan.day() >= today - BoundaryMerge.LIVE_DAYS;
            assertEquals(live || plan.keep(), plan.current(), "refresh of day " + plan.day());
            assertEquals(live, plan.live(), "refresh of day " + plan.day());
            assertFalse(plan.last(), "a continuous job has no last refresh");
        }
        assertTrue(plans.stream().anyMatch(p -> !p.current()), "the catch-up writes no current rows between snapshots");
    }

    @Test
    void aBoundedRunRefreshesFromItsFirstFactsToItsLastDayAndStops() throws Exception {
        open(DAY0 + 2);
        add(CUSTOMERS.get(0), DAY0 - 1);
        add(CUSTOMERS.get(1), DAY0);
        harness.processWatermark(Long.MAX_VALUE);
        List<RefreshPlan> plans = plans();
        assertEquals(List.of(DAY0 - 1, DAY0, DAY0 + 1, DAY0 + 2), plans.stream().map(RefreshPlan::day).toList());
        assertEquals(List.of(false, false, false, true), plans.stream().map(RefreshPlan::current).toList(),
                "a backfill writes customer_segment at its last refresh only");
        assertTrue(plans.get(3).last() && plans.get(3).keep(), "the last refresh is kept");
        assertFalse(plans.get(2).last());
        assertEquals(List.of(1L, 2L, 2L, 2L), plans.stream().map(RefreshPlan::customers).toList());
    }

    @Test
    void theFirstRefreshWaitsForTheWatermarkToPassItsDay() throws Exception {
        // one window task's facts of a later day arrive first, with a watermark that does not yet
        // rule out earlier facts from another task (seen in a run on two tasks)
        open(DAY0 + 3);
        add(CUSTOMERS.get(1), DAY0 + 1);
        harness.processWatermark(DAY0 * DAY - 1);
        assertTrue(plans().isEmpty());
        add(CUSTOMERS.get(0), DAY0);
        harness.processWatermark(Long.MAX_VALUE);
        List<RefreshPlan> plans = plans();
        assertEquals(DAY0, plans.get(0).day(), "the first refresh is at the first day with facts");
        assertEquals(1, plans.get(0).customers());
        assertTrue(plans.get(0).keep() && !plans.get(1).keep(), "the first refresh is kept, the next one is not");
    }

    @Test
    void aMergeRestoredFromACheckpointGoesOnAsIfNeverStopped() throws Exception {
        // uninterrupted: the reference
        open(DAY0 + 3);
        feedFirstHalf();
        feedSecondHalf();
        List<RefreshPlan> expected = plans();
        List<StreamRecord<WarehouseRow>> expectedBoundaries = List.copyOf(harness.getSideOutput(BoundaryMerge.BOUNDARIES));
        harness.close();

        // stopped after the first half (one refresh done, deltas of later days waiting), restored
        open(DAY0 + 3);
        feedFirstHalf();
        assertFalse(merge.waiting().isEmpty(), "the snapshot holds deltas not yet applied");
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        List<RefreshPlan> before = plans();
        List<StreamRecord<WarehouseRow>> boundariesBefore = List.copyOf(harness.getSideOutput(BoundaryMerge.BOUNDARIES));
        harness.close();

        merge = new BoundaryMerge(CONFIG, DAY0 + 3);
        harness = new OneInputStreamOperatorTestHarness<>(merge);
        harness.initializeState(snapshot);
        harness.open();
        feedSecondHalf();
        List<RefreshPlan> after = new java.util.ArrayList<>(before);
        after.addAll(plans());
        List<StreamRecord<WarehouseRow>> boundaries = new java.util.ArrayList<>(boundariesBefore);
        boundaries.addAll(harness.getSideOutput(BoundaryMerge.BOUNDARIES));
        assertEquals(expected, after, "the same refreshes, with the same scales, as without the restore");
        assertEquals(expectedBoundaries.stream().map(StreamRecord::getValue).toList(),
                boundaries.stream().map(StreamRecord::getValue).toList());
        assertTrue(merge.waiting().isEmpty());
    }

    private void feedFirstHalf() throws Exception {
        add(CUSTOMERS.get(0), DAY0);
        add(CUSTOMERS.get(1), DAY0);
        harness.processWatermark(DAY0 * DAY);
        add(CUSTOMERS.get(2), DAY0 + 1);
        harness.processElement(new StreamRecord<>(new FactsDelta(CountKey.of(CUSTOMERS.get(0)),
                CountKey.of(buyer("a", 4, 10, 2000))), (DAY0 + 2) * DAY));
    }

    private void feedSecondHalf() throws Exception {
        add(CUSTOMERS.get(3), DAY0 + 2);
        harness.processElement(new StreamRecord<>(new FactsDelta(CountKey.of(CUSTOMERS.get(1)), null), (DAY0 + 3) * DAY));
        harness.processWatermark(Long.MAX_VALUE);
    }
}
