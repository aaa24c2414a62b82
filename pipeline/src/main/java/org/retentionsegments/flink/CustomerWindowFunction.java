package org.retentionsegments.flink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.api.common.typeutils.base.array.IntPrimitiveArraySerializer;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.core.window.CustomerHistory;
import org.retentionsegments.core.window.CustomerWindow;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.core.window.WindowBucket;
import org.retentionsegments.flink.state.StateSerializers;

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
    private transient ValueState<int[]> dueDays;

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
        history = getRuntimeContext().getState(new ValueStateDescriptor<>("history", StateSerializers.History.INSTANCE));
        pending = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-days", IntSerializer.INSTANCE, StateSerializers.Day.INSTANCE));
        buckets = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("window-buckets", IntSerializer.INSTANCE, StateSerializers.Bucket.INSTANCE));
        forgetDay = getRuntimeContext().getState(new ValueStateDescriptor<>("forget-day", Integer.class));
        counted = getRuntimeContext().getState(new ValueStateDescriptor<>("counted", StateSerializers.Counted.INSTANCE));
        dueDays = getRuntimeContext().getState(new ValueStateDescriptor<>("due-days", IntPrimitiveArraySerializer.INSTANCE));
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
        due(enter, ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RefreshInput> out) throws Exception {
        int today = (int) (timestamp / DAY_MS);
        if (!takeDue(today)) {
            return;
        }
        try {
            fire(today, ctx, out);
        } finally {
            int[] days = dueDays.value();
            if (days != null) {
                ctx.timerService().registerEventTimeTimer(days[0] * DAY_MS);
            }
        }
    }

    /**
     * The day's work, as a timer of the day would do it: every day a customer needs one is kept
     * in one sorted list ({@link #due}), and one timer waits for the earliest, so that RocksDB
     * holds one timer per customer instead of one per day that enters or leaves a window.
     */
    private void fire(int today, OnTimerContext ctx, Collector<RefreshInput> out) throws Exception {
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
                        due(leave, ctx);
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

    /**
     * Asks for the customer's work on {@code day}, once however often asked (as a timer of the
     * same time is one timer): the day joins the sorted list, and a timer is set when it is the
     * earliest. A timer set for a later day stays and fires for that day.
     */
    private void due(int day, Context ctx) throws Exception {
        int[] days = dueDays.value();
        if (days == null) {
            dueDays.update(new int[] {day});
            ctx.timerService().registerEventTimeTimer(day * DAY_MS);
            return;
        }
        int at = Arrays.binarySearch(days, day);
        if (at >= 0) {
            return;
        }
        int insert = -at - 1;
        int[] next = new int[days.length + 1];
        System.arraycopy(days, 0, next, 0, insert);
        next[insert] = day;
        System.arraycopy(days, insert, next, insert + 1, days.length - insert);
        dueDays.update(next);
        if (insert == 0) {
            ctx.timerService().registerEventTimeTimer(day * DAY_MS);
        }
    }

    /** Takes {@code today} off the list; false when it was not on it (a timer of an earlier list). */
    private boolean takeDue(int today) throws Exception {
        int[] days = dueDays.value();
        if (days == null || days[0] != today) {
            return false;
        }
        if (days.length == 1) {
            dueDays.clear();
        } else {
            dueDays.update(Arrays.copyOfRange(days, 1, days.length));
        }
        return true;
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
            due(due, ctx);
            forgetDay.update(due);
        } else {
            forgetDay.clear();
        }
    }
}
