package org.retentionsegments.flink;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.refresh.PopulationCounts;
import org.retentionsegments.core.refresh.RefreshScales;

/**
 * The one place that sees the whole population, and only as counts: adds up the
 * {@link FactsDelta}s of all window tasks and, when the watermark passes a refresh day, finds the
 * day's boundaries exactly as a single task would, emits its 15 {@code score_boundary} rows (side
 * output {@link #BOUNDARIES}) and a {@link RefreshPlan} for the scoring tasks. Runs at
 * parallelism 1; its work is O(changes), never O(customers).
 *
 * <p>The chain of refreshes starts at the first day with facts and follows the cadence; in a
 * bounded run the last refresh is at {@code lastDay} (the run's as_of).
 */
public final class BoundaryMerge extends AbstractStreamOperator<RefreshPlan>
        implements OneInputStreamOperator<FactsDelta, RefreshPlan> {

    public static final OutputTag<WarehouseRow> BOUNDARIES = new OutputTag<>("score-boundaries") {};

    private static final long DAY_MS = CustomerWindowFunction.DAY_MS;

    private final ConfigTexts configTexts;
    private final int lastDay;

    private transient PipelineConfig pipeline;
    private transient PopulationCounts counts;
    private transient TreeMap<Long, List<FactsDelta>> waiting;
    private transient LocalDate previousRefresh;
    private transient int nextDay;
    private transient boolean done;

    /** @param lastDay the as_of epoch day of a bounded run, {@link Integer#MAX_VALUE} when unbounded */
    public BoundaryMerge(ConfigTexts configTexts, int lastDay) {
        this.configTexts = configTexts;
        this.lastDay = lastDay;
    }

    @Override
    public void open() throws Exception {
        super.open();
        pipeline = configTexts.parse().pipeline();
        counts = new PopulationCounts(pipeline);
        waiting = new TreeMap<>();
        nextDay = Integer.MIN_VALUE;
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
                // the first refresh is at the first day with facts (all earlier facts are in: the watermark says so)
                nextDay = (int) Math.min(Math.floorDiv(waiting.firstKey() + DAY_MS - 1, DAY_MS), lastDay);
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
        for (ScoreBoundary row : counts.boundaryRows(asOf, scales)) {
            output.collect(BOUNDARIES, new StreamRecord<>(row, at));
        }
        output.collect(new StreamRecord<>(new RefreshPlan(day, scales, keep, last,
                lastDay != Integer.MAX_VALUE && !last, counts.customers()), at));
        previousRefresh = asOf;
        done = last;
        nextDay = last ? Integer.MAX_VALUE : (int) Math.min((long) day + pipeline.cadenceDays(), lastDay);
    }

    /** For tests: deltas not yet applied, by time. */
    Map<Long, List<FactsDelta>> waiting() {
        return waiting;
    }
}
