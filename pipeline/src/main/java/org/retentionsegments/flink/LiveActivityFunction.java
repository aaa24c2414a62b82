package org.retentionsegments.flink;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;
import org.retentionsegments.core.LiveActivity;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.flink.state.StateSerializers;

/**
 * Today's activity, per customer ({@code activity_live}): the accepted records of the customer's
 * newest day still open ({@code live_records}), counted as they arrive, each copy once, and the
 * day so far put out after every record that changed it. The day's state is cleared when the
 * watermark passes the day's end, when the refresh takes the day's final rollup; a record of an
 * earlier day than the one counted is left to that rollup.
 *
 * <p>State per customer with a record on an open day: one {@link LiveDay}, the day's figures and
 * one entry per record copy key and per order (its total so far, which decides whether it is an
 * order or a return).
 */
final class LiveActivityFunction extends KeyedProcessFunction<String, LiveActivityFunction.Record, WarehouseRow> {

    private static final long serialVersionUID = 1L;

    static final long DAY_MS = 86_400_000L;

    /** One accepted record of {@code live_records}. */
    public static final class Record {
        public String customerId;
        /** null for an engagement event */
        public String orderId;
        public String copyKey;
        public double amount;
        public long eventMs;

        public Record() {}

        static Record of(Row row) {
            Record r = new Record();
            r.customerId = (String) row.getField("customer_id");
            r.orderId = (String) row.getField("order_id");
            r.copyKey = (String) row.getField("copy_key");
            Object amount = row.getField("amount");
            r.amount = amount == null ? 0 : ((Number) amount).doubleValue();
            r.eventMs = ((Instant) row.getField("rowtime")).toEpochMilli();
            return r;
        }
    }

    /**
     * The figures of one customer's open day as builds before {@link LiveDay} kept them (state
     * {@code live-day}, beside the entries in {@code live-seen}): a job restored from such a
     * checkpoint takes a customer's day over at the customer's next record ({@link
     * #fromEarlierBuild}) and clears it at the day's end.
     */
    public static final class Day {
        public int epochDay;
        public int orders;
        public int returnOrders;
        public double revenue;
        public double returns;
        public int engagementEvents;
        public int records;
        public long lastEventMs;

        public Day() {}
    }

    private transient ValueState<LiveDay> today;
    /** A spilled day's entries ({@link LiveDay#spilled}), as {@link LiveDay#seen} has them. */
    private transient MapState<String, Double> seen;
    /** Earlier builds' state, cleared at the day's end ({@link Day}). */
    private transient ValueState<Day> earlier;

    @Override
    public void open(OpenContext context) {
        today = getRuntimeContext().getState(new ValueStateDescriptor<>("live-today", StateSerializers.Live.INSTANCE));
        seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("live-seen", Types.STRING, Types.DOUBLE));
        earlier = getRuntimeContext().getState(new ValueStateDescriptor<>("live-day", Types.POJO(Day.class)));
    }

    @Override
    public void processElement(Record r, Context ctx, Collector<WarehouseRow> out) throws Exception {
        int epochDay = (int) Math.floorDiv(r.eventMs, DAY_MS);
        LiveDay d = today.value();
        if (d == null) {
            d = fromEarlierBuild();
        }
        if (d != null && epochDay < d.epochDay) {
            return; // an earlier day, still open: its final rollup counts it
        }
        if (d == null || epochDay > d.epochDay) {
            if (d != null) {
                if (d.spilled) {
                    seen.clear();
                }
                ctx.timerService().deleteEventTimeTimer(end(d.epochDay));
            }
            d = new LiveDay(epochDay);
            ctx.timerService().registerEventTimeTimer(end(epochDay));
        }
        if (get(d, r.copyKey) != null) {
            return; // a copy already counted
        }
        put(d, r.copyKey, 0.0);
        if (r.orderId == null) {
            d.engagementEvents++;
        } else {
            String order = "o" + r.orderId;
            Double before = get(d, order);
            if (before != null) {
                count(d, before, -1);
            }
            double after = (before == null ? 0 : before) + r.amount;
            count(d, after, 1);
            put(d, order, after);
            d.revenue += r.amount;
        }
        d.records++;
        d.lastEventMs = Math.max(d.lastEventMs, r.eventMs);
        if (!d.spilled && d.seen.size() > LiveDay.SPILL_AT) {
            seen.putAll(d.seen);
            d.seen.clear();
            d.spilled = true;
        }
        today.update(d);
        out.collect(new LiveActivity(ctx.getCurrentKey(), LocalDate.ofEpochDay(d.epochDay), d.orders, d.returnOrders,
                d.revenue, d.returns, d.engagementEvents, d.records, Instant.ofEpochMilli(d.lastEventMs)));
    }

    /**
     * The customer's open day as an earlier build kept it, taken over as a spilled day (its
     * entries are in {@code live-seen} already), or null: one read per customer day, of a state
     * that a job started on this build never writes.
     */
    private LiveDay fromEarlierBuild() throws Exception {
        Day old = earlier.value();
        if (old == null) {
            return null;
        }
        LiveDay d = new LiveDay(old.epochDay);
        d.orders = old.orders;
        d.returnOrders = old.returnOrders;
        d.revenue = old.revenue;
        d.returns = old.returns;
        d.engagementEvents = old.engagementEvents;
        d.records = old.records;
        d.lastEventMs = old.lastEventMs;
        d.spilled = true;
        earlier.clear();
        today.update(d);
        return d;
    }

    private Double get(LiveDay d, String key) throws Exception {
        return d.spilled ? seen.get(key) : d.seen.get(key);
    }

    private void put(LiveDay d, String key, double value) throws Exception {
        if (d.spilled) {
            seen.put(key, value);
        } else {
            d.seen.put(key, value);
        }
    }

    /** Adds ({@code sign} 1) or takes back (-1) an order with net total {@code total}. */
    private static void count(LiveDay d, double total, int sign) {
        if (total > 0) {
            d.orders += sign;
        } else if (total < 0) {
            d.returnOrders += sign;
            d.returns += sign * -total;
        }
    }

    /** The last millisecond of the day: the daily windows close when the watermark reaches it. */
    static long end(int epochDay) {
        return (epochDay + 1L) * DAY_MS - 1;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WarehouseRow> out) throws Exception {
        LiveDay d = today.value();
        if (d == null) {
            earlier.clear(); // a timer of an earlier build's day that no record took over
            seen.clear();
        } else {
            if (d.spilled) {
                seen.clear();
            }
            today.clear();
        }
    }
}
