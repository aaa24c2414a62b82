package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retentionsegments.warehouse.BudgetQueries;
import org.retentionsegments.warehouse.BudgetQueries.Line;
import org.retentionsegments.warehouse.Warehouse;

/**
 * What a budget buys, from budget_allocation's lines: per segment, the treated customers the
 * allocation pays for (allocated / cost per customer), the incremental retained customers they
 * bring (times the shrunk lift) and the incremental revenue (times revenue per retained customer);
 * the same for today's spread (the customers the treatment arm reached in the period). Intervals:
 * 95 %, from the shrunk lift's standard error, the revenue per retained customer taken as known;
 * totals add the segments' variances (segments taken as independent, which the shared pooled lift
 * makes slightly optimistic).
 */
public record BudgetPlan(double amount, int periodDays, List<Line> lines, Estimate retained, Estimate revenue,
        double todaySpend, Estimate todayRetained, Estimate todayRevenue, List<String> unmeasuredSpend) {

    static final double Z = 1.959963984540054;

    /** An estimate with its standard error and 95 % interval. */
    public record Estimate(double value, double se) {
        public double low() {
            return value - Z * se;
        }

        public double high() {
            return value + Z * se;
        }
    }

    /** The plan of {@code lines} (from {@code BudgetQueries.allocate}) for {@code amount} per {@code periodDays}. */
    public static BudgetPlan of(double amount, int periodDays, List<Line> lines) {
        double retained = 0;
        double retainedVar = 0;
        double revenue = 0;
        double revenueVar = 0;
        double today = 0;
        double todayRetained = 0;
        double todayRetainedVar = 0;
        double todayRevenue = 0;
        double todayRevenueVar = 0;
        List<String> unmeasured = new ArrayList<>();
        for (Line l : lines) {
            Estimate r = retained(l);
            Estimate v = revenue(l, r);
            retained += r.value();
            retainedVar += r.se() * r.se();
            revenue += v.value();
            revenueVar += v.se() * v.se();
            today += l.todayCost();
            if (l.shrunkLift() == null) {
                if (l.todayCost() > 0) {
                    unmeasured.add(l.segment());
                }
                continue;
            }
            Estimate tr = new Estimate(l.todayCustomers() * l.shrunkLift(), l.todayCustomers() * l.shrunkLiftSe());
            Estimate tv = revenue(l, tr);
            todayRetained += tr.value();
            todayRetainedVar += tr.se() * tr.se();
            todayRevenue += tv.value();
            todayRevenueVar += tv.se() * tv.se();
        }
        return new BudgetPlan(amount, periodDays, List.copyOf(lines), new Estimate(retained, Math.sqrt(retainedVar)),
                new Estimate(revenue, Math.sqrt(revenueVar)), today,
                new Estimate(todayRetained, Math.sqrt(todayRetainedVar)),
                new Estimate(todayRevenue, Math.sqrt(todayRevenueVar)), List.copyOf(unmeasured));
    }

    /**
     * Today's spread (the treatment cost of the {@code periodDays} days up to the latest refresh)
     * reallocated: the plan of that amount; null when no treatment cost was recorded in the period.
     */
    public static BudgetPlan ofTodaySpread(Warehouse w, int periodDays) {
        List<Line> lines = BudgetQueries.allocateTodaysSpread(w, periodDays);
        double today = lines.stream().mapToDouble(Line::todayCost).sum();
        return today > 0 ? of(today, periodDays, lines) : null;
    }

    /** The treated customers the line's allocation pays for. */
    public static double customers(Line l) {
        return l.costPerCustomer() == null || l.costPerCustomer() <= 0 ? 0 : l.allocated() / l.costPerCustomer();
    }

    /** The incremental retained customers the line's allocation buys. */
    public static Estimate retained(Line l) {
        if (l.shrunkLift() == null || l.allocated() <= 0) {
            return new Estimate(0, 0);
        }
        double n = customers(l);
        return new Estimate(n * l.shrunkLift(), n * l.shrunkLiftSe());
    }

    private static Estimate revenue(Line l, Estimate retained) {
        double perRetained = l.revenuePerRetained() == null ? 0 : l.revenuePerRetained();
        return new Estimate(retained.value() * perRetained, retained.se() * perRetained);
    }

    /** The total allocated (at most the amount). */
    public double allocated() {
        return lines.stream().mapToDouble(Line::allocated).sum();
    }

    /** The plan as the JSON object of {@code budget --json}. */
    public Map<String, Object> json() {
        List<Map<String, Object>> segments = new ArrayList<>();
        for (Line l : lines) {
            Estimate r = retained(l);
            segments.add(JsonLine.map("segment", l.segment(), "program_id", l.programId(), "funding_rank", l.rank(),
                    "reason", l.reason(), "lift", l.lift(), "lift_ci_low", l.liftLow(), "lift_ci_high", l.liftHigh(),
                    "shrinkage", l.shrinkage(), "shrunk_lift", l.shrunkLift(), "shrunk_lift_ci_low", l.shrunkLiftLow(),
                    "shrunk_lift_ci_high", l.shrunkLiftHigh(), "cost_per_customer", l.costPerCustomer(),
                    "revenue_per_retained", l.revenuePerRetained(), "value_per_cost", l.valuePerCost(),
                    "current_customers", l.currentCustomers(), "capacity", l.capacity(), "allocated", l.allocated(),
                    "customers_treated", customers(l), "incremental_retained", r.value(),
                    "incremental_retained_ci_low", r.low(), "incremental_retained_ci_high", r.high(),
                    "today_cost", l.todayCost(), "today_customers", l.todayCustomers()));
        }
        return JsonLine.map("amount", amount, "period_days", periodDays, "allocated", allocated(),
                "incremental_retained", estimate(retained), "incremental_revenue", estimate(revenue),
                "today_spend", todaySpend, "today_incremental_retained", estimate(todayRetained),
                "today_incremental_revenue", estimate(todayRevenue), "today_spend_unmeasured_segments",
                unmeasuredSpend, "segments", segments);
    }

    private static Map<String, Object> estimate(Estimate e) {
        return JsonLine.map("value", e.value(), "ci_low", e.low(), "ci_high", e.high());
    }
}
