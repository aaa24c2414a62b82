package org.retentionsegments.report;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.config.FlagThresholds;
import org.retentionsegments.core.segment.RuleTrace;
import org.retentionsegments.warehouse.CustomerQueries;

/**
 * {@code ./segments explain --json}: the explanation as one JSON object with the content of
 * {@link ExplainText}. Keys are the warehouse's column names and segments.yaml's criterion keys;
 * days are ISO dates; money is in the input's currency.
 */
public final class ExplainJson {


    private ExplainJson() {}

    public static String of(Explanation e) {
        Map<String, Object> out = new LinkedHashMap<>();
        CustomerQueries.Row row = e.row();
        out.put("customer_id", e.customer());
        out.put("as_of", row.asOf().toString());
        out.put("current", row.current());
        out.put("warehouse", e.warehouse());
        out.put("config", e.configSources());
        out.put("segment", e.segment());
        out.put("rule_position", e.rulePosition());
        out.put("config_agrees", e.configAgrees());
        out.put("config_segment", e.trace().matched().name());
        out.put("strategy", row.text("strategy"));
        out.put("arm", row.text("arm"));
        out.put("config_arm", e.configArm() == null ? null : e.configArm().label());
        CustomerQueries.Configured c = e.configured();
        out.put("program_id", c == null ? null : c.programId());
        out.put("holdout_share", c == null ? null : c.holdoutShare());
        Map<String, Object> values = new LinkedHashMap<>();
        row.columns().forEach((k, v) -> values.put(k, v instanceof Temporal ? v.toString() : v));
        out.put("values", values);
        Map<String, Object> scores = new LinkedHashMap<>();
        for (Explanation.Fit fit : e.fits()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("score", fit.stored());
            s.put("value", row.columns().get(fit.column()));
            s.put("scored_value", fit.fit() == null ? null : fit.fit().raw());
            s.put("lower_bound", fit.fit() == null ? null : fit.fit().lower());
            s.put("upper_bound", fit.fit() == null ? null : fit.fit().upper());
            s.put("boundaries_give", fit.fit() == null ? null : fit.fit().score());
            scores.put(fit.key(), s);
        }
        out.put("scores", scores);
        out.put("composite_score", row.number("composite_score"));
        out.put("rfm_cell", row.text("rfm_cell"));
        Map<String, Object> lifecycle = new LinkedHashMap<>();
        lifecycle.put("stage", row.text("lifecycle_stage"));
        CustomerQueries.Cycle cycle = e.cycle();
        if (cycle != null) {
            lifecycle.put("cycle_days", cycle.cycleDays());
            lifecycle.put("cycle_measured", cycle.measured());
            lifecycle.put("new_within_days", cycle.newWithinDays());
            lifecycle.put("active_within_days", cycle.activeWithinDays());
            lifecycle.put("lapsing_within_days", cycle.lapsingWithinDays());
        }
        out.put("lifecycle", lifecycle);
        out.put("flags", flags(e));
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put("segment", e.trace().matched().name());
        matched.put("position", e.rulePosition());
        matched.put("criteria", e.matchedCondition() == null ? "catch-all" : CriteriaText.of(e.matchedCondition()));
        matched.put("criteria_at_refresh", e.criteriaAtRefresh());
        out.put("matched_rule", matched);
        List<Object> earlier = new ArrayList<>();
        for (RuleTrace.Miss miss : e.trace().earlier()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segment", miss.segment().name());
            m.put("position", miss.segment().index() + 1);
            m.put("condition_sets", miss.conditionSets().stream().map(set -> set.stream().map(f -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("criterion", f.criterion());
                x.put("required", f.required());
                x.put("actual", f.actual());
                return x;
            }).toList()).toList());
            earlier.add(m);
        }
        out.put("earlier_rules", earlier);
        out.put("transitions", e.transitions().stream().map(t -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("as_of", t.asOf().toString());
            x.put("from_segment", t.from());
            x.put("to_segment", t.to());
            return x;
        }).toList());
        out.put("treatments", e.treatments().stream().map(t -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("program_id", t.programId());
            x.put("treated_ts", t.at().toString());
            x.put("arm", t.arm());
            x.put("segment", t.segment());
            x.put("channel", t.channel());
            x.put("cost", t.cost());
            x.put("source", t.source());
            return x;
        }).toList());
        Map<String, Object> lifetime = new LinkedHashMap<>();
        lifetime.put("orders", row.integer("lifetime_orders"));
        lifetime.put("revenue", row.number("lifetime_revenue"));
        lifetime.put("peak_window_value", row.number("peak_window_value"));
        out.put("lifetime_value", lifetime);
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("score", row.integer("lead_score"));
        lead.put("class", row.text("lead_class"));
        out.put("lead", lead);
        if (e.cluster() != null) {
            Map<String, Object> cl = new LinkedHashMap<>();
            cl.put("cluster", e.cluster().cluster());
            cl.put("label", e.cluster().label());
            cl.put("distance", e.cluster().distance());
            cl.put("model_version", e.cluster().modelVersion());
            out.put("cluster", cl);
        } else {
            out.put("cluster", null);
        }
        return JsonLine.of(out, "the explanation");
    }

    private static Map<String, Object> flags(Explanation e) {
        FlagThresholds t = e.config().pipeline().flags();
        Map<String, Object> flags = new LinkedHashMap<>();
        for (Flag flag : Flag.values()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("value", e.row().flag(flag.label()));
            switch (flag) {
                case HIGH_RETURN_RATE -> f.put("min_share", t.highReturnShare());
                case SINGLE_CHANNEL -> {
                    f.put("min_orders", t.singleChannelMinOrders());
                    f.put("min_share", t.singleChannelShare());
                }
                case DISCOUNT_DEPENDENT -> {
                    f.put("min_orders", t.discountMinOrders());
                    f.put("min_share", t.discountShare());
                }
                case EMAIL_UNENGAGED -> {
                    f.put("max_email_events_90d", t.emailMaxEvents90());
                    f.put("min_tenure_days", t.emailMinTenureDays());
                    f.put("include_unsubscribed", t.emailUnsubscribed());
                }
            }
            flags.put(flag.label(), f);
        }
        return flags;
    }
}
