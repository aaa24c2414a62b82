package org.retentionsegments.flink;

import java.time.LocalDate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.retentionsegments.core.ActivityDay;
import org.retentionsegments.core.TransitionEvent;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.flink.state.WarehouseRows;

/**
 * The operators every run is made of, from customer days and treatments to the rows the
 * warehouse keeps: the keyed rolling windows, the merge of the population's counts into each
 * refresh's boundaries (the one task that sees the whole population, as counts), and the keyed
 * refresh (scores, segments, strategies, arms, transitions, treatments, snapshots). Sources and
 * sinks are parameters: a bounded run feeds it the batch stage's day-sorted rollups and writes
 * through {@link WarehouseSink}; tests feed it collections and collect what it emits.
 */
public final class RefreshGraph {

    private RefreshGraph() {}

    /**
     * Every run's jobs pass records between chained operators uncopied ({@code pipeline.object-reuse}),
     * unless {@code conf} already says otherwise (a cluster's configuration, {@code --flink}). Without
     * it Flink copies each record with its serializer at every link of a chain, and a topic's record
     * crosses several on its way through the SQL (record to row, the checks, the views read back):
     * a profile of the continuous job on 100,000 customers x 180 days found 35 of its 439 CPU
     * seconds in those copies, a third of the sources' threads. Flink's SQL operators are written
     * for reuse (they copy what they keep), and so are the job's own: every function makes new
     * objects for what it emits and keeps in state only what came over the network or what it
     * made itself.
     */
    static void passRecordsUncopied(Configuration conf) {
        if (!conf.contains(PipelineOptions.OBJECT_REUSE)) {
            conf.set(PipelineOptions.OBJECT_REUSE, true);
        }
    }

    /**
     * Adds the operators to the inputs' environment.
     *
     * @param days the customers' activity per UTC day, a day in one row or in several (summed), with
     *     event-time timestamps in the day and watermarks
     * @param treatments treatment rows read from the input, with timestamps and watermarks (the
     *     treatment time)
     * @param config the configuration texts
     * @param lastRefresh the day of the run's last refresh; null for a continuous job, which
     *     refreshes for as long as time moves
     * @return every row for the warehouse: daily activity, segment assignments, boundaries,
     *     transitions and treatments
     */
    public static DataStream<WarehouseRow> build(DataStream<DayActivity> days, DataStream<RefreshInput> treatments,
            ConfigTexts config, LocalDate lastRefresh) {
        return graph(days, treatments, config, lastRefresh, WallClock.SYSTEM).rows();
    }

    /**
     * What the operators put out: the rows for the warehouse, and the transitions of live
     * refreshes (a continuous job's, caught up with the clock) for the transitions topic.
     */
    public record Outputs(DataStream<WarehouseRow> rows, DataStream<TransitionEvent> transitions) {}

    /** As {@link #build(DataStream, DataStream, ConfigTexts, LocalDate)}, on {@code clock}'s time of day. */
    public static Outputs graph(DataStream<DayActivity> days, DataStream<RefreshInput> treatments,
            ConfigTexts config, LocalDate lastRefresh, WallClock clock) {
        org.retentionsegments.core.config.ConfigBundle bundle = config.parse();
        PipelineConfig pipeline = bundle.pipeline();
        int lastDay = lastRefresh == null ? Integer.MAX_VALUE : (int) lastRefresh.toEpochDay();

        SingleOutputStreamOperator<RefreshInput> facts = days
                .keyBy(d -> d.customerId)
                .process(new CustomerWindowFunction(pipeline.windowDays(), pipeline.forgetAfterDays(), lastDay,
                        bundle.leadScoring().halfLifeDays()))
                .name("rolling windows").uid("rolling-windows");
        DataStream<WarehouseRow> activity = facts.getSideOutput(CustomerWindowFunction.ACTIVITY);

        SingleOutputStreamOperator<RefreshPlan> plans = facts.getSideOutput(CustomerWindowFunction.DELTAS)
                .transform("refresh boundaries (merge of counts)", TypeInformation.of(RefreshPlan.class),
                        new BoundaryMerge(config, lastDay, clock))
                .uid("refresh-boundaries").setParallelism(1);

        SingleOutputStreamOperator<WarehouseRow> refreshed = facts.union(treatments)
                .keyBy(RefreshInput::customerId)
                .connect(plans.broadcast())
                .transform("refresh: scores, segments, strategies", WarehouseRows.TYPE,
                        new RefreshOperator(config))
                .uid("refresh");
        refreshed.getSideOutput(RefreshOperator.TALLIES)
                .process(new ProgressLog(lastDay)).setParallelism(1).name("progress").uid("progress")
                .sinkTo(new DiscardingSink<>()).setParallelism(1).name("progress (log only)");

        return new Outputs(activity.union(refreshed, plans.getSideOutput(BoundaryMerge.BOUNDARIES)),
                refreshed.getSideOutput(RefreshOperator.TRANSITIONS));
    }

    static WarehouseRow activityDay(DayActivity d) {
        return new ActivityDay(d.customerId, LocalDate.ofEpochDay(d.day), d.orders, d.returnOrders,
                d.revenue, d.returnAmount, d.engagementEvents);
    }
}
