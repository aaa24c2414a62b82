package org.retentionsegments.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.core.refresh.PopulationCounts;
import org.retentionsegments.core.refresh.RefreshScales;
import org.retentionsegments.flink.state.WarehouseRows;
import org.retentionsegments.report.CriteriaText;

/**
 * The one place that sees the whole population, and only as counts: adds up the
 * {@link FactsDelta}s of all window tasks and, when the watermark passes a refresh day, finds the
 * day's boundaries exactly as a single task would, emits its 25 {@code score_boundary} rows (side
 * output {@link #BOUNDARIES}, with the purchase cycle and, at a kept refresh, each segment's
 * {@code segment_criteria}) and a {@link RefreshPlan} for the scoring tasks. Runs at
 * parallelism 1; its work is O(changes), never O(customers).
 *
 * <p>The chain of refreshes starts at the first day with facts and follows the cadence; in a
 * bounded run the last refresh is at {@code lastDay} (the run's as_of).
 */
public final class BoundaryMerge extends AbstractStreamOperator<RefreshPlan>
        implements OneInputStreamOperator<FactsDelta, RefreshPlan> {

    public static final OutputTag<WarehouseRow> BOUNDARIES = new OutputTag<>("score-boundaries", WarehouseRows.TYPE);

    private static final long DAY_MS = CustomerWindowFunction.DAY_MS;

    private final ConfigTexts configTexts;
    private final int lastDay;

    private transient ConfigBundle config;
    private transient PipelineConfig pipeline;
    private transient PopulationCounts counts;
    private transient TreeMap<Long, List<FactsDelta>> waiting;
    private transient LocalDate previousRefresh;
    private transient int nextDay;
    private transient boolean done;
    private transient ListState<byte[]> checkpointed;

    /** The merge's whole state (counts, waiting deltas, the chain of refreshes) as one checkpointed entry. */
    private static final ListStateDescriptor<byte[]> STATE =
            new ListStateDescriptor<>("boundary-merge", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    private static final int STATE_VERSION = 2;

    /** A continuous job's refreshes this many days before today's still write every current row. */
    static final int LIVE_DAYS = 2;

    private final WallClock clock;

    /** @param lastDay the as_of epoch day of a bounded run, {@link Integer#MAX_VALUE} when unbounded */
    public BoundaryMerge(ConfigTexts configTexts, int lastDay) {
        this(configTexts, lastDay, WallClock.SYSTEM);
    }

    /** @param clock tells a continuous job's live refreshes from its catch-up */
    BoundaryMerge(ConfigTexts configTexts, int lastDay, WallClock clock) {
        this.configTexts = configTexts;
        this.lastDay = lastDay;
        this.clock = clock;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        config = configTexts.parse();
        pipeline = config.pipeline();
        counts = new PopulationCounts(pipeline);
        waiting = new TreeMap<>();
        nextDay = Integer.MIN_VALUE;
        checkpointed = context.getOperatorStateStore().getListState(STATE);
        for (byte[] bytes : checkpointed.get()) {
            restore(new DataInputStream(new ByteArrayInputStream(bytes)));
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(STATE_VERSION);
        counts.writeTo(out);
        out.writeInt(waiting.size());
        for (Map.Entry<Long, List<FactsDelta>> at : waiting.entrySet()) {
            out.writeLong(at.getKey());
            out.writeInt(at.getValue().size());
            for (FactsDelta d : at.getValue()) {
                writeKey(out, d.removed());
                writeKey(out, d.added());
            }
        }
        out.writeLong(previousRefresh == null ? Long.MIN_VALUE : previousRefresh.toEpochDay());
        out.writeInt(nextDay);
        out.writeBoolean(done);
        out.flush();
        checkpointed.update(List.of(bytes.toByteArray()));
    }

    private void restore(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != STATE_VERSION) {
            throw new IOException("the checkpoint holds merge state version " + version + "; this version reads "
                    + STATE_VERSION + ": start the run again without the checkpoint");
        }
        counts.readFrom(in);
        for (int n = in.readInt(); n > 0; n--) {
            long at = in.readLong();
            List<FactsDelta> deltas = new ArrayList<>();
            for (int k = in.readInt(); k > 0; k--) {
                deltas.add(new FactsDelta(readKey(in), readKey(in)));
            }
            waiting.put(at, deltas);
        }
        long previous = in.readLong();
        previousRefresh = previous == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(previous);
        nextDay = in.readInt();
        done = in.readBoolean();
    }

    private static void writeKey(DataOutputStream out, CountKey key) throws IOException {
        out.writeBoolean(key != null);
        if (key != null) {
            out.writeBoolean(key.ordered());
            out.writeLong(key.lastOrderDay());
            out.writeLong(key.frequency());
            out.writeLong(key.monetaryCents());
            out.writeLong(key.lifetimeOrders());
            out.writeLong(key.lifetimeCents());
            out.writeLong(key.halfDayGap());
        }
    }

    private static CountKey readKey(DataInputStream in) throws IOException {
        return !in.readBoolean() ? null
                : new CountKey(in.readBoolean(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                        in.readLong());
    }

    @Override
    public void processElement(StreamRecord<FactsDelta> element) {
        waiting.computeIfAbsent(element.getTimestamp(), t -> new ArrayList<>()).add(element.getValue());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        while (!done) {
            if (nextDay == Integer.MIN_VALUE) {
                if (waiting.isEmpty()) {
                    break;
                }
                // the first refresh is at the first day with facts, decided only once the watermark
                // has passed that day: until then a window task may still send facts of an earlier day
                int first = (int) Math.min(Math.floorDiv(waiting.firstKey() + DAY_MS - 1, DAY_MS), lastDay);
                if ((long) first * DAY_MS > mark.getTimestamp()) {
                    break;
                }
                nextDay = first;
            }
            if ((long) nextDay * DAY_MS > mark.getTimestamp()) {
                break;
            }
            refresh(nextDay);
        }
        super.processWatermark(mark);
    }

    private void refresh(int day) {
        long at = (long) day * DAY_MS;
        var due = waiting.headMap(at, true);
        for (List<FactsDelta> deltas : due.values()) {
            for (FactsDelta d : deltas) {
                if (d.removed() != null) {
                    counts.count(d.removed(), -1);
                }
                if (d.added() != null) {
                    counts.count(d.added(), 1);
                }
            }
        }
        due.clear();
        LocalDate asOf = LocalDate.ofEpochDay(day);
        boolean last = day >= lastDay;
        boolean keep = pipeline.snapshotEvery().keeps(previousRefresh, asOf, last);
        RefreshScales scales = counts.scales(asOf);
        List<ScoreBoundary> boundaries = counts.boundaryRows(asOf, scales);
        for (ScoreBoundary row : boundaries) {
            output.collect(BOUNDARIES, new StreamRecord<>(row, at));
        }
        if (keep) {
            // the rules in days, orders and money at this refresh, for segment_summary beside its snapshot
            for (WarehouseRow row : CriteriaText.atRefresh(asOf, config, boundaries)) {
                output.collect(BOUNDARIES, new StreamRecord<>(row, at));
            }
        }
        output.collect(BOUNDARIES, new StreamRecord<>(counts.purchaseCycle(asOf, scales, pipeline.lifecycle()), at));
        boolean live = lastDay == Integer.MAX_VALUE && caughtUp(day);
        boolean current = lastDay == Integer.MAX_VALUE ? keep || live : last;
        output.collect(new StreamRecord<>(new RefreshPlan(day, scales, keep, last, current, live, counts.customers()),
                at));
        previousRefresh = asOf;
        done = last;
        nextDay = last ? Integer.MAX_VALUE : (int) Math.min((long) day + pipeline.cadenceDays(), lastDay);
    }

    /**
     * Whether a continuous job's refresh of {@code day} is live: no more than {@link #LIVE_DAYS}
     * before today by the clock. A live refresh writes every customer's current row; one before
     * (the job catching up through a topic's history) writes transitions and the kept snapshots
     * only, as a backfill does, and customer_segment at the kept refreshes.
     */
    private boolean caughtUp(int day) {
        return day >= clock.getAsLong() / DAY_MS - LIVE_DAYS;
    }

    /** For tests: deltas not yet applied, by time. */
    Map<Long, List<FactsDelta>> waiting() {
        return waiting;
    }
}
