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

    /** One step of a scripted run: an input, a plan, or the watermark at a day's midnight. */
    private record Step(RefreshInput input, long at, RefreshPlan plan, boolean watermark, boolean restore) {}

    /**
     * A script of 150 days over 400 customers: new and changed facts (some due days after they
     * arrive), forgets, treatments, plans kept monthly, live ones, a checkpoint restored midway,
     * and the end of the input; the scales of each day from the customers then known.
     */
    private static List<Step> script(org.retentionsegments.core.config.ConfigBundle config) {
        java.util.Random random = new java.util.Random(20261204);
        java.util.Map<String, CustomerFacts> known = new java.util.HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (int d = 0; d < 150; d++) {
            int day = DAY0 + d;
            for (int n = 0; n < (d == 0 ? 400 : 12); n++) {
                String id = "c" + random.nextInt(400);
                int last = -random.nextInt(500) + d;
                org.retentionsegments.core.fixtures.FactsBuilder b = org.retentionsegments.core.fixtures.FactsBuilder
                        .customer(id);
                if (random.nextInt(8) > 0) {
                    b.ordered(Math.min(last, last - random.nextInt(300)), Math.min(last, d))
                            .frequency(1 + random.nextInt(6)).net(random.nextInt(100_000) / 100.0)
                            .lifetimeOrders(1 + random.nextInt(15)).lifetimeNet(random.nextInt(300_000) / 100.0);
                    if (random.nextInt(3) == 0) {
                        b.previousOrder(Math.min(last, d) - 1 - random.nextInt(200));
                    }
                }
                if (random.nextInt(3) == 0) {
                    b.engagement(org.retentionsegments.core.EngagementType.EMAIL_OPEN, 0, random.nextInt(2),
                            Math.min(0, d) - random.nextInt(200));
                }
                CustomerFacts facts = b.build();
                // most due at once, some days later (the windows run ahead of the refresh's watermark)
                long at = day * DAY + (random.nextInt(4) == 0 ? random.nextInt(20) * DAY / 2 : 0);
                steps.add(new Step(RefreshInput.facts(facts), at, null, false, false));
                known.put(id, facts);
            }
            if (d > 0 && random.nextInt(3) == 0) {
                String id = "c" + random.nextInt(400);
                steps.add(new Step(RefreshInput.forget(id), day * DAY, null, false, false));
                known.remove(id);
            }
            if (random.nextInt(2) == 0) {
                Instant at = Instant.ofEpochMilli(day * DAY + random.nextInt((int) DAY));
                steps.add(new Step(RefreshInput.treatment(treatment("c" + random.nextInt(450), at)), at.toEpochMilli(),
                        null, false, false));
            }
            org.retentionsegments.core.refresh.PopulationCounts counts =
                    new org.retentionsegments.core.refresh.PopulationCounts(config.pipeline());
            known.values().forEach(c -> counts.count(CountKey.of(c), 1));
            boolean keep = d % 30 == 0;
            boolean live = d > 140;
            steps.add(new Step(null, day * DAY, new RefreshPlan(day, counts.scales(java.time.LocalDate.ofEpochDay(day)),
                    keep, false, keep || d == 149, live, counts.customers()), false, false));
            steps.add(new Step(null, day * DAY, null, true, d == 75));
        }
        steps.add(new Step(null, Long.MAX_VALUE, null, true, false));
        return steps;
    }

    /** The rows (as sorted text, per watermark) and told transitions of the script on one task. */
    private static List<List<String>> run(List<Step> steps, ConfigTexts config, boolean changedOnly)
            throws Exception {
        return run(steps, config, changedOnly, false, new ArrayList<>());
    }

    /** As above, on RocksDB when {@code rocksDb}; every operator the run made goes to {@code operators}. */
    private static List<List<String>> run(List<Step> steps, ConfigTexts config, boolean changedOnly, boolean rocksDb,
            List<RefreshOperator> operators) throws Exception {
        operators.add(new RefreshOperator(config, changedOnly));
        KeyedTwoInputStreamOperatorTestHarness<String, RefreshInput, RefreshPlan, WarehouseRow> h = harness(
                operators.get(operators.size() - 1), null, rocksDb);
        List<List<String>> out = new ArrayList<>();
        for (Step step : steps) {
            if (step.input() != null) {
                h.processElement1(new StreamRecord<>(step.input(), step.at()));
            } else if (step.plan() != null) {
                h.processElement2(new StreamRecord<>(step.plan(), step.at()));
            } else {
                h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(step.at()));
                List<String> rows = new ArrayList<>();
                h.extractOutputValues().forEach(r -> rows.add(r.toString()));
                var told = h.getSideOutput(RefreshOperator.TRANSITIONS);
                if (told != null) {
                    told.forEach(r -> rows.add("told " + r.getValue()));
                    told.clear();
                }
                h.getOutput().clear();
                java.util.Collections.sort(rows);
                out.add(rows);
                if (step.restore()) {
                    OperatorSubtaskState snapshot = h.snapshot(1, 1);
                    h.close();
                    operators.add(new RefreshOperator(config, changedOnly));
                    h = harness(operators.get(operators.size() - 1), snapshot, rocksDb);
                }
            }
        }
        assertEquals(0, h.numEventTimeTimers());
        h.close();
        return out;
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, RefreshInput, RefreshPlan, WarehouseRow> harness(
            RefreshOperator operator, OperatorSubtaskState restored, boolean rocksDb) throws Exception {
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(operator, RefreshInput::customerId, plan -> "",
                Types.STRING);
        if (rocksDb) {
            h.setStateBackend(new org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend());
        }
        h.setup(TypeInformation.of(WarehouseRow.class).createSerializer(new SerializerConfigImpl()));
        if (restored != null) {
            h.initializeState(restored);
        }
        h.open();
        return h;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void visitingOnlyTheCustomersThatCanChangeGivesTheRowsOfVisitingEveryone(boolean flagRules) throws Exception {
        org.retentionsegments.core.config.ConfigBundle bundle = flagRules
                ? org.retentionsegments.core.refresh.SegmentMirrorTest.flagRules() : ConfigBundle.loadDefault();
        ConfigTexts config = flagRules ? new ConfigTexts(org.retentionsegments.core.fixtures.ConfigTexts.PIPELINE,
                org.retentionsegments.core.refresh.SegmentMirrorTest.flagSegments(),
                org.retentionsegments.core.fixtures.ConfigTexts.STRATEGIES) : CONFIG;
        List<Step> steps = script(bundle);
        List<List<String>> everyone = run(steps, config, false);
        List<List<String>> changedOnly = run(steps, config, true);
        assertEquals(everyone.size(), changedOnly.size());
        long rows = 0;
        long transitions = 0;
        for (int i = 0; i < everyone.size(); i++) {
            assertEquals(everyone.get(i), changedOnly.get(i), "the rows at watermark " + i);
            rows += everyone.get(i).size();
            transitions += everyone.get(i).stream().filter(r -> r.startsWith("SegmentTransition")).count();
        }
        assertTrue(transitions > 1_000, "customers move between the kept refreshes: " + transitions);
        assertTrue(rows > transitions, "and the kept ones write every customer");
    }

    @Test
    void onRocksDbAFullPassReadsEachSlotOnceFromOneIterationAndGivesTheHeapBackendsRows() throws Exception {
        ConfigBundle bundle = ConfigBundle.loadDefault();
        List<Step> steps = script(bundle);
        List<RefreshOperator> onHeap = new ArrayList<>();
        List<List<String>> heap = run(steps, CONFIG, false, false, onHeap);
        List<RefreshOperator> onRocksDb = new ArrayList<>();
        List<List<String>> rocksDb = run(steps, CONFIG, false, true, onRocksDb);
        assertEquals(heap.size(), rocksDb.size());
        for (int i = 0; i < heap.size(); i++) {
            assertEquals(heap.get(i), rocksDb.get(i), "the rows at watermark " + i);
        }
        assertEquals(2, onRocksDb.size(), "the script restores once midway");
        for (RefreshOperator operator : onRocksDb) {
            assertTrue(operator.lastPassIterated(), "RocksDB's slots read with their keys, before and after the restore");
        }
        assertTrue(onHeap.stream().noneMatch(RefreshOperator::lastPassIterated), "the heap backend's pass is Flink's");
        // and with only the customers that can change visited between the full passes
        List<List<String>> rocksDbChangedOnly = run(steps, CONFIG, true, true, new ArrayList<>());
        assertEquals(heap, rocksDbChangedOnly);
    }

    private static final int MAX_PARALLELISM = 128;
}
