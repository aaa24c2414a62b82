package org.retentionsegments.report;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.config.FlagThresholds;
import org.retentionsegments.core.segment.RuleTrace;
import org.retentionsegments.core.segment.ScoreFit;
import org.retentionsegments.warehouse.CustomerQueries;
import org.retentionsegments.warehouse.CustomerQueries.Row;

/** {@code ./segments explain} in words a marketer reads: one customer, one refresh, aligned in columns. */
public final class ExplainText {

    private static final int LABEL = 22;
    private static final int WIDTH = 110;

    private ExplainText() {}

    public static String of(Explanation e) {
        Row row = e.row();
        StringBuilder out = new StringBuilder();
        line(out, "CUSTOMER", e.customer() + "   as of " + row.asOf()
                + (row.current() ? " (current segment)" : " (a kept refresh)") + "   " + e.warehouse());
        CustomerQueries.Configured configured = e.configured();
        line(out, "SEGMENT", e.segment() + (e.configAgrees() ? "   (rule " + e.rulePosition() + " of segments.yaml)"
                : configured != null && configured.order() != null
                        ? "   (rule " + configured.order() + " of the run's segments.yaml)" : ""));
        line(out, "STRATEGY", strategy(e));
        if (!e.configAgrees()) {
            out.append(Fmt.wrap("warning: ", "  ", "the configuration given (" + e.configSources()
                    + ") puts this customer in " + e.trace().matched().name() + ", the run put it in " + e.segment()
                    + ": the rules below are those of the configuration given; pass the run's with --config DIR",
                    WIDTH));
        }
        values(out, e);
        out.append('\n');
        out.append(Fmt.wrap(Fmt.left("LIFECYCLE", LABEL), " ".repeat(LABEL), lifecycle(e), WIDTH));
        flags(out, e);
        why(out, e);
        history(out, e);
        out.append('\n');
        line(out, "LIFETIME VALUE", row.integer("lifetime_orders") == null ? Fmt.NONE
                : Fmt.cents(row.number("lifetime_revenue")) + " net over " + orders(row.integer("lifetime_orders"))
                        + "; peak window value " + Fmt.cents(row.number("peak_window_value")));
        line(out, "LEAD SCORE", row.integer("lead_score") == null ? Fmt.NONE + " (not scored)"
                : row.integer("lead_score") + " of 100, " + row.text("lead_class"));
        line(out, "CLUSTER", e.cluster() == null ? Fmt.NONE + " (no cluster model placed this customer)"
                : e.cluster().label() + " (cluster " + e.cluster().cluster() + ", model " + e.cluster().modelVersion()
                        + ")");
        return Fmt.spaces(out.toString());
    }

    private static String strategy(Explanation e) {
        Row row = e.row();
        String arm = row.text("arm");
        CustomerQueries.Configured c = e.configured();
        return (row.text("strategy") == null ? Fmt.NONE : row.text("strategy"))
                + "   arm " + (arm == null ? "none (the strategy runs no program)" : arm)
                + (c == null || c.programId() == null ? "" : "   program " + c.programId()
                        + (c.holdoutShare() == null ? "" : ", " + Fmt.pct0(c.holdoutShare()) + " held out"));
    }

    private static void values(StringBuilder out, Explanation e) {
        Row row = e.row();
        out.append('\n').append(Fmt.left("VALUES AND SCORES", LABEL)).append(Fmt.left("value", 15))
                .append(Fmt.left("score", 14)).append("tier at this refresh\n");
        for (Explanation.Fit fit : e.fits()) {
            out.append("  ").append(Fmt.left(label(fit.key()), LABEL - 2))
                    .append(Fmt.left(value(fit.fit() == null ? null : fit.fit().dimension(), row.number(fit.column())),
                            15))
                    .append(Fmt.left(scoreLabel(fit.key()) + " " + fit.stored(), 14))
                    .append(bucket(fit)).append('\n');
        }
        if (e.fits().isEmpty()) {
            out.append("  never ordered: no recency, frequency or monetary score\n");
        } else {
            line(out, "  composite", Fmt.dec1(row.number("composite_score")) + "   cell " + row.text("rfm_cell"));
        }
    }

    private static void flags(StringBuilder out, Explanation e) {
        Row row = e.row();
        FlagThresholds t = e.config().pipeline().flags();
        out.append("FLAGS\n");
        flag(out, row, Flag.HIGH_RETURN_RATE, "returns " + Fmt.pct0(row.number("return_share"))
                + " of the window's gross; set at " + Fmt.pct0(t.highReturnShare()) + " or more");
        flag(out, row, Flag.SINGLE_CHANNEL, "top channel " + or(row.text("top_channel")) + "; set at "
                + t.singleChannelMinOrders() + "+ orders with a channel, " + Fmt.pct0(t.singleChannelShare())
                + " or more in one");
        flag(out, row, Flag.DISCOUNT_DEPENDENT, Fmt.pct0(row.number("discount_share")) + " of "
                + orders(row.integer("lifetime_orders")) + " ever discounted; set at " + t.discountMinOrders()
                + "+ orders, " + Fmt.pct0(t.discountShare()) + " or more");
        flag(out, row, Flag.EMAIL_UNENGAGED, row.text("engagement_90d") + " engagement events in 90 days; set at "
                + t.emailMaxEvents90() + " or fewer email opens and clicks, known " + t.emailMinTenureDays()
                + "+ days" + (t.emailUnsubscribed() ? ", or unsubscribed" : ""));
    }

    private static void why(StringBuilder out, Explanation e) {
        ScoreUnits units = ScoreUnits.of(e.boundaries(), e.config().pipeline().windowDays());
        int width = LABEL;
        for (RuleTrace.Miss miss : e.trace().earlier()) {
            width = Math.max(width, miss.segment().name().length() + 7);
        }
        String indent = " ".repeat(width);
        out.append("\nWHY ").append(e.trace().matched().name()).append('\n');
        out.append(Fmt.wrap(Fmt.left("  matched", width), indent, e.matchedCondition() == null
                ? "everyone no earlier rule matched (the catch-all)" : CriteriaText.of(e.matchedCondition(), units),
                WIDTH));
        if (e.trace().earlier().isEmpty()) {
            out.append(Fmt.left("  earlier rules", width)).append("none: it is the first rule\n");
        }
        for (RuleTrace.Miss miss : e.trace().earlier()) {
            String name = "  " + (miss.segment().index() + 1) + " " + miss.segment().name();
            List<String> sets = miss.conditionSets().stream().map(set -> failures(set, units)).toList();
            out.append(Fmt.wrap(Fmt.left(name, width), indent, "not: " + String.join("; nor ", sets), WIDTH));
        }
    }

    private static void history(StringBuilder out, Explanation e) {
        out.append("\nLAST SEGMENT CHANGES\n");
        if (e.transitions().isEmpty()) {
            out.append("  none recorded\n");
        }
        for (CustomerQueries.Transition tr : e.transitions()) {
            out.append("  ").append(tr.asOf()).append("  ").append(tr.from() == null ? "(first seen)" : tr.from())
                    .append(" -> ").append(tr.to()).append('\n');
        }
        out.append("LAST PROGRAM ENTRIES\n");
        if (e.treatments().isEmpty()) {
            out.append("  none recorded\n");
        }
        for (CustomerQueries.Entry en : e.treatments()) {
            out.append("  ").append(en.at().toLocalDate()).append("  ").append(Fmt.left(en.programId(), 20))
                    .append(Fmt.left(en.arm(), 11)).append("in ").append(or(en.segment()))
                    .append(en.channel() == null ? "" : ", " + en.channel())
                    .append(en.cost() == null ? "" : ", cost " + Fmt.cents(en.cost()))
                    .append(", ").append(en.source().replace('_', '-')).append('\n');
        }
    }

    /** One condition set's failed criteria: {@code F is 1 (needs 4-5: 3+ orders in 365 days)}. */
    private static String failures(List<RuleTrace.Failure> failures, ScoreUnits units) {
        return String.join(", ", failures.stream().map(f -> {
            String needs = f.required();
            if (f.allowed() != 0) {
                String inUnits = units.describe(dimension(f.criterion()), f.allowed() & 0b111110);
                needs += inUnits == null ? "" : (inUnits.startsWith("empty") ? ", " : ": ") + inUnits;
            }
            String name = f.allowed() != 0 ? scoreLabel(f.criterion()) : Fmt.words(f.criterion());
            return name + " is " + f.actual() + " (needs " + needs + ")";
        }).toList());
    }

    private static String dimension(String key) {
        return switch (key) {
            case "r" -> "recency";
            case "f" -> "frequency";
            case "m" -> "monetary";
            default -> key.replace("_f", "_frequency").replace("_m", "_monetary");
        };
    }

    /** {@code R}, {@code F}, {@code M}, {@code lifetime F}, {@code lifetime M}. */
    private static String scoreLabel(String key) {
        return key.startsWith("lifetime_") ? "lifetime " + key.substring(9).toUpperCase(Locale.ROOT)
                : key.toUpperCase(Locale.ROOT);
    }

    private static String label(String key) {
        return switch (key) {
            case "r" -> "recency";
            case "f" -> "frequency";
            case "m" -> "monetary";
            case "lifetime_f" -> "lifetime orders";
            default -> "lifetime revenue";
        };
    }

    private static String value(Dimension d, Double raw) {
        if (raw == null || d == null) {
            return Fmt.NONE;
        }
        return switch (d) {
            case RECENCY -> Math.round(raw) + " days";
            case FREQUENCY, LIFETIME_FREQUENCY -> orders((int) Math.round(raw));
            default -> Fmt.cents(raw);
        };
    }

    private static String bucket(Explanation.Fit fit) {
        ScoreFit f = fit.fit();
        if (f == null) {
            return "no boundaries written for this refresh";
        }
        String lower = f.lower() == null ? null : amount(f.dimension(), f.lower());
        String upper = f.upper() == null ? null : amount(f.dimension(), f.upper());
        String range = lower == null ? "up to " + upper : upper == null ? "over " + lower
                : "over " + lower + ", up to " + upper;
        return range + (f.score() == fit.stored() ? "" : "   (these boundaries give " + f.score()
                + ": the row was scored otherwise)");
    }

    private static String amount(Dimension d, double v) {
        if (d.money()) {
            return Fmt.cents(v);
        }
        return Fmt.plain(v) + (d == Dimension.RECENCY ? " days" : v == 1 ? " order" : " orders");
    }

    /** The stage and why, in days, from the refresh's purchase cycle. */
    private static String lifecycle(Explanation e) {
        Row row = e.row();
        String stage = row.text("lifecycle_stage");
        CustomerQueries.Cycle c = e.cycle();
        if (c == null) {
            return stage + " (no purchase cycle written for this refresh)";
        }
        Integer recency = row.integer("recency_days");
        Object first = row.columns().get("first_order_date");
        String why = switch (stage) {
            case "prospect" -> "never ordered";
            case "new" -> first instanceof java.time.LocalDate d
                    ? "first order " + ChronoUnit.DAYS.between(d, row.asOf()) + " days ago, within " + days(c.newWithinDays())
                    : "first order within " + days(c.newWithinDays());
            case "active" -> "last order " + recency + " days ago, within " + days(c.activeWithinDays());
            case "reactivated" -> "last order " + recency + " days ago, within " + days(c.activeWithinDays())
                    + ", after a gap of more than " + days(c.lapsingWithinDays());
            case "lapsing" -> "last order " + recency + " days ago: more than " + days(c.activeWithinDays())
                    + ", at most " + days(c.lapsingWithinDays());
            default -> "last order " + recency + " days ago: more than " + days(c.lapsingWithinDays());
        };
        return stage + ": " + why + ". Purchase cycle " + Fmt.dec1(c.cycleDays()) + " days"
                + (c.measured() ? "" : " (the default: too few repeat customers)") + "; new = first order in the last "
                + days(c.newWithinDays()) + ", active = last order in the last " + days(c.activeWithinDays())
                + ", lapsing = in the last " + days(c.lapsingWithinDays()) + ", lapsed = longer.";
    }

    private static String days(double days) {
        return Fmt.plain(Math.round(days * 10) / 10.0) + " days";
    }

    private static String orders(Integer n) {
        return n == null ? Fmt.NONE : n + (n == 1 ? " order" : " orders");
    }

    private static void flag(StringBuilder out, Row row, Flag flag, String detail) {
        out.append(Fmt.wrap("  " + Fmt.left(Fmt.words(flag.label()), LABEL - 2)
                + Fmt.left(row.flag(flag.label()) ? "yes" : "no", 6), " ".repeat(LABEL + 6), detail, WIDTH));
    }

    private static String or(String text) {
        return text == null ? Fmt.NONE : text;
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append(Fmt.left(label, LABEL)).append(text).append('\n');
    }
}
