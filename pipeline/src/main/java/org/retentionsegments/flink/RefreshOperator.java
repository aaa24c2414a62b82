package org.retentionsegments.flink;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.TransitionEvent;
import org.retentionsegments.core.config.Strategy;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.refresh.CustomerRefresh;
import org.retentionsegments.core.refresh.SegmentMirror;
import org.retentionsegments.core.refresh.Segmenter;
import org.retentionsegments.flink.state.KeyedValues;
import org.retentionsegments.flink.state.StateSerializers;

/**
 * The refresh, spread over the customers' key groups: keyed by customer (input 1: facts,
 * forgets and treatments read from the input), with the merge's {@link RefreshPlan}s broadcast to
 * every task (input 2). When the watermark passes a planned refresh day, this task visits each
 * customer it holds once: it stamps the treatments before that day with the customer's segment
 * as of the refresh before them, applies the facts of the day, and places the customer (see
 * {@link CustomerRefresh}). The watermark is the minimum of both inputs, so a day's plan and every
 * fact up to that day are here before the pass; at the end of a bounded run the treatments left
 * are stamped with the final segments. A tally per refresh goes to {@link #TALLIES}.
 *
 * <p>A refresh that writes no assignment rows (most days of a backfill) visits only the customers
 * that can give it a row: those with facts, forgets or treatments due by its time, and those whose
 * segment the day's scales change, which a {@link SegmentMirror} of the few facts a segment
 * depends on finds without reading the state. Every other refresh, the first after a start or a
 * restore, and every refresh with a cluster model visit every customer and rebuild the mirror.
 */
public final class RefreshOperator extends AbstractStreamOperator<WarehouseRow>
        implements TwoInputStreamOperator<RefreshInput, RefreshPlan, WarehouseRow> {

    /**
     * Per task and refresh: how many customers and transitions, and how long the task's pass over
     * its customers took ({@code passNanos}).
     */
    public record Tally(int day, int task, int tasks, boolean keep, boolean last, long customers, long transitions,
            long passNanos) {}

    public static final OutputTag<Tally> TALLIES = new OutputTag<>("refresh-tallies") {};

    /** The transitions of live refreshes, for the marketing stack. */
    public static final OutputTag<TransitionEvent> TRANSITIONS = new OutputTag<>("transition-events") {};

    private static final long DAY_MS = CustomerWindowFunction.DAY_MS;
    static final ValueStateDescriptor<CustomerSlot> SLOT = new ValueStateDescriptor<>("customer", StateSerializers.Slot.INSTANCE);

    private final ConfigTexts configTexts;

    private transient CustomerRefresh customerRefresh;
    private transient String configVersion;
    private transient TreeMap<Integer, RefreshPlan> plans;
    private transient ValueState<CustomerSlot> slot;
    /** Every customer's slot of this task, for a full pass. */
    private transient KeyedValues<Object, CustomerSlot> allSlots;
    private transient ListState<RefreshPlan> checkpointedPlans;
    /** The placed customers' segments and what they depend on; null with a cluster model. */
    private transient SegmentMirror mirror;
    /** Whether {@link #mirror} holds every customer of this task (false until a full pass). */
    private transient boolean mirrored;
    /**
     * The customers of this task with facts, forgets or treatments waiting, by the time from which
     * they are due (a customer may be under several times).
     */
    private transient TreeMap<Long, List<Object>> due;
    private final boolean visitChangedOnly;

    /** The plans received and not yet carried out, checkpointed by every task. */
    static final ListStateDescriptor<RefreshPlan> PLANS =
            new ListStateDescriptor<>("refresh-plans", TypeInformation.of(RefreshPlan.class));

    public RefreshOperator(ConfigTexts configTexts) {
        this(configTexts, true);
    }

    /** With {@code visitChangedOnly} false, every refresh visits every customer (for tests). */
    RefreshOperator(ConfigTexts configTexts, boolean visitChangedOnly) {
        this.configTexts = configTexts;
        this.visitChangedOnly = visitChangedOnly;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        plans = new TreeMap<>();
        // every task holds the same plans (they are broadcast, and an aligned checkpoint sees each
        // task at the same watermark), so after a restore, at any parallelism, each takes the union
        checkpointedPlans = context.getOperatorStateStore().getUnionListState(PLANS);
        for (RefreshPlan plan : checkpointedPlans.get()) {
            plans.put(plan.day(), plan);
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        checkpointedPlans.update(List.copyOf(plans.values()));
    }

    @Override
    public void open() throws Exception {
        super.open();
        ConfigBundle config = configTexts.parse();
        customerRefresh = new CustomerRefresh(new Segmenter(config));
        configVersion = configTexts.version();
        slot = getPartitionedState(SLOT);
        allSlots = new KeyedValues<>(getKeyedStateBackend(), SLOT);
        Segmenter segmenter = customerRefresh.segmenter();
        mirror = visitChangedOnly && segmenter.placesFromFewFacts() ? new SegmentMirror(segmenter) : null;
        mirrored = false;
        due = new TreeMap<>();
    }

    @Override
    public void processElement1(StreamRecord<RefreshInput> element) throws Exception {
        RefreshInput input = element.getValue();
        CustomerSlot s = slot.value();
        if (s == null) {
            s = new CustomerSlot();
        }
        if (input.treatment() != null) {
            s.treatments.add(input.treatment());
            due(getCurrentKey(), dueAt(input.treatment()));
        } else {
            s.pending.add(new CustomerSlot.Pending(element.getTimestamp(), input.facts()));
            due(getCurrentKey(), element.getTimestamp());
        }
        slot.update(s);
    }

    @Override
    public void processElement2(StreamRecord<RefreshPlan> element) {
        plans.put(element.getValue().day(), element.getValue());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        while (!plans.isEmpty() && (long) plans.firstKey() * DAY_MS <= mark.getTimestamp()) {
            refresh(plans.pollFirstEntry().getValue());
        }
        if (mark.getTimestamp() == Long.MAX_VALUE) {
            visit(s -> stamp(s, Long.MAX_VALUE, mark.getTimestamp()));
        }
        super.processWatermark(mark);
    }

    private void refresh(RefreshPlan plan) throws Exception {
        long started = System.nanoTime();
        long at = (long) plan.day() * DAY_MS;
        LocalDate asOf = LocalDate.ofEpochDay(plan.day());
        CustomerRefresh.Tally tally = new CustomerRefresh.Tally();
        SlotVisitor refresh = s -> {
            boolean changed = stamp(s, at, at) | apply(s, at);
            if (s.facts != null) {
                byte before = s.segment;
                s.segment = customerRefresh.refresh(s.facts, s.segment, plan.scales(), asOf, plan.assigns(),
                        plan.keep(), row -> output.collect(new StreamRecord<>(row instanceof SegmentAssignment a
                                ? a.writtenTo(plan.keep(), plan.current()) : row, at)),
                        tally);
                if (s.segment != before) {
                    changed = true;
                    if (plan.live()) {
                        output.collect(TRANSITIONS, new StreamRecord<>(event(s, before, asOf), at));
                    }
                }
            }
            return changed;
        };
        if (mirror != null && mirrored && !plan.assigns()) {
            visitChanged(at, plan.scales(), refresh);
            tally.customers = mirror.size();
        } else {
            visit(refresh);
        }
        int task = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        int tasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        output.collect(TALLIES, new StreamRecord<>(new Tally(plan.day(), task, tasks, plan.keep(), plan.last(),
                tally.customers, tally.transitions, System.nanoTime() - started), at));
    }

    private TransitionEvent event(CustomerSlot s, byte before, LocalDate asOf) {
        Segmenter segmenter = customerRefresh.segmenter();
        Strategy strategy = segmenter.strategy(s.segment);
        String customerId = s.facts.customerId();
        return new TransitionEvent(customerId, asOf, customerRefresh.segmentName(before),
                customerRefresh.segmentName(s.segment), strategy.name(), segmenter.arm(s.segment, customerId),
                strategy.alwaysOn() ? strategy.programId() : null, configVersion);
    }

    private interface SlotVisitor {
        /** Returns whether the slot changed. */
        boolean visit(CustomerSlot slot) throws Exception;
    }

    /**
     * Visits every customer of this task once; a changed slot is written back, an empty one
     * cleared. Rebuilds the mirror and the customers waiting.
     */
    private void visit(SlotVisitor visitor) throws Exception {
        if (mirror != null) {
            mirror.clear();
        }
        due.clear();
        allSlots.forEach(this::setCurrentKey, (key, s) -> {
            visitOne(visitor, s, slot);
            keep(key, s);
        });
        mirrored = mirror != null;
    }

    /**
     * Visits the customers with something due by {@code at} and those whose segment the mirror
     * finds changed at {@code scales}: every customer a refresh without assignment rows has a row
     * for. The others' visits would change nothing and emit nothing.
     */
    private void visitChanged(long at, org.retentionsegments.core.refresh.RefreshScales scales, SlotVisitor visitor)
            throws Exception {
        LinkedHashSet<Object> keys = new LinkedHashSet<>();
        while (!due.isEmpty() && due.firstKey() <= at) {
            keys.addAll(due.pollFirstEntry().getValue());
        }
        mirror.changed(scales, keys::add);
        for (Object key : keys) {
            setCurrentKey(key);
            CustomerSlot s = slot.value();
            if (s == null) {
                mirror.remove(key);
                continue;
            }
            visitOne(visitor, s, slot);
            mirror(key, s);
        }
    }

    /** Visits the current customer's slot {@code s}; a changed slot is written back, an empty one cleared. */
    private static void visitOne(SlotVisitor visitor, CustomerSlot s, ValueState<CustomerSlot> state)
            throws Exception {
        if (visitor.visit(s)) {
            if (s.isEmpty()) {
                state.clear();
            } else {
                s.trim();
                state.update(s);
            }
        }
    }

    /**
     * Records the customer {@code key} of a full pass in the mirror, and when its waiting input is
     * due (what arrives later is recorded as it arrives).
     */
    private void keep(Object key, CustomerSlot s) {
        if (mirror == null) {
            return;
        }
        mirror(key, s);
        for (CustomerSlot.Pending p : s.pending) {
            due(key, p.at);
        }
        for (Treatment t : s.treatments) {
            due(key, dueAt(t));
        }
    }

    /** Records a visited customer in the mirror (which there is). */
    private void mirror(Object key, CustomerSlot s) {
        if (s.facts == null) {
            mirror.remove(key);
        } else {
            mirror.put(key, s.facts, s.segment);
        }
    }

    /** Without a mirror every refresh visits everyone: nothing is kept by the time it falls due. */
    private void due(Object key, long at) {
        if (mirror != null) {
            due.computeIfAbsent(at, k -> new ArrayList<>(2)).add(key);
        }
    }

    /** A treatment is stamped at the first refresh after its time ({@link #stamp}). */
    private static long dueAt(Treatment t) {
        long at = t.treatedTs().toEpochMilli();
        return at == Long.MAX_VALUE ? at : at + 1;
    }

    /** Emits the treatments before {@code before} with the customer's current segment; true if any. */
    private boolean stamp(CustomerSlot s, long before, long at) {
        if (s.treatments.isEmpty()) {
            return false;
        }
        boolean stamped = false;
        String segment = customerRefresh.segmentName(s.segment);
        for (Iterator<Treatment> it = s.treatments.iterator(); it.hasNext(); ) {
            Treatment t = it.next();
            if (t.treatedTs().toEpochMilli() < before) {
                output.collect(new StreamRecord<>(new Treatment(t.programId(), t.customerId(), t.treatedTs(), t.arm(),
                        segment, t.channel(), t.cost(), t.source()), at));
                it.remove();
                stamped = true;
            }
        }
        return stamped;
    }

    /** Applies the facts and forgets due by {@code at}, in time order; true if any. */
    private static boolean apply(CustomerSlot s, long at) {
        if (s.pending.isEmpty()) {
            return false;
        }
        boolean applied = false;
        s.pending.sort((a, b) -> Long.compare(a.at, b.at));
        for (Iterator<CustomerSlot.Pending> it = s.pending.iterator(); it.hasNext(); ) {
            CustomerSlot.Pending p = it.next();
            if (p.at > at) {
                break;
            }
            if (p.facts == null) {
                s.facts = null;
                s.segment = CustomerRefresh.NONE;
            } else {
                s.facts = p.facts;
            }
            it.remove();
            applied = true;
        }
        return applied;
    }

    /** For tests: whether the last full pass read the slots from one RocksDB iteration ({@link KeyedValues}). */
    boolean lastPassIterated() {
        return allSlots.lastPassIterated();
    }

    /** For tests: plans received and not yet carried out. */
    Map<Integer, RefreshPlan> plans() {
        return plans;
    }
}
