package org.retentionsegments.flink;

import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.window.CustomerWindow;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.flink.state.StateSerializers;
import org.retentionsegments.flink.state.WarehouseRows;

/**
 * Keyed by customer: keeps the per-day buckets of the rolling windows and the lifetime facts, and
 * emits the customer's {@link CustomerFacts} on every day they change — when a day's activity
 * enters the window, or when a bucket ages out. Event-time timers, not new events, drive expiry,
 * so an order leaves the window on the day it ages out even if the customer does nothing. A
 * customer inactive for {@code forgetAfterDays} is forgotten: state cleared, a forget emitted.
 * A customer's state is one {@link WindowSlot}, with the days a timer is due in it and one
 * event-time timer set for the earliest of them, and, apart, the days still arriving: a day may
 * come as several rows (the continuous job's parts of a day), summed until the day enters the
 * window, with a timer for that day. As a day enters, its sum is also put out as the customer's
 * {@code activity_daily} row ({@link #ACTIVITY}).
 *
 * <p>Days whose timers fall after {@code lastDay} (the as_of of a bounded run) are ignored.
 */
public class CustomerWindowFunction extends KeyedProcessFunction<String, DayActivity, RefreshInput> {

    public static final long DAY_MS = 86_400_000L;

    private final WindowSteps steps;

    private transient ValueState<WindowSlot> slot;
    private transient ValueState<TreeMap<Integer, DayActivity>> arriving;
    private transient HostEffects effects;

    /** How each emission changes the population distributions, for the boundary merge. */
    public static final OutputTag<FactsDelta> DELTAS = new OutputTag<>("facts-deltas") {};

    /**
     * Each customer day with orders or engagement as it enters the window, its parts summed: the
     * {@code activity_daily} rows.
     */
    public static final OutputTag<WarehouseRow> ACTIVITY = new OutputTag<>("activity-daily", WarehouseRows.TYPE);

    /**
     * @param lastDay the last refresh day of a bounded run, {@link Integer#MAX_VALUE} when unbounded
     */
    public CustomerWindowFunction(int windowDays, int forgetAfterDays, int lastDay) {
        this(windowDays, forgetAfterDays, lastDay, CustomerWindow.DEFAULT_HALF_LIFE_DAYS);
    }

    /** @param halfLifeDays the half-life of the decayed engagement counts (lead_scoring.yaml) */
    public CustomerWindowFunction(int windowDays, int forgetAfterDays, int lastDay, double halfLifeDays) {
        this.steps = new WindowSteps(windowDays, forgetAfterDays, lastDay, halfLifeDays);
    }

    @Override
    public void open(OpenContext context) {
        steps.open();
        effects = new HostEffects();
        slot = getRuntimeContext().getState(new ValueStateDescriptor<>("window", StateSerializers.Window.INSTANCE));
        arriving = getRuntimeContext().getState(
                new ValueStateDescriptor<>("arriving", StateSerializers.Arriving.INSTANCE));
    }

    @Override
    public void processElement(DayActivity day, Context ctx, Collector<RefreshInput> out) throws Exception {
        if (!steps.wanted(day)) {
            return;
        }
        // a small state of its own, not the window's slot: a day may come in parts (the continuous
        // job sends a customer's orders per channel, spend per category, events per type and
        // sign-up apart), and each would otherwise read and write the whole window
        TreeMap<Integer, DayActivity> days = arriving.value();
        if (days == null) {
            days = new TreeMap<>();
        }
        steps.arrive(days, day, effects.on(ctx, out));
        arriving.update(days);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RefreshInput> out) throws Exception {
        TreeMap<Integer, DayActivity> days = arriving.value();
        WindowSteps.Outcome o = steps.timer(ctx.getCurrentKey(), (int) (timestamp / DAY_MS), slot.value(), days,
                effects.on(ctx, out));
        switch (o.arriving()) {
            case UPDATED -> arriving.update(days);
            case CLEARED -> arriving.clear();
            case UNCHANGED -> { }
        }
        if (o.slotUnchanged()) {
            return;
        }
        if (o.slot() == null) {
            slot.clear();
        } else {
            slot.update(o.slot());
        }
    }

    /** The steps' effects on this operator's timers and outputs (one object, pointed at each call's context). */
    private static final class HostEffects implements WindowSteps.Effects {
        private Context ctx;
        private Collector<RefreshInput> out;

        HostEffects on(Context context, Collector<RefreshInput> collector) {
            this.ctx = context;
            this.out = collector;
            return this;
        }

        @Override
        public void timer(int day) {
            ctx.timerService().registerEventTimeTimer(day * DAY_MS);
        }

        @Override
        public void facts(RefreshInput input) {
            out.collect(input);
        }

        @Override
        public void delta(FactsDelta delta) {
            ctx.output(DELTAS, delta);
        }

        @Override
        public void activity(WarehouseRow row) {
            ctx.output(ACTIVITY, row);
        }
    }
}
