package org.retentionsegments.report;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retentionsegments.warehouse.BudgetQueries.Line;

/**
 * {@code ./segments review}: the periodic review in sentences a marketer reads, from the rows of
 * {@code ReviewQueries} and a {@link BudgetPlan} of today's spread (or a given budget).
 *
 * <p>Refresh cadence (seed 000, "decide the scoring refresh cadence so segments stay current"):
 * refresh at least every quarter of the measured purchase cycle (a customer who misses an order
 * is seen within a quarter of a typical gap between orders), at least daily; review boundaries and
 * budget once per cycle, so each review sees one more cycle of outcomes.
 */
public final class ReviewText {

    /** What the review read. {@code budget} is null when there is no spend to reallocate and no budget was given. */
    public record Review(double driftThreshold, double sizeThreshold, List<Map<String, Object>> drift,
            List<Map<String, Object>> sizes, List<Map<String, Object>> underpowered, List<Map<String, Object>> weakLifts,
            Map<String, Object> cycle, List<Map<String, Object>> validation, int periodDays, BudgetPlan budget,
            boolean budgetGiven) {}

    private ReviewText() {}

    /** Refresh at least every this many days: a quarter of the cycle, at least 1. */
    public static int refreshEveryDays(double cycleDays) {
        return Math.max(1, (int) Math.floor(cycleDays / 4));
    }

    public static String text(Review r) {
        StringBuilder s = new StringBuilder("PERIODIC REVIEW\n===============\n");
        for (Map.Entry<String, List<String>> section : sections(r).entrySet()) {
            s.append('\n').append(section.getKey()).append('\n');
            for (String line : section.getValue()) {
                s.append(Fmt.wrap("  - ", "    ", line, 100));
            }
        }
        return s.toString();
    }

    /** The review as the JSON object of {@code review --json}: the sentences and the rows behind them. */
    public static Map<String, Object> json(Review r) {
        List<Map<String, Object>> moves = new ArrayList<>();
        if (r.budget() != null) {
            for (Line l : r.budget().lines()) {
                moves.add(JsonLine.map("segment", l.segment(), "today_cost", l.todayCost(), "recommended", l.allocated(),
                        "change", l.allocated() - l.todayCost()));
            }
        }
        return JsonLine.map("sections", sections(r), "drift_threshold", r.driftThreshold(), "size_threshold",
                r.sizeThreshold(), "boundary_drift", plain(r.drift()), "segment_changes", plain(r.sizes()),
                "underpowered", plain(r.underpowered()), "weak_lifts", plain(r.weakLifts()), "purchase_cycle",
                r.cycle() == null ? null : plain(List.of(r.cycle())).get(0), "segment_validation",
                plain(r.validation()), "budget", r.budget() == null ? null : r.budget().json(), "budget_moves", moves);
    }

    static Map<String, List<String>> sections(Review r) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("Refresh cadence", cadence(r.cycle()));
        out.put(String.format(Locale.ROOT, "Score boundaries (moves over %s)", Fmt.pct0(r.driftThreshold())), drift(r));
        out.put(String.format(Locale.ROOT, "Segment sizes (changes over %s)", Fmt.pct0(r.sizeThreshold())), sizes(r));
        out.put("Holdouts that cannot see their target", underpowered(r.underpowered()));
        out.put("Lifts to question", weakLifts(r.weakLifts()));
        out.put("Segment validation (size, measurable, accessible, differentiable, actionable)",
                validation(r.validation()));
        out.put("Budget moves", budget(r));
        return out;
    }

    private static List<String> cadence(Map<String, Object> cycle) {
        if (cycle == null) {
            return List.of("No purchase cycle is written yet: run ./segments run first.");
        }
        double days = num(cycle, "cycle_days");
        String how = Boolean.TRUE.equals(cycle.get("measured"))
                ? String.format(Locale.ROOT, "the median gap between order days of %s repeat customers",
                        Fmt.count((Number) cycle.get("repeat_customers")))
                : "too few repeat customers to measure it, so the configured default";
        return List.of(String.format(Locale.ROOT, "The purchase cycle is %s days (%s, as of %s). Refresh the segments at"
                + " least every %d days, a quarter of the cycle, so a customer who misses an order is seen moving within"
                + " a quarter of a typical gap; review boundaries and budget every %s days, once per cycle.",
                Fmt.dec1(days), how, cycle.get("as_of"), refreshEveryDays(days), Fmt.plain(Math.round(days))));
    }

    private static List<String> drift(Review r) {
        if (r.drift().isEmpty()) {
            return List.of("No score boundary moved more than " + Fmt.pct0(r.driftThreshold())
                    + " since the previous kept refresh: the tiers still mean what they meant.");
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> d : r.drift()) {
            out.add(String.format(Locale.ROOT, "The lower boundary of %s score %s is now %s, was %s on %s (%s %%): check"
                    + " that the segments built on it still hold the customers their names promise.",
                    Fmt.words((String) d.get("dimension")), d.get("score"), number(num(d, "now_bound")),
                    number(num(d, "before_bound")), d.get("before_day"),
                    String.format(Locale.ROOT, "%+.0f", 100 * num(d, "change"))));
        }
        return out;
    }

    private static List<String> sizes(Review r) {
        if (r.sizes().isEmpty()) {
            return List.of("No segment grew or shrank by more than " + Fmt.pct0(r.sizeThreshold())
                    + " between the last two kept refreshes.");
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> d : r.sizes()) {
            long before = ((Number) d.get("before_customers")).longValue();
            long now = ((Number) d.get("now_customers")).longValue();
            String change = before == 0 ? "new since " + d.get("before_day")
                    : String.format(Locale.ROOT, "%+.0f %% since %s", 100.0 * (now - before) / before, d.get("before_day"));
            out.add(String.format(Locale.ROOT, "%s %s from %s to %s (%s).", d.get("segment"),
                    now >= before ? "grew" : "shrank", Fmt.customers(before), Fmt.customers(now), change));
        }
        return out;
    }

    private static List<String> underpowered(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return List.of("Every holdout measured can see its target lift.");
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> p : rows) {
            Double needed = (Double) p.get("holdout_share_needed");
            String fix = needed != null
                    ? String.format(Locale.ROOT, "holding out %s instead of %s would", Fmt.pct0(needed),
                            Fmt.pct0((Double) p.get("holdout_share")))
                    : "no holdout share would at this size: it needs more customers";
            out.add(String.format(Locale.ROOT, "%s, %s: its holdout sees lifts of %s points or more, not its target of"
                    + " %s; %s.", p.get("program_id"), p.get("segment"), Fmt.dec1(100 * num(p, "minimum_detectable_lift")),
                    Fmt.dec1(100 * num(p, "target_lift")), fix));
        }
        return out;
    }

    private static List<String> weakLifts(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return List.of("No measured lift is negative or indistinguishable from no effect.");
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> l : rows) {
            String interval = String.format(Locale.ROOT, "95 %% %s to %s", Fmt.points(num(l, "lift_ci_low")),
                    Fmt.points(num(l, "lift_ci_high")));
            out.add("negative".equals(l.get("verdict"))
                    ? String.format(Locale.ROOT, "%s, %s: lowered retention by %s points (%s): stop or change it.",
                            l.get("program_id"), l.get("segment"), Fmt.dec1(-100 * num(l, "lift")), interval)
                    : String.format(Locale.ROOT, "%s, %s: %s points (%s, adjusted p %s): not distinguishable from no"
                            + " effect yet.", l.get("program_id"), l.get("segment"), Fmt.points(num(l, "lift")), interval,
                            Fmt.pValue((Double) l.get("p_value_adjusted"))));
        }
        return out;
    }

    private static List<String> validation(List<Map<String, Object>> rows) {
        List<String> out = new ArrayList<>();
        int all = 0;
        for (Map<String, Object> v : rows) {
            List<String> fails = new ArrayList<>();
            if (!Boolean.TRUE.equals(v.get("size_ok"))) {
                fails.add(ValidationText.tooSmall(v));
            }
            if (!Boolean.TRUE.equals(v.get("measurable"))) {
                fails.add(ValidationText.notMeasured());
            }
            if (!Boolean.TRUE.equals(v.get("accessible"))) {
                fails.add(ValidationText.notAccessible(v));
            }
            if (Boolean.FALSE.equals(v.get("differentiable"))) {
                fails.add(ValidationText.notDistinct(v));
            }
            if (!Boolean.TRUE.equals(v.get("actionable"))) {
                fails.add(ValidationText.notActionable());
            }
            if (fails.isEmpty()) {
                all++;
                continue;
            }
            out.add(String.format(Locale.ROOT, "%s meets %s of 5: %s.", v.get("segment"), v.get("criteria_met"),
                    String.join("; ", fails)));
        }
        out.add(0, String.format(Locale.ROOT, "%d of %d segments meet all five criteria%s", all, rows.size(),
                all == rows.size() ? "." : "; the others:"));
        return out;
    }

    private static List<String> budget(Review r) {
        BudgetPlan plan = r.budget();
        if (plan == null) {
            return List.of(String.format(Locale.ROOT, "No treatment cost was recorded in the last %d days: pass --budget"
                    + " to see where a budget would go.", r.periodDays()));
        }
        List<String> out = new ArrayList<>();
        out.add(r.budgetGiven()
                ? String.format(Locale.ROOT, "A budget of %s per %d days, spent by incremental revenue per unit of cost"
                        + " (./segments budget), against today's spread of %s:", Fmt.money(plan.amount()),
                        plan.periodDays(), Fmt.money(plan.todaySpend()))
                : String.format(Locale.ROOT, "Today's spread of %s over the last %d days, reallocated by incremental revenue"
                        + " per unit of cost (./segments budget):", Fmt.money(plan.todaySpend()), plan.periodDays()));
        double floor = Math.max(1, 0.01 * plan.amount());
        for (Line l : plan.lines()) {
            double change = l.allocated() - l.todayCost();
            if (Math.abs(change) < floor) {
                continue;
            }
            String why = l.reason() == null ? String.format(Locale.ROOT, "%.2f of revenue per unit of cost",
                    l.valuePerCost()) : BudgetText.reason(l.reason());
            out.add(String.format(Locale.ROOT, "%s on %s: %s instead of %s (%s).", change > 0 ? "Spend more" : "Spend less",
                    l.segment(), Fmt.money(l.allocated()), Fmt.money(l.todayCost()), why));
        }
        if (out.size() == 1) {
            out.add("No segment's spend should change by more than " + Fmt.money(floor) + ".");
        }
        out.add(BudgetText.summary(plan).substring("Summary: ".length()));
        return out;
    }

    private static double num(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The rows with days and timestamps as text, for JSON. */
    private static List<Map<String, Object>> plain(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((k, v) -> copy.put(k, v instanceof Temporal ? v.toString() : v));
            out.add(copy);
        }
        return out;
    }
}
