package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.FactsBuilder.DAY0;
import static org.retentionsegments.core.fixtures.FactsBuilder.T0;
import static org.retentionsegments.core.fixtures.FactsBuilder.buyer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.SegmentTransition;
import org.retentionsegments.core.TransitionEvent;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.core.refresh.Population;
import org.retentionsegments.core.refresh.PopulationCounts;
import org.retentionsegments.core.refresh.Segmenter;

/**
 * The keyed refresh in the operator test harness: nothing before the watermark passes a planned
 * day; then the rows of every customer, exactly those of the whole population refreshed in one
 * task; treatments stamped with the segment of their time; a forgotten customer's state gone.
 */
class RefreshOperatorTest {

    private static final long DAY = CustomerWindowFunction.DAY_MS;
    private static final ConfigTexts CONFIG = ConfigTexts.defaults();
    private static final List<CustomerFacts> CUSTOMERS = List.of(
            buyer("a", 3, 10, 2000), buyer("b", 40, 4, 300), buyer("c", 400, 1, 10), buyer("d", 90, 2, 120));

    private KeyedTwoInputStreamOperatorTestHarness<String, RefreshInput, RefreshPlan, WarehouseRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(new RefreshOperator(CONFIG),
                RefreshInput::customerId, plan -> "", Types.STRING);
        // the output is an interface of several record types: copy it with Kryo, as the job does
        harness.setup(TypeInformation.of(WarehouseRow.class).createSerializer(new SerializerConfigImpl()));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static RefreshPlan plan(List<CustomerFacts> customers, int day, boolean keep) {
        return plan(customers, day, keep, false);
    }

    private static RefreshPlan plan(List<CustomerFacts> customers, int day, boolean keep, boolean live) {
        PopulationCounts counts = new PopulationCounts(ConfigBundle.loadDefault().pipeline());
        customers.forEach(c -> counts.count(CountKey.of(c), 1));
        return new RefreshPlan(day, counts.scales(java.time.LocalDate.ofEpochDay(day)), keep, false, keep || live,
                live, counts.customers());
    }

    private List<WarehouseRow> rows() {
        List<WarehouseRow> out = new ArrayList<>(harness.extractOutputValues());
        harness.getOutput().clear();
        return out;
    }

    private static Treatment treatment(String customer, Instant at) {
        return new Treatment("winback", customer, at, Arm.TREATMENT, null, "email", 0.25, "input");
    }

    @Test
    void aPassGivesTheRowsOfTheWholePopulationRefreshedInOneTask() throws Exception {
        for (CustomerFacts c : CUSTOMERS) {
            harness.processElement1(new StreamRecord<>(RefreshInput.facts(c), DAY0 * DAY));
        }
        harness.processElement2(new StreamRecord<>(plan(CUSTOMERS, DAY0, true), DAY0 * DAY));
        harness.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(DAY0 * DAY));
        assertEquals(List.of(), rows(), "input 2's watermark has not passed the day yet");

        harness.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(DAY0 * DAY));
        Set<WarehouseRow> actual = new HashSet<>(rows());

        Population population = new Population(ConfigBundle.loadDefault());
        CUSTOMERS.forEach(population::upsert);
        Set<WarehouseRow> expected = new HashSet<>();
        population.refresh(T0, true, row -> {
            if (!(row instanceof ScoreBoundary)) {
                expected.add(row);
            }
        });
        assertEquals(expected, actual, "transitions, always-on treatments and snapshot rows of every customer");
        assertNull(harness.getSideOutput(RefreshOperator.TRANSITIONS), "a refresh that is not live tells no one");
        assertEquals(4, actual.stream().filter(SegmentAssignment.class::isInstance).count());
    }

    @Test
    void aLiveRefreshTellsEveryTransitionWithItsStrategyArmAndProgram() throws Exception {
        for (CustomerFacts c : CUSTOMERS) {
            harness.processElement1(new StreamRecord<>(RefreshInput.facts(c), DAY0 * DAY));
        }
        harness.processElement2(new StreamRecord<>(plan(CUSTOMERS, DAY0, false, true), DAY0 * DAY));
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(DAY0 * DAY));
        List<SegmentTransition> transitions = rows().stream().filter(SegmentTransition.class::isInstance)
                .map(SegmentTransition.class::cast).toList();
        assertEquals(CUSTOMERS.size(), transitions.size(), "every customer's first placement is a transition");
        List<TransitionEvent> told = harness.getSideOutput(RefreshOperator.TRANSITIONS).stream()
                .map(StreamRecord::getValue).toList();
        assertEquals(transitions.size(), told.size(), "one event per transition of the live refresh");
        Segmenter segmenter = new Segmenter(ConfigBundle.loadDefault());
        for (TransitionEvent e : told) {
            assertTrue(transitions.contains(new SegmentTransition(e.customerId(), e.asOf(), e.fromSegment(),
                    e.toSegment())), e.toString());
            int segment = segmenter.rules().indexOf(e.toSegment());
            assertEquals(segmenter.strategy(segment).name(), e.strategy());
            assertEquals(segmenter.arm(segment, e.customerId()), e.arm());
            assertEquals(CONFIG.version(), e.configVersion());
        }
    }

    @Test
    void treatmentsAreStampedWithTheSegmentOfTheirTime() throws Exception {
        harness.processElement1(new StreamRecord<>(RefreshInput.facts(CUSTOMERS.get(0)), DAY0 * DAY));
        Instant before = Instant.ofEpochMilli(DAY0 * DAY - 3_600_000);
        Instant after = Instant.ofEpochMilli(DAY0 * DAY + 3_600_000);
        harness.processElement1(new StreamRecord<>(RefreshInput.treatment(treatment("a", before)), before.toEpochMilli()));
        harness.processElement1(new StreamRecord<>(RefreshInput.treatment(treatment("a", after)), after.toEpochMilli()));
        harness.processElement1(new StreamRecord<>(RefreshInput.treatment(treatment("stranger", after)), after.toEpochMilli()));
        harness.processElement2(new StreamRecord<>(plan(CUSTOMERS.subList(0, 1), DAY0, false), DAY0 * DAY));
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(DAY0 * DAY));
        List<Treatment> stamped = rows().stream().filter(r -> r instanceof Treatment t && t.source().equals("input"))
                .map(Treatment.class::cast).toList();
        assertEquals(1, stamped.size(), "only the treatment before the refresh is stamped yet");
        assertNull(stamped.get(0).segment(), "before the first refresh there is no segment");

        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
        List<Treatment> atEnd = rows().stream().map(Treatment.class::cast).toList();
        Population population = new Population(ConfigBundle.loadDefault());
        population.upsert(CUSTOMERS.get(0));
        population.refresh(T0, false, row -> {});
        assertEquals(population.currentSegment("a"), atEnd.stream().filter(t -> t.customerId().equals("a"))
                .findFirst().orElseThrow().segment(), "after the refresh: the segment it placed the customer in");
        assertNull(atEnd.stream().filter(t -> t.customerId().equals("stranger")).findFirst().orElseThrow().segment());
        assertEquals(1, harness.numKeyedStateEntries(), "only the known customer keeps state");
    }

    @Test
    void aForgottenCustomerLeavesNoState() throws Exception {
        harness.processElement1(new StreamRecord<>(RefreshInput.facts(CUSTOMERS.get(1)), DAY0 * DAY));
        harness.processElement2(new StreamRecord<>(plan(CUSTOMERS.subList(1, 2), DAY0, false), DAY0 * DAY));
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(DAY0 * DAY));
        assertEquals(1, harness.numKeyedStateEntries());
        harness.processElement1(new StreamRecord<>(RefreshInput.forget("b"), (DAY0 + 1) * DAY));
        harness.processElement2(new StreamRecord<>(plan(List.of(), DAY0 + 1, false), (DAY0 + 1) * DAY));
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark((DAY0 + 1) * DAY));
        assertEquals(0, harness.numKeyedStateEntries(), "the slot is cleared with the customer");
        assertEquals(0, harness.numEventTimeTimers(), "the refresh keeps no timers");
    }

    @Test
    void aRestoreFromACheckpointKeepsThePlansAndCustomersAtAnyParallelism() throws Exception {
        harness.close();
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(new RefreshOperator(CONFIG),
                RefreshInput::customerId, plan -> "", Types.STRING, MAX_PARALLELISM, 1, 0);
        harness.setup(TypeInformation.of(WarehouseRow.class).createSerializer(new SerializerConfigImpl()));
        harness.open();
        RefreshPlan first = plan(CUSTOMERS, DAY0, true);
        RefreshPlan second = plan(CUSTOMERS, DAY0 + 1, true);
        for (CustomerFacts c : CUSTOMERS) {
            harness.processElement1(new StreamRecord<>(RefreshInput.facts(c), DAY0 * DAY));
        }
        harness.processElement2(new StreamRecord<>(first, DAY0 * DAY));
        harness.processElement2(new StreamRecord<>(second, (DAY0 + 1) * DAY));
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(DAY0 * DAY));
        rows();
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark((DAY0 + 1) * DAY));
        Set<WarehouseRow> expected = new HashSet<>(rows());
        assertEquals(4, expected.stream().filter(SegmentAssignment.class::isInstance).count());
        harness.close();

        // the checkpoint taken with the second plan waiting, restored on two tasks
        Set<WarehouseRow> restored = new HashSet<>();
        for (int task = 0; task < 2; task++) {
            OperatorSubtaskState part = AbstractStreamOperatorTestHarness.repartitionOperatorState(
                    snapshot, MAX_PARALLELISM, 1, 2, task);
            harness = new KeyedTwoInputStreamOperatorTestHarness<>(new RefreshOperator(CONFIG),
                    RefreshInput::customerId, plan -> "", Types.STRING, MAX_PARALLELISM, 2, task);
            harness.setup(TypeInformation.of(WarehouseRow.class).createSerializer(new SerializerConfigImpl()));
            harness.initializeState(part);
            harness.open();
            harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark((DAY0 + 1) * DAY));
            restored.addAll(rows());
            assertEquals(java.util.Map.of(), ((RefreshOperator) harness.getOperator()).plans(),
                    "task " + task + " carried out the restored plan");
            if (task == 0) {
                harness.close();
            }
        }
        assertEquals(expected, restored, "the two tasks together refresh every customer as the one task would have");
    }

    private static final int MAX_PARALLELISM = 128;
}
