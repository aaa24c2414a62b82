package org.retentionsegments.warehouse;

import java.util.List;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/**
 * The read of {@code ./segments budget} and {@code ./segments review}: the model budget_allocation
 * spent down by an amount, beside today's spread (the statement is
 * {@code warehouse-models/queries/budget/allocation.sql}; the amount and the period reach it as
 * bind values).
 */
public final class BudgetQueries {

    static final String FOLDER = "warehouse-models/queries/budget";

    private static final SqlFiles.Queries SQL = SqlFiles.queries(FOLDER);

    private BudgetQueries() {}

    /**
     * One segment's ranking inputs and allocation. Lifts are fractions (0.07 = 7 points), money in
     * the input's currency; {@code reason} is null for a fundable segment, {@code rank} null for
     * the others; the lift figures are null for a segment without a measured lift.
     */
    public record Line(String segment, String programId, String reason, Integer rank, Double shrunkLift,
            Double shrunkLiftSe, Double shrunkLiftLow, Double shrunkLiftHigh, Double lift, Double liftLow,
            Double liftHigh, Double shrinkage, Double pooledLift, Double revenuePerRetained, Double costPerCustomer,
            Double valuePerCost, long currentCustomers, Double capacity, double allocated, double todayCost,
            long todayCustomers) {}

    /**
     * Every configured segment of budget_allocation with its share of {@code amount}, fundable
     * segments first in rank order; today's spread over the {@code periodDays} days up to the
     * latest refresh.
     */
    public static List<Line> allocate(Warehouse w, double amount, int periodDays) {
        return fetch(w, amount, periodDays);
    }

    /** The same, the amount being today's spread itself (the sum of the lines' today_cost), in one statement. */
    public static List<Line> allocateTodaysSpread(Warehouse w, int periodDays) {
        return fetch(w, null, periodDays);
    }

    private static List<Line> fetch(Warehouse w, Double amount, int periodDays) {
        try {
            return w.dsl().resultQuery(SQL.sql("allocation"), periodDays,
                            org.jooq.impl.DSL.val(amount, org.jooq.impl.SQLDataType.DOUBLE)).fetch().stream()
                    .map(BudgetQueries::line).toList();
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot read budget_allocation from " + w.url() + " ("
                    + Warehouse.firstLine(e.getMessage()) + "): apply the models with ./segments models apply"
                    + " --warehouse URL", e);
        }
    }

    private static Line line(Record r) {
        Number customers = r.get("current_customers", Number.class);
        Number todayCustomers = r.get("today_customers", Number.class);
        return new Line(r.get("segment", String.class), r.get("program_id", String.class), r.get("reason", String.class),
                r.get("funding_rank", Integer.class), number(r, "shrunk_lift"), number(r, "shrunk_lift_se"),
                number(r, "shrunk_lift_ci_low"), number(r, "shrunk_lift_ci_high"), number(r, "lift"),
                number(r, "lift_ci_low"), number(r, "lift_ci_high"), number(r, "shrinkage"), number(r, "pooled_lift"),
                number(r, "revenue_per_retained"), number(r, "cost_per_customer"), number(r, "value_per_cost"),
                customers == null ? 0 : customers.longValue(), number(r, "capacity"),
                number(r, "allocated") == null ? 0 : number(r, "allocated"),
                number(r, "today_cost") == null ? 0 : number(r, "today_cost"),
                todayCustomers == null ? 0 : todayCustomers.longValue());
    }

    private static Double number(Record r, String column) {
        Number n = r.get(column, Number.class);
        return n == null ? null : n.doubleValue();
    }
}
