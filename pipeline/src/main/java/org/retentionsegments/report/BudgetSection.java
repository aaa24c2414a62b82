package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retentionsegments.warehouse.BudgetQueries.Line;
import org.retentionsegments.warehouse.Warehouse;

/**
 * The report's BUDGET section: today's spread (the treatment cost of the last period, 30 days
 * unless {@code report --budget-period} says otherwise, up to the latest refresh, as
 * {@code ./segments budget} computes it) moved by measured incremental
 * revenue per unit of cost ({@link BudgetPlan} over budget_allocation), against what it buys spread
 * as today, with the intervals; which segments get more, less or nothing, and why. Without spend,
 * or without a measured lift to move it by, one sentence says so and how to get one.
 */
final class BudgetSection {

    /** The period of today's spread by default: the default of {@code ./segments budget --period}. */
    static final int PERIOD_DAYS = 30;

    /** Today's spread of the last {@code periodDays} days reallocated; {@code plan} null when nothing was spent. */
    record Budget(int periodDays, BudgetPlan plan) {

        /** No spend in the default period. */
        static final Budget NONE = new Budget(PERIOD_DAYS, null);
    }

    /** A segment's money under the plan against today; {@code verdict} is more, less, same or nothing. */
    record Change(Line line, String verdict, String why) {

        double change() {
            return line.allocated() - line.todayCost();
        }
    }

    private BudgetSection() {}

    /** Today's spread of the last {@code periodDays} days reallocated. */
    static Budget load(Warehouse w, int periodDays) {
        return new Budget(periodDays, BudgetPlan.ofTodaySpread(w, periodDays));
    }

    /** Whether the plan moves money by a measured lift: there is spend and some segment's lift is measured. */
    static boolean moves(Budget b) {
        BudgetPlan plan = b.plan();
        return plan != null && plan.lines().stream().anyMatch(l -> l.shrunkLift() != null);
    }

    /** The one sentence in place of the table when {@link #moves} is false. */
    static String none(Budget b) {
        BudgetPlan plan = b.plan();
        if (plan == null) {
            return String.format(Locale.ROOT, "No treatment cost was recorded in the %d days up to the latest refresh,"
                    + " so there is no spend to reallocate: record the treatments you send (the treatments input, with"
                    + " their cost) to see it here, or see where a budget would go with ./segments budget --amount"
                    + " 50000.", b.periodDays());
        }
        return String.format(Locale.ROOT, "%s was spent on treatments in the last %d days, but no delivered program"
                + " has a measured lift yet (its holdout's horizon has not ended), so nothing says where the money"
                + " buys more: keep a holdout and come back when its horizon has passed, or try ./segments budget"
                + " --amount 50000.", Fmt.money(plan.todaySpend()), b.periodDays());
    }

    static String intro(BudgetPlan plan) {
        String pooled = BudgetText.pooled(plan);
        return String.format(Locale.ROOT, "Today's spread, %s on treatments in the last %d days, moved to the segments"
                + " where a unit of cost buys the most measured incremental revenue (budget_allocation; ./segments"
                + " budget --amount N for another amount).", Fmt.money(plan.todaySpend()), plan.periodDays())
                + (pooled == null ? "" : " " + pooled);
    }

    /** What the moved money buys against the same money spread as today, with 95 % intervals. */
    static String outcome(BudgetPlan plan) {
        String today = "spread as today it buys " + BudgetText.buys(plan.todayRetained(), plan.todayRevenue())
                + (plan.unmeasuredSpend().isEmpty() ? ""
                        : ", plus what the unmeasured " + String.join(", ", plan.unmeasuredSpend()) + " bring");
        String left = plan.amount() - plan.allocated() >= 1 ? String.format(Locale.ROOT, ", with %s of it left over"
                + " for want of a segment that can use it", Fmt.money(plan.amount() - plan.allocated())) : "";
        return String.format(Locale.ROOT, "Moved, the same %s buys %s%s; %s.", Fmt.money(plan.amount()),
                BudgetText.buys(plan.retained(), plan.revenue()), left, today) + lessThanToday(plan);
    }

    /**
     * Why the moved money buys fewer retained customers than today's spread, when it does: the
     * segments spent on today that are never funded though their lift is measured (suppressed), and
     * money no fundable segment has room for.
     */
    static String lessThanToday(BudgetPlan plan) {
        if (plan.retained().value() >= plan.todayRetained().value()) {
            return "";
        }
        List<String> suppressed = plan.lines().stream().filter(l -> "suppressed".equals(l.reason())
                && l.todayCost() >= 0.5 && l.shrunkLift() != null).map(Line::segment).toList();
        List<String> why = new ArrayList<>();
        if (!suppressed.isEmpty()) {
            why.add("today's money reaches " + and(suppressed) + (suppressed.size() == 1
                    ? ", whose strategy suppresses it" : ", whose strategies suppress them")
                    + " (strategies.yaml) though the holdout measured a lift");
        }
        if (plan.amount() - plan.allocated() >= 1) {
            why.add("the fundable segments cannot use all of it");
        }
        return why.isEmpty() ? "" : " Moved buys less than today because " + String.join(", and ", why) + ".";
    }

    /** Every segment's change, in the plan's order (funded by rank first). */
    static List<Change> changes(BudgetPlan plan) {
        double floor = Math.max(1, 0.01 * plan.amount());
        List<Change> out = new ArrayList<>();
        for (Line l : plan.lines()) {
            double change = l.allocated() - l.todayCost();
            String verdict = l.allocated() < 0.5 ? "nothing" : change >= floor ? "more" : change <= -floor ? "less"
                    : "same";
            out.add(new Change(l, verdict, why(l)));
        }
        return out;
    }

    /** Why a segment gets what it gets, in plain words. */
    static String why(Line l) {
        if (l.reason() != null) {
            String reason = BudgetText.reason(l.reason());
            return "negative_lift".equals(l.reason()) ? reason + " (" + Fmt.points(l.liftLow()) + " to "
                    + Fmt.points(l.liftHigh()) + " pts)" : reason;
        }
        String value = String.format(Locale.ROOT, "rank %d, %s of incremental revenue per $1 of cost", l.rank(),
                Fmt.cents(l.valuePerCost()));
        if (l.allocated() < 0.5) {
            return value + "; the money runs out before it";
        }
        if (l.capacity() != null && l.allocated() >= l.capacity() - 0.5) {
            return value + "; all it can use, each reachable customer treated once per period";
        }
        return value;
    }

    /** "More for Champions: $12,000 instead of $8,000 (rank 1, ...)." */
    static String sentence(Change c) {
        String head = switch (c.verdict()) {
            case "more" -> "More for ";
            case "less" -> "Less for ";
            case "nothing" -> "Nothing for ";
            default -> "About the same for ";
        };
        return head + c.line().segment() + ": " + Fmt.money(c.line().allocated()) + " instead of "
                + Fmt.money(c.line().todayCost()) + " (" + c.why() + ").";
    }

    /**
     * A sentence per segment whose money changes or stays, then one per reason for the segments
     * with no money today or moved ("No money today or moved: Loyal, New (no measured lift).").
     */
    static List<String> sentences(BudgetPlan plan) {
        List<String> out = new ArrayList<>();
        Map<String, List<String>> idle = new LinkedHashMap<>();
        for (Change c : changes(plan)) {
            if (c.line().todayCost() < 0.5 && c.line().allocated() < 0.5) {
                idle.computeIfAbsent(c.why(), k -> new ArrayList<>()).add(c.line().segment());
            } else {
                out.add(sentence(c));
            }
        }
        idle.forEach((why, segments) -> out.add("No money today or moved: " + String.join(", ", segments) + " (" + why
                + ")."));
        return out;
    }

    static String render(Budget b) {
        StringBuilder out = new StringBuilder("BUDGET\n------\n");
        if (!moves(b)) {
            return out.append(Fmt.wrap("", "", none(b), TextReport.WIDTH)).toString();
        }
        BudgetPlan plan = b.plan();
        out.append(Fmt.wrap("", "", intro(plan), TextReport.WIDTH)).append('\n');
        out.append(String.format(Locale.ROOT, "%-22s %4s %-22s %10s %10s %10s%n", "Segment", "Rank",
                "Lift, shrunk (95 %)", "Today", "Moved", "Change"));
        for (Change c : changes(plan)) {
            Line l = c.line();
            out.append(String.format(Locale.ROOT, "%-22s %4s %-22s %10s %10s %10s%n", Fmt.left(l.segment(), 22),
                    l.rank() == null ? Fmt.NONE : l.rank().toString(), BudgetText.lift(l), Fmt.money(l.todayCost()),
                    Fmt.money(l.allocated()), signed(c.change())));
        }
        out.append('\n');
        for (String sentence : sentences(plan)) {
            out.append(Fmt.wrap("- ", "  ", sentence, TextReport.WIDTH));
        }
        return out.append(Fmt.wrap("", "", outcome(plan), TextReport.WIDTH)).toString();
    }

    static void html(StringBuilder h, Budget b) {
        h.append("<h2 id=\"budget\">Budget</h2>\n");
        if (!moves(b)) {
            h.append(Html.el("p", none(b))).append('\n');
            return;
        }
        BudgetPlan plan = b.plan();
        h.append(Html.el("p", intro(plan))).append('\n');
        h.append("<table>\n<tr><th>Segment</th><th class=\"n\">Rank</th><th class=\"n\">Lift, shrunk, pts [95 % CI]</th>"
                + "<th class=\"n\">Today</th><th class=\"n\">Moved</th><th class=\"n\">Change</th><th>Why</th></tr>\n");
        for (Change c : changes(plan)) {
            Line l = c.line();
            h.append("<tr>").append(Html.el("td", l.segment()));
            num(h, l.rank() == null ? Fmt.NONE : l.rank().toString());
            num(h, BudgetText.lift(l));
            num(h, Fmt.money(l.todayCost()));
            num(h, Fmt.money(l.allocated()));
            num(h, signed(c.change()));
            h.append(Html.el("td", c.why())).append("</tr>\n");
        }
        h.append("</table>\n").append(Html.el("p", outcome(plan))).append('\n');
    }

    /** The {@code budget} object of {@code report --json}. */
    static Map<String, Object> json(Budget b) {
        BudgetPlan plan = b.plan();
        boolean moves = moves(b);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period_days", b.periodDays());
        out.put("today_spend", plan == null ? 0.0 : plan.todaySpend());
        out.put("note", moves ? null : Fmt.spaces(none(b)));
        out.put("summary", moves ? Fmt.spaces(outcome(plan)) : null);
        out.put("plan", moves ? plan.json() : null);
        out.put("changes", !moves ? List.of() : changes(plan).stream().map(c -> JsonLine.map("segment",
                c.line().segment(), "today_cost", c.line().todayCost(), "allocated", c.line().allocated(), "change",
                c.change(), "verdict", c.verdict(), "reason", c.line().reason(), "why", Fmt.spaces(c.why()))).toList());
        return out;
    }

    /** "A", "A and B", "A, B and C". */
    private static String and(List<String> names) {
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String signed(double change) {
        return Math.abs(change) < 0.5 ? "0" : (change > 0 ? "+" : "") + Fmt.money(change);
    }

    private static void num(StringBuilder h, String text) {
        h.append("<td class=\"n\">").append(Html.escape(text)).append("</td>");
    }
}
