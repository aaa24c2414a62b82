package org.retentionsegments.report;

import static org.retentionsegments.report.JsonLine.map;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.Strategy;
import org.retentionsegments.core.segment.ContractResult;
import org.retentionsegments.report.ReportData.LiftRow;
import org.retentionsegments.report.ReportData.SegmentRow;

/**
 * {@code ./segments report --json}: the report's figures as one JSON object on one line, for
 * scripts and dashboards. Keys are the warehouse models' column names in snake_case and stay stable (the
 * command's help lists them); shares are fractions (0.25, not 25 %), money is in the input's
 * currency, days are ISO dates, a figure the warehouse does not have is null.
 */
final class ReportJson {


    private ReportJson() {}

    /** The object of a warehouse without a refresh: {@code as_of} null, no segments. */
    static String empty(String note) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", null);
        out.put("note", note.strip());
        out.put("segments", List.of());
        return JsonLine.of(out, "the report");
    }

    static String render(ReportData data, ConfigBundle config) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("warehouse", data.url());
        out.put("as_of", String.valueOf(data.asOf()));
        out.put("previous_as_of", data.previousAsOf() == null ? null : data.previousAsOf().toString());
        out.put("config", config.sources());
        out.put("customers", data.customers());
        out.put("run", run(data.run()));
        out.put("segments", ReportSegment.ordered(config, data.segments()).stream().map(ReportJson::segment).toList());
        out.put("moves", data.moves().stream().map(m -> map("from", m.from(), "to", m.to(), "customers", m.customers(),
                "share_of_from", m.shareOfFrom())).toList());
        out.put("lift", data.lift().stream().map(ReportJson::lift).toList());
        out.put("lift_cuped", data.cuped().stream().map(ReportJson::cuped).toList());
        Map<String, Object> counts = new LinkedHashMap<>();
        LiftText.byProgram(data.lift(), Comparator.naturalOrder()).forEach((program, rows) -> {
            if (rows.get(0).delivered() && LiftText.reconciliation(rows) != null) {
                counts.put(program, LiftText.reconciliation(rows));
            }
        });
        out.put("lift_counts", counts);
        out.put("contracts", data.contracts().stream().map(ReportJson::contract).toList());
        out.put("score_validation", scores(data.scores()));
        out.put("signals", signals(data.signals()));
        out.put("predicted_value", predictions(data.predictions()));
        out.put("budget", BudgetSection.json(data.budget()));
        out.put("segment_validation", ValidationText.json(data.validation()));
        return JsonLine.of(out, "the report");
    }

    private static Map<String, Object> segment(ReportSegment s) {
        SegmentRow f = s.figures();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("segment", s.name());
        out.put("defined", s.definition() != null);
        out.put("customers", s.customers());
        out.put("customer_share", f == null ? null : f.customerShare());
        out.put("revenue", f == null ? null : f.revenue());
        out.put("revenue_share", f == null ? null : f.revenueShare());
        out.put("revenue_at_risk", f == null ? null : f.revenueAtRisk());
        out.put("avg_recency_days", f == null ? null : f.avgRecencyDays());
        out.put("avg_frequency", f == null ? null : f.avgFrequency());
        out.put("avg_monetary", f == null ? null : f.avgMonetary());
        out.put("avg_lifetime_revenue", f == null ? null : f.avgLifetimeRevenue());
        out.put("top_category", f == null ? null : f.topCategory());
        out.put("strategy", strategy(s.strategy()));
        return out;
    }

    private static Map<String, Object> strategy(Strategy st) {
        if (st == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", st.name());
        out.put("priority", st.priority());
        out.put("objective", st.objective());
        out.put("channel", st.channel());
        out.put("cadence", st.cadence());
        out.put("incentive", map("type", st.incentive().type(), "depth_pct", st.incentive().depthPct(), "cap",
                st.incentive().cap()));
        out.put("suppress", st.suppress());
        out.put("always_on", st.alwaysOn());
        out.put("program_id", st.programId());
        out.put("holdout_share", st.holdoutShare());
        out.put("kpis", st.kpis());
        return out;
    }

    private static Map<String, Object> lift(LiftRow r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("program_id", r.program());
        out.put("segment", r.segment());
        out.put("horizon_days", r.horizonDays());
        out.put("measured_as", r.measuredAs());
        out.put("treated_customers", r.treated());
        out.put("holdout_customers", r.holdout());
        if (!r.delivered()) {
            // an assignment is not a contact: no retention, lift, revenue or cost is claimed
            out.put("note", LiftText.assigned(r));
            return out;
        }
        out.put("treated_retention_rate", r.treatedRate());
        out.put("holdout_retention_rate", r.holdoutRate());
        out.put("lift", r.lift());
        out.put("lift_ci_low", r.ciLow());
        out.put("lift_ci_high", r.ciHigh());
        out.put("p_value", r.pValue());
        out.put("p_value_adjusted", r.pValueAdjusted());
        out.put("incremental_retained", r.incrementalRetained());
        out.put("incremental_revenue", r.incrementalRevenue());
        out.put("incremental_revenue_ci_low", r.revenueCiLow());
        out.put("incremental_revenue_ci_high", r.revenueCiHigh());
        out.put("contact_cost", r.contactCost());
        out.put("incentive_cost", r.incentiveCost());
        out.put("cost", r.cost());
        out.put("cost_per_retained", r.costPerRetained());
        out.put("cost_per_retained_ci_low", r.costPerRetainedCiLow());
        out.put("cost_per_retained_ci_high", r.costPerRetainedCiHigh());
        return out;
    }

    private static Map<String, Object> cuped(CupedText.CupedRow r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("program_id", r.program());
        out.put("segment", r.segment());
        out.put("horizon_days", r.horizonDays());
        out.put("treated_customers", r.treated());
        out.put("holdout_customers", r.holdout());
        out.put("lift", r.lift());
        out.put("lift_se", r.liftSe());
        out.put("lift_cuped", r.liftCuped());
        out.put("lift_cuped_se", r.liftCupedSe());
        out.put("lift_cuped_ci_low", r.ciLow());
        out.put("lift_cuped_ci_high", r.ciHigh());
        out.put("theta", r.theta());
        out.put("covariate_correlation", r.correlation());
        out.put("variance_reduction", r.varianceReduction());
        return out;
    }

    private static Map<String, Object> contract(ContractResult r) {
        return map("segment", r.contract().segment(), "passed", r.passed(), "customers", r.customers(), "meeting",
                r.meeting(), "line", r.line());
    }

    private static Map<String, Object> run(ReportData.Run run) {
        if (run == null) {
            return null;
        }
        return map("run_id", run.runId(), "as_of", String.valueOf(run.asOf()), "finished", run.finished(), "inputs",
                run.inputs().stream().map(i -> map("source", i.source(), "read", i.read(), "accepted", i.accepted(),
                        "rejected", i.rejected(), "duplicates", i.duplicates())).toList());
    }

    /** signal_value at the score validation's snapshot and horizon, by rank; null when there is none. */
    private static Map<String, Object> signals(SignalText.Signals s) {
        if (s.asOf() == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", s.asOf().toString());
        out.put("horizon_days", s.horizonDays());
        out.put("ranking", s.rows().stream().map(r -> map("signal", r.signal(), "rank", r.rank(), "auc_within",
                r.aucWithin(), "auc_overall", r.aucOverall(), "strength", r.strength(), "direction", r.direction(),
                "same_for_all", r.sameForAll(), "customers", r.customers(), "pairs", r.pairs())).toList());
        return out;
    }

    private static Map<String, Object> scores(ScoreText.Validation v) {
        if (v == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", String.valueOf(v.asOf()));
        out.put("horizon_days", v.horizonDays());
        out.put("summary", v.summaries().stream().map(s -> map("dimension", s.dimension(), "customers",
                s.customers(), "retained", s.retained(), "auc", s.auc(), "spearman", s.spearman())).toList());
        out.put("values", v.values().stream().map(r -> map("dimension", r.dimension(), "score", r.score(),
                "customers", r.customers(), "retained", r.retained())).toList());
        return out;
    }

    /** The latest prediction by segment and the check of the latest whose horizon has passed; null without one. */
    private static Map<String, Object> predictions(PredictionText.Predictions p) {
        if (p == null || p.asOf() == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", p.asOf().toString());
        out.put("horizon_days", p.horizonDays());
        PredictionText.Fit f = p.fit();
        out.put("fit", f == null ? null : map("bgnbd_r", f.r(), "bgnbd_alpha", f.alpha(), "bgnbd_a", f.a(), "bgnbd_b",
                f.b(), "bgnbd_converged", f.converged(), "spend_p", f.p(), "spend_q", f.q(), "spend_gamma", f.gamma(),
                "spend_converged", f.spendConverged()));
        out.put("segments", p.segments().stream().map(s -> map("segment", s.segment(), "customers", s.customers(),
                "mean_p_alive", s.meanPAlive(), "likely_lost", s.likelyLost(), "expected_orders", s.expectedOrders(),
                "predicted_value", s.predictedValue(), "value_at_risk", s.valueAtRisk(), "value_at_risk_share",
                s.valueAtRiskShare())).toList());
        PredictionText.Check c = p.check();
        out.put("check", c == null ? null : map("as_of", c.asOf().toString(), "horizon_days", c.horizonDays(),
                "customers", c.customers(), "expected_orders", c.expectedOrders(), "actual_orders", c.actualOrders(),
                "expected_value", c.expectedValue(), "actual_revenue", c.actualRevenue(), "auc_p_alive", c.aucPAlive(),
                "auc_expected_orders", c.aucExpectedOrders()));
        return out;
    }


}
