package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retentionsegments.warehouse.BudgetQueries.Line;

/** What a budget buys, by hand: customers = allocated / cost, retained = customers x shrunk lift. */
class BudgetPlanTest {

    private static Line line(String segment, Integer rank, Double shrunk, Double se, double allocated, double todayCost,
            long todayCustomers) {
        return new Line(segment, "p", rank == null ? "suppressed" : null, rank, shrunk, se,
                shrunk == null ? null : shrunk - 1.96 * se, shrunk == null ? null : shrunk + 1.96 * se, shrunk,
                null, null, 0.5, 0.04, 30.0, 2.0, 1.5, 1000, 1800.0, allocated, todayCost, todayCustomers);
    }

    @Test
    void buysTheShrunkLiftOfTheCustomersItPaysFor() {
        // A: 1,000 at 2.00 a customer = 500 customers x 0.10 = 50 retained, se 500 x 0.02 = 10; x 30 = 1,500
        // B: nothing allocated; today 100 customers x 0.05 = 5 retained, se 100 x 0.01 = 1
        // C: no measured lift, 50 spent today: counted in today's spend, named as unmeasured
        BudgetPlan plan = BudgetPlan.of(1000, 30, List.of(line("A", 1, 0.10, 0.02, 1000, 0, 0),
                line("B", null, 0.05, 0.01, 0, 200, 100), line("C", null, null, null, 0, 50, 40)));
        assertEquals(1000, plan.allocated(), 1e-9);
        assertEquals(50, plan.retained().value(), 1e-9);
        assertEquals(10, plan.retained().se(), 1e-9);
        assertEquals(50 - 19.59963984540054, plan.retained().low(), 1e-9);
        assertEquals(1500, plan.revenue().value(), 1e-9);
        assertEquals(300, plan.revenue().se(), 1e-9);
        assertEquals(250, plan.todaySpend(), 1e-9);
        assertEquals(5, plan.todayRetained().value(), 1e-9);
        assertEquals(1, plan.todayRetained().se(), 1e-9);
        assertEquals(List.of("C"), plan.unmeasuredSpend());
        String summary = BudgetText.summary(plan);
        assertTrue(summary.startsWith("Summary: $1,000 of $1,000 allocated buys 50 incremental retained customers"
                + " (95 % 30 to 70) and $1,500 incremental revenue ($912 to $2,088); today's spread ($250 on treatments"
                + " in the last 30 days) buys 5 incremental retained customers (95 % 3 to 7)"), summary);
    }

    @Test
    void totalsAddTheSegmentsVariances() {
        BudgetPlan plan = BudgetPlan.of(3000, 30, List.of(line("A", 1, 0.10, 0.03, 1000, 0, 0),
                line("B", 2, 0.10, 0.04, 1000, 0, 0)));
        // 500 customers each: se 15 and 20, together sqrt(225 + 400) = 25
        assertEquals(100, plan.retained().value(), 1e-9);
        assertEquals(25, plan.retained().se(), 1e-9);
    }
}
