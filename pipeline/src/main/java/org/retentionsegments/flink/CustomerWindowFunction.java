package org.retentionsegments.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.core.window.CustomerHistory;
import org.retentionsegments.core.window.CustomerWindow;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.core.window.WindowBucket;

/**
 * Keyed by customer: keeps the per-day buckets of the rolling windows and the lifetime facts, and
 * emits the customer's {@link CustomerFacts} on every day they change — when a day's activity
 * enters the window, or when a bucket ages out. Event-time timers, not new events, drive expiry,
 * so an order leaves the window on the day it ages out even if the customer does nothing. A
 * customer inactive for {@code forgetAfterDays} is forgotten: state cleared, a forget emitted.
 *
 * <p>Days whose timers fall after {@code lastDay} (the as_of of a bounded run) are ignored.
 */
public class CustomerWindowFunction extends KeyedProcessFunction<String, DayActivity, RefreshInput> {

    public static final long DAY_MS = 86_400_000L;

    private final int windowDays;
    private final double halfLifeDays;
    private final int forgetAfterDays;
    private final int lastDay;

    private transient CustomerWindow window;
    private transient ValueState<CustomerHistory> history;
    private transient MapState<Integer, DayActivity> pending;
    private transient MapState<Integer, WindowBucket> buckets;
    private transient ValueState<Integer> forgetDay;
    private transient ValueState<CountKey> counted;

    /** How each emission changes the population distributions, for the boundary merge. */
    public static final OutputTag<FactsDelta> DELTAS = new OutputTag<>("facts-deltas") {};

    /**
     * @param lastDay the last refresh day of a bounded run, {@link Integer#MAX_VALUE} when unbounded
     */
    public CustomerWindowFunction(int windowDays, int forgetAfterDays, int lastDay) {
        this(windowDays, forgetAfterDays, lastDay, CustomerWindow.DEFAULT_HALF_LIFE_DAYS);
    }

    /** @param halfLifeDays the half-life of the decayed engagement counts (lead_scoring.yaml) */
    public CustomerWindowFunction(int windowDays, int forgetAfterDays, int lastDay, double halfLifeDays) {
        this.windowDays = windowDays;
        this.forgetAfterDays = forgetAfterDays;
        this.lastDay = lastDay;
        this.halfLifeDays = halfLifeDays;
    }

    @Override
    public void open(OpenContext context) {
        window = new CustomerWindow(windowDays, halfLifeDays);
        history = getRuntimeContext().getState(new ValueStateDescriptor<>("history", CustomerHistory.class));
        pending = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-days", Integer.class, DayActivity.class));
        buckets = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("window-buckets", Integer.class, WindowBucket.class));
        forgetDay = getRuntimeContext().getState(new ValueStateDescriptor<>("forget-day", Integer.class));
        counted = getRuntimeContext().getState(new ValueStateDescriptor<>("counted", CountKey.class));
    }

    @Override
    public void processElement(DayActivity day, Context ctx, Collector<RefreshInput> out) throws Exception {
        int enter = CustomerWindow.enterDay(day.day);
        if (enter > lastDay) {
            return;
        }
        DayActivity known = pending.get(day.day);
        if (known != null) {
            known.merge(day);
            pending.put(day.day, known);
        } else {
            pending.put(day.day, day);
        }
        ctx.timerService().registerEventTimeTimer(enter * DAY_MS);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RefreshInput> out) throws Exception {
        int today = (int) (timestamp / DAY_MS);
        CustomerHistory h = history.value();
        if (h == null) {
            h = new CustomerHistory();
        }
        enterPendingDays(today, h, ctx);
        expireBuckets(today);
        if (h.lastActivityDay != CustomerFacts.NEVER && today >= h.lastActivityDay + forgetAfterDays
                && pending.isEmpty()) {
            history.clear();
            pending.clear();
            buckets.clear();
            forgetDay.clear();
            out.collect(RefreshInput.forget(ctx.getCurrentKey()));
            ctx.output(DELTAS, new FactsDelta(counted.value(), null));
            counted.clear();
            return;
        }
        scheduleForget(h, ctx);
        // facts() raises the history's peak window value: the history is stored after it
        CustomerFacts facts = window.facts(ctx.getCurrentKey(), today, h, buckets.entries());
        history.update(h);
        out.collect(RefreshInput.facts(facts));
        CountKey key = CountKey.of(facts);
        ctx.output(DELTAS, new FactsDelta(counted.value(), key));
        counted.update(key);
    }

    private void enterPendingDays(int today, CustomerHistory h, OnTimerContext ctx) throws Exception {
        List<Integer> entering = new ArrayList<>();
        for (Integer day : pending.keys()) {
            if (CustomerWindow.enterDay(day) <= today) {
                entering.add(day);
            }
        }
        entering.sort(null);
        for (int day : entering) {
            DayActivity activity = pending.get(day);
            pending.remove(day);
            h.fold(activity);
            WindowBucket bucket = WindowBucket.of(activity);
            if (window.goneDay(day, bucket) > today) {
                buckets.put(day, bucket);
                for (int leave : window.leaveDays(day, bucket)) {
                    if (leave <= lastDay) {
                        ctx.timerService().registerEventTimeTimer(leave * DAY_MS);
                    }
                }
            }
        }
    }

    private void expireBuckets(int today) throws Exception {
        List<Integer> gone = new ArrayList<>();
        for (Map.Entry<Integer, WindowBucket> entry : buckets.entries()) {
            if (window.goneDay(entry.getKey(), entry.getValue()) <= today) {
                gone.add(entry.getKey());
            }
        }
        for (int day : gone) {
            buckets.remove(day);
        }
    }

    private void scheduleForget(CustomerHistory h, OnTimerContext ctx) throws Exception {
        if (h.lastActivityDay == CustomerFacts.NEVER) {
            return;
        }
        int due = h.lastActivityDay + forgetAfterDays;
        Integer scheduled = forgetDay.value();
        if (scheduled != null && scheduled == due) {
            return;
        }
        // An earlier forget timer is left to fire: deleting it could delete another timer of
        // the same day, and when it fires it only re-emits unchanged facts.
        if (due <= lastDay) {
            ctx.timerService().registerEventTimeTimer(due * DAY_MS);
            forgetDay.update(due);
        } else {
            forgetDay.clear();
        }
    }
}
