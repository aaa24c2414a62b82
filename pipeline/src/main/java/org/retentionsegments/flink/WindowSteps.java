package org.retentionsegments.flink;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.core.window.CustomerHistory;
import org.retentionsegments.core.window.CustomerWindow;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.core.window.WindowBucket;

/**
 * The work of a customer's rolling windows, apart from where its state and timers live: the
 * keyed DataStream operator ({@link CustomerWindowFunction}) and the process table function tried
 * beside it ({@link RollingWindowsPtf}) run the same steps, each on its own state and timers,
 * through {@link Effects}. See {@link CustomerWindowFunction} for what the steps do.
 */
final class WindowSteps implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a step asks of its host. */
    interface Effects {
        /** A timer for the start ({@code day * DAY_MS}) of {@code day}. */
        void timer(int day);

        void facts(RefreshInput input);

        void delta(FactsDelta delta);

        void activity(WarehouseRow row);
    }

    /** What became of the days arriving in a timer's step. */
    enum Arriving { UNCHANGED, UPDATED, CLEARED }

    private final int windowDays;
    private final double halfLifeDays;
    private final int forgetAfterDays;
    private final int lastDay;
    private transient CustomerWindow window;

    WindowSteps(int windowDays, int forgetAfterDays, int lastDay, double halfLifeDays) {
        this.windowDays = windowDays;
        this.forgetAfterDays = forgetAfterDays;
        this.lastDay = lastDay;
        this.halfLifeDays = halfLifeDays;
    }

    void open() {
        window = new CustomerWindow(windowDays, halfLifeDays);
    }

    /** Whether the day is one the run refreshes with (its entering day not after the last). */
    boolean wanted(DayActivity day) {
        return CustomerWindow.enterDay(day.day) <= lastDay;
    }

    /**
     * A part of a customer's day arrives: summed into {@code days} (to be stored), with a timer
     * when it is a new earliest day.
     */
    void arrive(TreeMap<Integer, DayActivity> days, DayActivity day, Effects effects) {
        // one timer for the earliest day arriving (a later one is set when it becomes the earliest);
        // the slot's timer may be the same one or another: the slot need not be read here
        boolean earliest = days.isEmpty() || day.day < days.firstKey();
        if (add(days, day) && earliest) {
            effects.timer(CustomerWindow.enterDay(day.day));
        }
    }

    /** A timer's outcome: the days arriving, and the slot to store (null: clear it; {@code unchanged}: leave it). */
    record Outcome(Arriving arriving, WindowSlot slot, boolean slotUnchanged) {}

    /**
     * The timer of {@code today}: the days arriving that enter the window move into the slot
     * ({@code days} is changed in place; null when none arrive), and the day's work is done.
     */
    Outcome timer(String customerId, int today, WindowSlot w, TreeMap<Integer, DayActivity> days, Effects effects) {
        boolean entering = false;
        boolean waiting = false;
        Arriving arriving = Arriving.UNCHANGED;
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
                arriving = Arriving.UPDATED;
                effects.timer(CustomerWindow.enterDay(days.firstKey()));
            } else if (entering) {
                arriving = Arriving.CLEARED;
            }
        }
        if (w == null) {
            return new Outcome(arriving, null, true);
        }
        boolean due = takeDue(w, today);
        if (!due && !entering) {
            return new Outcome(arriving, w, true);
        }
        fire(customerId, w, today, waiting, effects);
        if (w.dueDays != null) {
            effects.timer(w.dueDays[0]);
        }
        return new Outcome(arriving, w.isEmpty() ? null : w, false);
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
    private void fire(String customerId, WindowSlot w, int today, boolean waiting, Effects effects) {
        CustomerHistory h = w.history;
        if (h == null) {
            h = new CustomerHistory();
        }
        enterPendingDays(w, today, h, effects);
        w.releasePending();
        w.removeBuckets(b -> window.goneDay(b.day, b) <= today);
        if (h.lastActivityDay != CustomerFacts.NEVER && today >= h.lastActivityDay + forgetAfterDays
                && !w.hasPending() && !waiting) {
            // the days still due stay, as timers would: each fires and finds nothing to forget
            w.history = null;
            w.buckets = WindowSlot.NO_BUCKETS;
            w.forgetDay = WindowSlot.NO_DAY;
            effects.facts(RefreshInput.forget(customerId));
            effects.delta(new FactsDelta(w.counted, null));
            w.counted = null;
            return;
        }
        scheduleForget(w, h);
        // facts() raises the history's peak window value: the history is stored after it
        CustomerFacts facts = window.facts(customerId, today, h, w.buckets);
        w.history = h;
        effects.facts(RefreshInput.facts(facts));
        CountKey key = CountKey.of(facts);
        effects.delta(new FactsDelta(w.counted, key));
        w.counted = key;
    }

    private void enterPendingDays(WindowSlot w, int today, CustomerHistory h, Effects effects) {
        while (w.hasPending() && CustomerWindow.enterDay(w.pending().firstKey()) <= today) {
            Map.Entry<Integer, DayActivity> entering = w.pending().pollFirstEntry();
            int day = entering.getKey();
            DayActivity activity = entering.getValue();
            if (activity.hasOrders() || activity.hasEngagement()) {
                effects.activity(RefreshGraph.activityDay(activity));
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
