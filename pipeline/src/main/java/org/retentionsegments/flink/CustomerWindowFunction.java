package org.retentionsegments.flink;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.core.window.CustomerHistory;
import org.retentionsegments.core.window.CustomerWindow;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.core.window.WindowBucket;
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

    private final int windowDays;
    private final double halfLifeDays;
    private final int forgetAfterDays;
    private final int lastDay;

    private transient CustomerWindow window;
    private transient ValueState<WindowSlot> slot;
    private transient ValueState<TreeMap<Integer, DayActivity>> arriving;

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
        this.windowDays = windowDays;
        this.forgetAfterDays = forgetAfterDays;
        this.lastDay = lastDay;
        this.halfLifeDays = halfLifeDays;
    }

    @Override
    public void open(OpenContext context) {
        window = new CustomerWindow(windowDays, halfLifeDays);
        slot = getRuntimeContext().getState(new ValueStateDescriptor<>("window", StateSerializers.Window.INSTANCE));
        arriving = getRuntimeContext().getState(
                new ValueStateDescriptor<>("arriving", StateSerializers.Arriving.INSTANCE));
    }

    @Override
    public void processElement(DayActivity day, Context ctx, Collector<RefreshInput> out) throws Exception {
        int enter = CustomerWindow.enterDay(day.day);
        if (enter > lastDay) {
            return;
        }
        // a small state of its own, not the window's slot: a day may come in parts (the continuous
        // job sends a customer's orders per channel, spend per category, events per type and
        // sign-up apart), and each would otherwise read and write the whole window
        TreeMap<Integer, DayActivity> days = arriving.value();
        if (days == null) {
            days = new TreeMap<>();
        }
        // one timer for the earliest day arriving (a later one is set when it becomes the earliest);
        // the slot's timer may be the same one or another: the slot need not be read here
        boolean earliest = days.isEmpty() || day.day < days.firstKey();
        if (add(days, day) && earliest) {
            ctx.timerService().registerEventTimeTimer(enter * DAY_MS);
        }
        arriving.update(days);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RefreshInput> out) throws Exception {
        int today = (int) (timestamp / DAY_MS);
        WindowSlot w = slot.value();
        boolean entering = false;
        boolean waiting = false;
        TreeMap<Integer, DayActivity> days = arriving.value();
        if (days != null) {
            while (!days.isEmpty() && CustomerWindow.enterDay(days.firstKey()) <= today) {
                if (w == null) {
                    w = new WindowSlot();
                }
                add(w.pending(), days.pollFirstEntry().getValue());
                entering = true;
            }
            waiting = !days.isEmpty();
            if (entering && waiting) {
                arriving.update(days);
                ctx.timerService().registerEventTimeTimer(CustomerWindow.enterDay(days.firstKey()) * DAY_MS);
            } else if (entering) {
                arriving.clear();
            }
        }
        if (w == null) {
            return;
        }
        boolean due = takeDue(w, today);
        if (!due && !entering) {
            return;
        }
        fire(w, today, waiting, ctx, out);
        if (w.dueDays != null) {
            ctx.timerService().registerEventTimeTimer(w.dueDays[0] * DAY_MS);
        }
        if (w.isEmpty()) {
            slot.clear();
        } else {
            slot.update(w);
        }
    }

    /** Adds {@code day} to the customer's days by day, summed with a part of it there; true when it is new there. */
    private static boolean add(TreeMap<Integer, DayActivity> days, DayActivity day) {
        DayActivity known = days.get(day.day);
        if (known != null) {
            known.merge(day);
            return false;
        }
        days.put(day.day, day);
        return true;
    }

    /**
     * The day's work, as a timer of the day would do it: every day a customer needs one is kept
     * in one sorted list ({@link #due}), and one timer waits for the earliest, so that the state
     * holds one timer per customer instead of one per day that enters or leaves a window.
     */
    private void fire(WindowSlot w, int today, boolean waiting, OnTimerContext ctx, Collector<RefreshInput> out) {
        CustomerHistory h = w.history;
        if (h == null) {
            h = new CustomerHistory();
        }
        enterPendingDays(w, today, h, ctx);
        w.releasePending();
        w.removeBuckets(b -> window.goneDay(b.day, b) <= today);
        if (h.lastActivityDay != CustomerFacts.NEVER && today >= h.lastActivityDay + forgetAfterDays
                && !w.hasPending() && !waiting) {
            // the days still due stay, as timers would: each fires and finds nothing to forget
            w.history = null;
            w.buckets = WindowSlot.NO_BUCKETS;
            w.forgetDay = WindowSlot.NO_DAY;
            out.collect(RefreshInput.forget(ctx.getCurrentKey()));
            ctx.output(DELTAS, new FactsDelta(w.counted, null));
            w.counted = null;
            return;
        }
        scheduleForget(w, h);
        // facts() raises the history's peak window value: the history is stored after it
        CustomerFacts facts = window.facts(ctx.getCurrentKey(), today, h, w.buckets);
        w.history = h;
        out.collect(RefreshInput.facts(facts));
        CountKey key = CountKey.of(facts);
        ctx.output(DELTAS, new FactsDelta(w.counted, key));
        w.counted = key;
    }

    private void enterPendingDays(WindowSlot w, int today, CustomerHistory h, OnTimerContext ctx) {
        while (w.hasPending() && CustomerWindow.enterDay(w.pending().firstKey()) <= today) {
            Map.Entry<Integer, DayActivity> entering = w.pending().pollFirstEntry();
            int day = entering.getKey();
            DayActivity activity = entering.getValue();
            if (activity.hasOrders() || activity.hasEngagement()) {
                ctx.output(ACTIVITY, RefreshGraph.activityDay(activity));
            }
            h.fold(activity);
            WindowBucket bucket = WindowBucket.of(activity);
            if (window.goneDay(day, bucket) > today) {
                w.putBucket(bucket);
                for (int leave : window.leaveDays(day, bucket)) {
                    if (leave <= lastDay) {
                        due(w, leave);
                    }
                }
            }
        }
    }

    /**
     * Asks for the customer's work on {@code day}, once however often asked (as a timer of the
     * same time is one timer): the day joins the sorted list. Only the timer's work asks, and it
     * sets one timer for the earliest day of the list when it is done; a timer set for a later day
     * stays and fires for that day.
     */
    private static void due(WindowSlot w, int day) {
        int[] days = w.dueDays;
        if (days == null) {
            w.dueDays = new int[] {day};
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
        w.dueDays = next;
    }

    /** Takes {@code today} off the list; false when it was not on it (a timer of an earlier list). */
    private static boolean takeDue(WindowSlot w, int today) {
        int[] days = w.dueDays;
        if (days == null || days[0] != today) {
            return false;
        }
        w.dueDays = days.length == 1 ? null : Arrays.copyOfRange(days, 1, days.length);
        return true;
    }

    private void scheduleForget(WindowSlot w, CustomerHistory h) {
        if (h.lastActivityDay == CustomerFacts.NEVER) {
            return;
        }
        int due = h.lastActivityDay + forgetAfterDays;
        if (w.forgetDay == due) {
            return;
        }
        // An earlier forget day is left to fire (as a timer was before): when it does, it only
        // re-emits unchanged facts.
        if (due <= lastDay) {
            due(w, due);
            w.forgetDay = due;
        } else {
            w.forgetDay = WindowSlot.NO_DAY;
        }
    }
}
