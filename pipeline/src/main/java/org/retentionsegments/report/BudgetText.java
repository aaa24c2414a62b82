package org.retentionsegments.report;

import java.util.Locale;
import org.retentionsegments.report.BudgetPlan.Estimate;
import org.retentionsegments.warehouse.BudgetQueries.Line;

/** {@code ./segments budget}: the allocation as a table and what it buys against today's spread, in one line. */
public final class BudgetText {

    private BudgetText() {}

    public static String text(BudgetPlan plan) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "BUDGET %s per %d days, spent by incremental revenue per unit of cost%n",
                Fmt.money(plan.amount()), plan.periodDays()));
        String pooled = pooled(plan);
        if (pooled != null) {
            s.append(pooled).append('\n');
        }
        s.append(String.format(Locale.ROOT, "%-22s %4s %-22s %9s %9s %10s %10s %10s %s%n", "Segment", "Rank",
                "Lift, shrunk (95 %)", "Rev/cost", "Cost/cust", "Capacity", "Allocated", "Today", "Buys (retained)"));
        for (Line l : plan.lines()) {
            Estimate r = BudgetPlan.retained(l);
            s.append(String.format(Locale.ROOT, "%-22s %4s %-22s %9s %9s %10s %10s %10s %s%n",
                    Fmt.left(l.segment(), 22), l.rank() == null ? "-" : l.rank().toString(), lift(l),
                    l.valuePerCost() == null ? "-" : String.format(Locale.ROOT, "%.2f", l.valuePerCost()),
                    l.costPerCustomer() == null ? "-" : Fmt.cents(l.costPerCustomer()),
                    l.capacity() == null ? "-" : Fmt.money(l.capacity()), Fmt.money(l.allocated()),
                    Fmt.money(l.todayCost()), l.reason() == null
                            ? String.format(Locale.ROOT, "%.0f (%.0f to %.0f)", r.value(), r.low(), r.high())
                            : "not funded: " + reason(l.reason())));
        }
        s.append(summary(plan)).append('\n');
        return s.toString();
    }

    /** The one-line summary: what the budget buys against today's spread. */
    public static String summary(BudgetPlan plan) {
        String today = plan.todaySpend() > 0
                ? String.format(Locale.ROOT, "; today's spread (%s on treatments in the last %d days) buys %s", Fmt.money(
                        plan.todaySpend()), plan.periodDays(), buys(plan.todayRetained(), plan.todayRevenue()))
                        + (plan.unmeasuredSpend().isEmpty() ? ""
                                : " plus what the unmeasured " + String.join(", ", plan.unmeasuredSpend()) + " bring")
                : String.format(Locale.ROOT, "; no treatment cost recorded in the last %d days", plan.periodDays());
        return String.format(Locale.ROOT, "Summary: %s of %s allocated buys %s%s.", Fmt.money(plan.allocated()),
                Fmt.money(plan.amount()), buys(plan.retained(), plan.revenue()), today);
    }

    /** How the lifts were shrunk, in one sentence; null when no segment has a measured lift. */
    static String pooled(BudgetPlan plan) {
        return plan.lines().stream().filter(l -> l.pooledLift() != null).findFirst().map(l -> String.format(Locale.ROOT,
                "Lifts shrunk toward the pooled %s pts (empirical Bayes, DerSimonian-Laird): a small or noisy segment"
                        + " counts mostly at the pooled lift.", Fmt.points(l.pooledLift()))).orElse(null);
    }

    /** "120 incremental retained customers (95 % 80 to 160) and $6,000 incremental revenue ($4,000 to $8,000)". */
    static String buys(Estimate retained, Estimate revenue) {
        return String.format(Locale.ROOT, "%.0f incremental retained customers (95 %% %.0f to %.0f) and %s incremental"
                + " revenue (%s to %s)", retained.value(), retained.low(), retained.high(), Fmt.money(revenue.value()),
                Fmt.money(revenue.low()), Fmt.money(revenue.high()));
    }

    static String lift(Line l) {
        if (l.shrunkLift() == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%s (%s to %s)", Fmt.points(l.shrunkLift()), Fmt.points(l.shrunkLiftLow()),
                Fmt.points(l.shrunkLiftHigh()));
    }

    /** A reason of budget_allocation in words. */
    static String reason(String reason) {
        return switch (reason) {
            case "suppressed" -> "suppressed by its strategy";
            case "not_measured" -> "no measured lift";
            case "negative_lift" -> "lift interval below zero";
            case "no_gain" -> "no expected gain";
            case "no_cost" -> "no cost recorded";
            case "no_customers" -> "no reachable customers";
            default -> reason;
        };
    }
}
