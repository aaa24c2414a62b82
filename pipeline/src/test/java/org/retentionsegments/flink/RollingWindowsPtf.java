package org.retentionsegments.flink;

import java.util.TreeMap;
import org.apache.flink.table.annotation.ArgumentHint;
import org.apache.flink.table.annotation.ArgumentTrait;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.StateHint;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ProcessTableFunction;
import org.apache.flink.types.Row;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.flink.state.EdgeTypes;
import org.retentionsegments.flink.state.StateSerializers;
import org.retentionsegments.flink.state.WarehouseRows;

/**
 * The rolling windows as a process table function of Flink SQL, tried as issue 8 asked: the same
 * {@link WindowSteps} as the job's {@link CustomerWindowFunction}, on the PTF's state and
 * event-time timers, called from {@code sql/flink/ptf/rolling_windows.sql} (test resources) over
 * the customer day parts, partitioned by customer. A PTF has one output, so each row carries one
 * of the operator's three outputs (facts for the refresh, a delta for the boundary merge, an
 * activity_daily row). {@link RollingWindowsPtfITCase} shows where it holds up and where it does
 * not in Flink 2.2 (a timer at or behind the watermark never fires), which is why the job keeps
 * the DataStream operator.
 */
public class RollingWindowsPtf extends ProcessTableFunction<RollingWindowsPtf.Out> {

    private static final long serialVersionUID = 1L;

    /** One output of the steps: exactly one field is set. */
    public static class Out {
        @DataTypeHint(value = "RAW", bridgedTo = RefreshInput.class, rawSerializer = EdgeTypes.RefreshInputs.class)
        public RefreshInput facts;
        @DataTypeHint(value = "RAW", bridgedTo = FactsDelta.class, rawSerializer = EdgeTypes.FactsDeltas.class)
        public FactsDelta delta;
        @DataTypeHint(value = "RAW", bridgedTo = WarehouseRow.class, rawSerializer = WarehouseRows.Serializer.class)
        public WarehouseRow activity;

        public Out() {}
    }

    /** The window's slot (state {@code window}). */
    public static class Slot {
        @DataTypeHint(value = "RAW", bridgedTo = WindowSlot.class, rawSerializer = StateSerializers.Window.class)
        public WindowSlot value;

        public Slot() {}
    }

    /** The days arriving, with the customer's id, which a timer's call has no other way to know (state {@code arriving}). */
    public static class Days {
        public String customerId;
        @DataTypeHint(value = "RAW", bridgedTo = TreeMap.class, rawSerializer = StateSerializers.Arriving.class)
        public TreeMap<Integer, DayActivity> value;

        public Days() {}
    }

    private final WindowSteps steps;
    private transient PtfEffects effects;

    public RollingWindowsPtf(int windowDays, int forgetAfterDays, int lastDay, double halfLifeDays) {
        this.steps = new WindowSteps(windowDays, forgetAfterDays, lastDay, halfLifeDays);
    }

    @Override
    public void open(FunctionContext context) {
        steps.open();
        effects = new PtfEffects();
    }

    public void eval(Context ctx, @StateHint(name = "arriving") Days arriving, @StateHint(name = "window") Slot window,
            @ArgumentHint(name = "part", value = {ArgumentTrait.SET_SEMANTIC_TABLE, ArgumentTrait.REQUIRE_ON_TIME})
            Row part) {
        DayActivity day = StreamStage.dayPart(part);
        if (!steps.wanted(day)) {
            return;
        }
        if (arriving.value == null) {
            arriving.value = new TreeMap<>();
            arriving.customerId = day.customerId;
        }
        steps.arrive(arriving.value, day, effects.on(ctx));
    }

    public void onTimer(OnTimerContext ctx, Days arriving, Slot window) {
        long ms = ctx.timeContext(Long.class).time();
        String customerId = arriving.customerId;
        WindowSteps.Outcome o = steps.timer(customerId, (int) (ms / CustomerWindowFunction.DAY_MS), window.value,
                arriving.value, effects.on(ctx));
        if (o.arriving() == WindowSteps.Arriving.CLEARED) {
            // the id stays while the window has days: the next timer's call needs it
            arriving.value = null;
        }
        if (!o.slotUnchanged()) {
            window.value = o.slot();
        }
        if (arriving.value == null && window.value == null) {
            ctx.clearAllState();
        }
    }

    /** The steps' effects on the PTF's timers and its one output. */
    private final class PtfEffects implements WindowSteps.Effects {
        private Context ctx;

        PtfEffects on(Context context) {
            this.ctx = context;
            return this;
        }

        @Override
        public void timer(int day) {
            ctx.timeContext(Long.class).registerOnTime(day * CustomerWindowFunction.DAY_MS);
        }

        @Override
        public void facts(RefreshInput input) {
            Out out = new Out();
            out.facts = input;
            collect(out);
        }

        @Override
        public void delta(FactsDelta delta) {
            Out out = new Out();
            out.delta = delta;
            collect(out);
        }

        @Override
        public void activity(WarehouseRow row) {
            Out out = new Out();
            out.activity = row;
            collect(out);
        }
    }
}
