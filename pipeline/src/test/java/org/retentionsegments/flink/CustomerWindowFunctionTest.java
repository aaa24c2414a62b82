package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.EngagementType;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.core.window.DayActivity;

/** The keyed window operator in the operator test harness: emission, exact expiry, cleanup. */
class CustomerWindowFunctionTest {

    static final int T0 = (int) LocalDate.of(2024, 1, 10).toEpochDay();
    static final long DAY = CustomerWindowFunction.DAY_MS;

    private KeyedOneInputStreamOperatorTestHarness<String, DayActivity, RefreshInput> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CustomerWindowFunction(365, 1095, Integer.MAX_VALUE)),
                d -> d.customerId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static DayActivity order(String customer, int day, int orders, double amount, boolean midnight) {
        DayActivity d = new DayActivity();
        d.customerId = customer;
        d.day = day;
        d.orders = orders;
        d.revenue = amount;
        d.gross = Math.max(0, amount);
        d.returnAmount = Math.max(0, -amount);
        d.returnOrders = amount < 0 ? 1 : 0;
        if (midnight) {
            d.midnightOrders = d.orders;
            d.midnightRevenue = d.revenue;
            d.midnightGross = d.gross;
            d.midnightReturnAmount = d.returnAmount;
        }
        return d;
    }

    /** A day of {@code customer} with nothing in it yet. */
    static DayActivity day(String customer, int day) {
        DayActivity d = new DayActivity();
        d.customerId = customer;
        d.day = day;
        return d;
    }

    private void send(DayActivity d) throws Exception {
        harness.processElement(new StreamRecord<>(d, d.day * DAY));
    }

    private List<CustomerFacts> facts() {
        List<CustomerFacts> out = harness.extractOutputValues().stream()
                .filter(i -> i.facts() != null).map(RefreshInput::facts).toList();
        harness.getOutput().clear();
        return out;
    }

    @Test
    void anOrderEntersTheNextDayAndLeavesExactlyAfterTheWindow() throws Exception {
        send(order("c1", T0, 1, 50.0, false));
        harness.processWatermark((T0 + 1) * DAY - 1);
        assertTrue(facts().isEmpty(), "nothing counts before the day is over");

        harness.processWatermark((T0 + 1) * DAY);
        CustomerFacts entered = facts().get(0);
        assertEquals(T0 + 1, entered.asOfDay());
        assertEquals(1, entered.frequency());
        assertEquals(50.0, entered.monetary());
        assertEquals(T0, entered.lastOrderDay());

        harness.processWatermark((T0 + 365) * DAY);
        assertTrue(facts().isEmpty(), "no change until the order ages out");
        harness.processWatermark((T0 + 366) * DAY);
        CustomerFacts expired = facts().get(0);
        assertEquals(T0 + 366, expired.asOfDay());
        assertEquals(0, expired.frequency());
        assertEquals(0.0, expired.monetary());
        assertEquals(T0, expired.lastOrderDay(), "recency outlives the window");
        assertEquals(1, harness.numKeyedStateEntries(),
                "one state value: history, forget day, counted key and the days due (the forget day)");
        assertEquals(1, harness.numEventTimeTimers(), "only the forget timer remains");
    }

    @Test
    void oneTimerPerCustomerHowEverManyDaysAreInTheWindow() throws Exception {
        for (int i = 0; i < 12; i++) {
            DayActivity d = order("c1", T0 + 7 * i, 1, 10.0 + i, i % 3 == 0);
            d.engagement[EngagementType.EMAIL_OPEN.ordinal()] = 1;
            d.engagementEvents = 1;
            send(d);
        }
        assertEquals(1, harness.numEventTimeTimers(), "the earliest day entering the window");
        harness.processWatermark((T0 + 100) * DAY);
        // 12 order days in the window, each leaving it on its own day, with the 30- and 90-day
        // engagement windows and the forget day: one timer waits, for the earliest
        assertEquals(1, harness.numEventTimeTimers());
        List<CustomerFacts> seen = facts();
        assertEquals(12, seen.get(seen.size() - 1).frequency());
        // every day the customer changes still comes: the 90-day engagement windows empty one by one
        harness.processWatermark((T0 + 7 * 11 + 91) * DAY);
        List<CustomerFacts> after90 = facts();
        assertTrue(after90.size() >= 12, "a change on each day an engagement or order day leaves: " + after90.size());
        CustomerFacts last = after90.get(after90.size() - 1);
        assertEquals(0, last.engagement90Total());
        assertEquals(12, last.frequency(), "the orders stay a year");
        harness.processWatermark((T0 + 7 * 11 + 366) * DAY);
        List<CustomerFacts> after = facts();
        assertEquals(0, after.get(after.size() - 1).frequency(), "the last order has left the window");
        assertEquals(1, harness.numEventTimeTimers(), "only the forget timer remains");
    }

    @Test
    void aDayInPartsCountsAsTheWholeDayAndIsPutOutOnceAsItEnters() throws Exception {
        DayActivity whole = order("whole-day", T0, 2, 80.0, false);
        whole.discountedOrders = 1;
        whole.channelOrders.put("web", 2);
        whole.categorySpend.put("shoes", 60.0);
        whole.categorySpend.put("bags", 20.0);
        whole.engagement[EngagementType.EMAIL_OPEN.ordinal()] = 3;
        whole.engagementEvents = 3;
        whole.signedUp = true;
        whole.emailConsent = 1;
        whole.country = "NL";
        send(whole);
        // the continuous job's parts of the same day: orders of a channel, spend per category, events, sign-up
        DayActivity orders = order("day-in-parts", T0, 2, 80.0, false);
        orders.discountedOrders = 1;
        orders.channelOrders.put("web", 2);
        send(orders);
        for (String category : List.of("shoes", "bags")) {
            DayActivity spend = day("day-in-parts", T0);
            spend.categorySpend.put(category, category.equals("shoes") ? 60.0 : 20.0);
            send(spend);
        }
        DayActivity events = day("day-in-parts", T0);
        events.engagement[EngagementType.EMAIL_OPEN.ordinal()] = 3;
        events.engagementEvents = 3;
        send(events);
        DayActivity signup = day("day-in-parts", T0);
        signup.signedUp = true;
        signup.emailConsent = 1;
        signup.country = "NL";
        send(signup);
        assertEquals(2, harness.numEventTimeTimers(), "one timer per customer, however many parts");
        assertTrue(harness.getSideOutput(CustomerWindowFunction.ACTIVITY) == null
                || harness.getSideOutput(CustomerWindowFunction.ACTIVITY).isEmpty(), "no activity row before the day enters");

        harness.processWatermark((T0 + 1) * DAY);
        List<CustomerFacts> entered = facts();
        assertEquals(2, entered.size());
        CustomerFacts a = entered.get(0).customerId().equals("whole-day") ? entered.get(0) : entered.get(1);
        CustomerFacts b = a == entered.get(0) ? entered.get(1) : entered.get(0);
        assertEquals(a.toString().replace("whole-day", "day-in-parts"), b.toString());
        assertEquals("NL", b.country());
        List<String> rows = harness.getSideOutput(CustomerWindowFunction.ACTIVITY).stream()
                .map(r -> r.getValue().toString()).sorted().toList();
        assertEquals(2, rows.size(), "one activity_daily row per customer day: " + rows);
        assertEquals(rows.get(1).replace("whole-day", "day-in-parts"), rows.get(0));
        assertTrue(rows.get(0).contains("orders=2"), rows.get(0));
        assertEquals(2, harness.numKeyedStateEntries(), "the parts' state is gone once the day entered");
    }

    @Test
    void aDayArrivingBehindAnEarlierOneWaitsForItsOwnDay() throws Exception {
        send(order("c1", T0 + 5, 1, 30.0, false));
        send(order("c1", T0, 1, 10.0, false));
        harness.processWatermark((T0 + 1) * DAY);
        assertEquals(1, facts().get(0).frequency(), "only the earlier day has entered");
        harness.processWatermark((T0 + 5) * DAY);
        assertTrue(facts().isEmpty());
        harness.processWatermark((T0 + 6) * DAY);
        CustomerFacts both = facts().get(0);
        assertEquals(T0 + 6, both.asOfDay());
        assertEquals(2, both.frequency());
        assertEquals(40.0, both.monetary());
        assertEquals(2, harness.getSideOutput(CustomerWindowFunction.ACTIVITY).size());
    }

    @Test
    void aMidnightOrderLeavesOneDayEarlier() throws Exception {
        send(order("c1", T0, 1, 20.0, true));
        harness.processWatermark((T0 + 364) * DAY);
        assertEquals(1, facts().get(0).frequency());
        harness.processWatermark((T0 + 365) * DAY);
        List<CustomerFacts> out = facts();
        assertEquals(1, out.size());
        assertEquals(0, out.get(0).frequency(), "(as_of - 365 days, as_of) excludes an order at exactly as_of - 365 days");
    }

    @Test
    void returnsReduceMonetaryWhichIsFlooredAtZero() throws Exception {
        send(order("c1", T0, 1, 30.0, false));
        send(order("c1", T0 + 2, 0, -45.0, false));
        harness.processWatermark((T0 + 3) * DAY);
        List<CustomerFacts> out = facts();
        CustomerFacts last = out.get(out.size() - 1);
        assertEquals(1, last.frequency());
        assertEquals(-15.0, last.windowNet());
        assertEquals(0.0, last.monetary());
        assertEquals(45.0, last.windowReturns());
    }

    @Test
    void engagementCountsLeaveTheThirtyAndNinetyDayWindows() throws Exception {
        DayActivity visit = day("p1", T0);
        visit.engagement[EngagementType.SITE_VISIT.ordinal()] = 3;
        visit.engagementEvents = 3;
        send(visit);
        harness.processWatermark((T0 + 1) * DAY);
        CustomerFacts first = facts().get(0);
        assertEquals(3, first.engagement30(EngagementType.SITE_VISIT));
        assertEquals(CustomerFacts.NEVER, first.lastOrderDay(), "a prospect has never ordered");
        harness.processWatermark((T0 + 31) * DAY);
        CustomerFacts after30 = facts().get(0);
        assertEquals(0, after30.engagement30(EngagementType.SITE_VISIT));
        assertEquals(3, after30.engagement90(EngagementType.SITE_VISIT));
        harness.processWatermark((T0 + 91) * DAY);
        assertEquals(0, facts().get(0).engagement90Total());
    }

    @Test
    void anInactiveCustomerIsForgottenAndAllStateAndTimersAreGone() throws Exception {
        send(order("c1", T0, 1, 10.0, false));
        send(order("c1", T0 + 10, 2, 25.0, false));
        harness.processWatermark((T0 + 10 + 1095) * DAY);
        List<RefreshInput> out = harness.extractOutputValues();
        RefreshInput last = out.get(out.size() - 1);
        assertEquals("c1", last.forgottenCustomerId());
        assertNull(last.facts());
        assertEquals(0, harness.numKeyedStateEntries(), "every state entry cleared");
        assertEquals(0, harness.numEventTimeTimers(), "no timer left");
    }

    @Test
    void everyEmissionSendsTheChangeOfTheCustomersCountKey() throws Exception {
        send(order("c1", T0, 1, 50.0, false));
        harness.processWatermark((T0 + 1) * DAY);
        harness.processWatermark((T0 + 366) * DAY);
        harness.processWatermark((T0 + 1095) * DAY);
        List<StreamRecord<FactsDelta>> deltas = List.copyOf(harness.getSideOutput(CustomerWindowFunction.DELTAS));
        CountKey entered = new CountKey(true, T0, 1, 5000, 1, 5000, CountKey.NO_GAP);
        CountKey expired = new CountKey(true, T0, 0, 0, 1, 5000, CountKey.NO_GAP);
        assertEquals(List.of(new FactsDelta(null, entered), new FactsDelta(entered, expired), new FactsDelta(expired, null)),
                deltas.stream().map(StreamRecord::getValue).toList(), "new, aged out, forgotten");
        assertEquals(List.of((T0 + 1) * DAY, (T0 + 366) * DAY, (T0 + 1095) * DAY),
                deltas.stream().map(StreamRecord::getTimestamp).toList(), "each at the time of its emission");
        assertEquals(0, harness.numKeyedStateEntries(), "the counted key goes with the customer");
    }

    @Test
    void purchaseCycleIsTheMedianGapBetweenOrderDays() throws Exception {
        send(order("c1", T0, 1, 10.0, false));
        send(order("c1", T0 + 10, 1, 10.0, false));
        send(order("c1", T0 + 40, 1, 10.0, false));
        harness.processWatermark((T0 + 41) * DAY);
        List<CustomerFacts> out = facts();
        CustomerFacts last = out.get(out.size() - 1);
        assertEquals(20.0, last.medianGapDays());
        assertEquals(T0 + 10, last.previousOrderDay());
        assertEquals(3, last.frequency());
    }

    @Test
    void lifetimeValueAndThePeakWindowValueOutliveTheWindow() throws Exception {
        send(order("c1", T0, 1, 50.0, false));
        send(order("c1", T0 + 10, 1, 25.0, false));
        send(order("c1", T0 + 200, 0, -30.0, false)); // a return: the window falls to 45
        harness.processWatermark((T0 + 201) * DAY);
        List<CustomerFacts> rising = facts();
        assertEquals(List.of(50.0, 75.0, 75.0), rising.stream().map(CustomerFacts::peakWindowValue).toList(),
                "the peak follows the window up and stays when it falls");
        assertEquals(45.0, rising.get(2).monetary());

        harness.processWatermark((T0 + 600) * DAY);
        CustomerFacts empty = facts().get(2);
        assertEquals(0, empty.frequency(), "every order has left the window");
        assertEquals(0.0, empty.monetary());
        assertEquals(2, empty.lifetimeOrders(), "positive orders ever");
        assertEquals(45.0, empty.lifetimeNet());
        assertEquals(45.0, empty.lifetimeMonetary());
        assertEquals(75.0, empty.peakWindowValue());
    }
}
