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

/**
 * Today's activity, per customer ({@code activity_live}): the accepted records of the customer's
 * newest day still open ({@code live_records}), counted as they arrive, each copy once, and the
 * day so far put out after every record that changed it. The day's state is cleared when the
 * watermark passes the day's end, when the refresh takes the day's final rollup; a record of an
 * earlier day than the one counted is left to that rollup.
 *
 * <p>State per customer with a record on an open day: the day's figures, and one entry per record
 * copy key and per order (its total so far, which decides whether it is an order or a return).
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

    /** The figures of one customer's open day. */
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

    private transient ValueState<Day> day;
    /** A record's copy key (a leading {@code l} or {@code e}) to 0, an order's id (a leading {@code o}) to its total so far. */
    private transient MapState<String, Double> seen;

    @Override
    public void open(OpenContext context) {
        day = getRuntimeContext().getState(new ValueStateDescriptor<>("live-day", Types.POJO(Day.class)));
        seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("live-seen", Types.STRING, Types.DOUBLE));
    }

    @Override
    public void processElement(Record r, Context ctx, Collector<WarehouseRow> out) throws Exception {
        int epochDay = (int) Math.floorDiv(r.eventMs, DAY_MS);
        Day d = day.value();
        if (d != null && epochDay < d.epochDay) {
            return; // an earlier day, still open: its final rollup counts it
        }
        if (d == null || epochDay > d.epochDay) {
            if (d != null) {
                seen.clear();
                ctx.timerService().deleteEventTimeTimer(end(d.epochDay));
            }
            d = new Day();
            d.epochDay = epochDay;
            ctx.timerService().registerEventTimeTimer(end(epochDay));
        }
        if (seen.contains(r.copyKey)) {
            return; // a copy already counted
        }
        seen.put(r.copyKey, 0.0);
        if (r.orderId == null) {
            d.engagementEvents++;
        } else {
            String order = "o" + r.orderId;
            Double before = seen.get(order);
            if (before != null) {
                count(d, before, -1);
            }
            double after = (before == null ? 0 : before) + r.amount;
            count(d, after, 1);
            seen.put(order, after);
            d.revenue += r.amount;
        }
        d.records++;
        d.lastEventMs = Math.max(d.lastEventMs, r.eventMs);
        day.update(d);
        out.collect(new LiveActivity(ctx.getCurrentKey(), LocalDate.ofEpochDay(d.epochDay), d.orders, d.returnOrders,
                d.revenue, d.returns, d.engagementEvents, d.records, Instant.ofEpochMilli(d.lastEventMs)));
    }

    /** Adds ({@code sign} 1) or takes back (-1) an order with net total {@code total}. */
    private static void count(Day d, double total, int sign) {
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
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WarehouseRow> out) {
        day.clear();
        seen.clear();
    }
}
