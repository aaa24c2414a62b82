package org.retentionsegments.flink;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.refresh.Population;

/**
 * The refresh: one operator (a single key) that holds every customer's latest facts in a
 * {@link Population} and, on each refresh day of the cadence, calibrates the score boundaries
 * against the whole population, scores, segments and assigns strategies and arms, and emits the
 * warehouse rows. Treatments read from the input are stamped with the customer's segment as of
 * the last refresh before them.
 *
 * <p>Inputs carry their event time; those newer than the refresh being made wait in a buffer, so
 * the refresh on day T sees exactly the facts as of T. In a bounded run the last refresh is at
 * {@code lastDay} (the run's as_of) and is always kept as a snapshot.
 *
 * <p>The population lives on the heap of this one task, not in Flink state: bounded runs rebuild
 * it from their input. Checkpointing it for continuous jobs is future work.
 */
public class RefreshFunction extends KeyedProcessFunction<Integer, RefreshInput, WarehouseRow> {

    private static final long DAY_MS = CustomerWindowFunction.DAY_MS;
    private static final org.slf4j.Logger PROGRESS = org.slf4j.LoggerFactory.getLogger("retention-segments.progress");

    private final ConfigTexts configTexts;
    private final int lastDay;

    private transient Population population;
    private transient PipelineConfig pipeline;
    private transient TreeMap<Long, List<RefreshInput>> waiting;
    private transient LocalDate previousRefresh;
    private transient Long firstDay;
    private transient boolean endTimerSet;

    /** @param lastDay the as_of epoch day of a bounded run, {@link Integer#MAX_VALUE} when unbounded */
    public RefreshFunction(ConfigTexts configTexts, int lastDay) {
        this.configTexts = configTexts;
        this.lastDay = lastDay;
    }

    @Override
    public void open(OpenContext context) {
        ConfigBundle config = configTexts.parse();
        population = new Population(config);
        pipeline = config.pipeline();
        waiting = new TreeMap<>();
    }

    @Override
    public void processElement(RefreshInput input, Context ctx, Collector<WarehouseRow> out) {
        long ts = ctx.timestamp();
        waiting.computeIfAbsent(ts, t -> new ArrayList<>()).add(input);
        // The chain of refreshes starts at the first facts; treatments, read from a source of
        // their own, may run far ahead of the facts and must not move the start.
        // Facts come from several window subtasks, so the earliest is not always the first to
        // arrive: until the first refresh has run, an earlier one moves the start back.
        if (previousRefresh == null && input.facts() != null) {
            long day = Math.min(Math.floorDiv(ts + DAY_MS - 1, DAY_MS), lastDay);
            if (firstDay == null || day < firstDay) {
                if (firstDay != null) {
                    ctx.timerService().deleteEventTimeTimer(firstDay * DAY_MS);
                }
                firstDay = day;
                ctx.timerService().registerEventTimeTimer(day * DAY_MS);
            }
        }
        if (lastDay != Integer.MAX_VALUE && !endTimerSet) {
            // at the end of a bounded run, treatments after the last refresh are stamped too
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            endTimerSet = true;
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WarehouseRow> out) {
        if (timestamp == Long.MAX_VALUE) {
            stampTreatments(Long.MAX_VALUE, out);
            return;
        }
        int day = (int) (timestamp / DAY_MS);
        stampTreatments(timestamp, out);
        applyFacts(timestamp);
        LocalDate asOf = LocalDate.ofEpochDay(day);
        boolean last = day >= lastDay;
        boolean keep = pipeline.snapshotEvery().keeps(previousRefresh, asOf, last);
        // A backfill writes customer_segment once, at its last refresh; snapshots keep the rest.
        boolean historyOnly = lastDay != Integer.MAX_VALUE && !last;
        var summary = population.refresh(asOf, keep, row -> out.collect(
                historyOnly && row instanceof SegmentAssignment a ? a.historyOnly() : row));
        if (keep) {
            PROGRESS.info(String.format("      refreshed as of %s: %,d customers, %,d changed segment%s",
                    asOf, summary.customers(), summary.transitions(), last ? " (final)" : ""));
        }
        previousRefresh = asOf;
        if (!last) {
            long next = Math.min((long) day + pipeline.cadenceDays(), lastDay);
            ctx.timerService().registerEventTimeTimer(next * DAY_MS);
        }
    }

    /** Emits the treatments before {@code before} with the segments as of the last refresh. */
    private void stampTreatments(long before, Collector<WarehouseRow> out) {
        for (Map.Entry<Long, List<RefreshInput>> entry : waiting.headMap(before, false).entrySet()) {
            List<RefreshInput> rest = new ArrayList<>();
            for (RefreshInput input : entry.getValue()) {
                Treatment t = input.treatment();
                if (t == null) {
                    rest.add(input);
                } else {
                    out.collect(new Treatment(t.programId(), t.customerId(), t.treatedTs(), t.arm(),
                            population.currentSegment(t.customerId()), t.channel(), t.cost(), t.source()));
                }
            }
            entry.setValue(rest);
        }
        waiting.values().removeIf(List::isEmpty);
    }

    /** Applies the facts and forgets up to and including {@code upTo}. */
    private void applyFacts(long upTo) {
        var due = waiting.headMap(upTo, true);
        for (List<RefreshInput> inputs : due.values()) {
            for (RefreshInput input : inputs) {
                if (input.facts() != null) {
                    population.upsert(input.facts());
                } else if (input.forgottenCustomerId() != null) {
                    population.remove(input.forgottenCustomerId());
                }
            }
        }
        due.values().removeIf(inputs -> inputs.stream().allMatch(i -> i.treatment() == null));
        due.replaceAll((ts, inputs) -> inputs.stream().filter(i -> i.treatment() != null).toList());
    }
}
