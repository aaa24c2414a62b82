package org.retentionsegments.report;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.exception.DataAccessException;
import org.retentionsegments.report.ReportData.Input;
import org.retentionsegments.report.ReportData.LiftRow;
import org.retentionsegments.report.ReportData.Move;
import org.retentionsegments.report.ReportData.PersonaRow;
import org.retentionsegments.report.ReportData.Run;
import org.retentionsegments.report.ReportData.SegmentRow;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseException;

/** The report's reads: the kept refreshes, then the model views of one of them. */
final class ReportQueries {

    private static final Field<LocalDate> AS_OF = field(name("as_of"), LocalDate.class);
    private static final Field<String> SEGMENT = field(name("segment"), String.class);
    private static final Table<?> SNAPSHOT = table(name("segment_snapshot"));

    private ReportQueries() {}

    /** The kept refreshes, latest first (from segment_snapshot, so it works before the models exist). */
    static List<LocalDate> keptRefreshes(Warehouse w) {
        return w.dsl().selectDistinct(AS_OF).from(SNAPSHOT).orderBy(AS_OF.desc()).fetch(AS_OF);
    }

    /**
     * The figures of the kept refresh {@code asOf}; {@code previous} is the kept refresh before it;
     * {@code contracts} the data contracts checked on it; {@code budgetDays} the period of today's spread.
     */
    static ReportData load(Warehouse w, LocalDate asOf, LocalDate previous,
            List<org.retentionsegments.core.segment.ContractResult> contracts, int budgetDays) {
        DSLContext dsl = w.dsl();
        try {
            ScoreText.Validation scores = scores(dsl);
            List<LiftRow> lift = lift(dsl);
            return new ReportData(safeUrl(w.url()), asOf, previous, segments(dsl, asOf),
                    previous == null ? List.of() : moves(dsl, asOf), lift, latestRun(dsl), leads(dsl, asOf),
                    personas(dsl), boundaries(dsl, asOf), cycle(dsl, asOf), contracts, scores,
                    predictions(dsl), power(dsl), delivered(cuped(dsl), lift), signals(dsl, scores),
                    BudgetSection.load(w, budgetDays), new org.retentionsegments.warehouse.ReviewQueries(w).segmentValidation());
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot read the report's views from " + safeUrl(w.url()) + " ("
                    + firstLine(e) + "): apply the models with ./segments models apply --warehouse URL", e);
        }
    }

    private static List<SegmentRow> segments(DSLContext dsl, LocalDate asOf) {
        Table<?> s = table(name("segment_summary")).as("s");
        Table<?> p = table(name("segment_profile")).as("p");
        return dsl.select(s("segment"), s("customers"), s("customer_share"), s("revenue"), s("revenue_share"),
                        s("revenue_at_risk"), s("avg_recency_days"), s("avg_frequency"), s("avg_monetary"),
                        p("high_return_rate_share"), p("single_channel_share"), p("discount_dependent_share"),
                        p("email_unengaged_share"), p("avg_engagement_90d"), p("top_category"),
                        p("top_category_share"), s("avg_lifetime_orders"), s("avg_lifetime_revenue"),
                        s("avg_peak_window_value"), s("top_lifetime_customers"))
                .from(s)
                .leftJoin(p).on(p("as_of").eq(s("as_of")).and(p("segment").eq(s("segment"))))
                .where(s("as_of").eq(asOf))
                .fetch(r -> new SegmentRow(r.get(0, String.class), r.get(1, Long.class), r.get(2, Double.class),
                        r.get(3, Double.class), r.get(4, Double.class), r.get(5, Double.class),
                        r.get(6, Double.class), r.get(7, Double.class), r.get(8, Double.class),
                        r.get(9, Double.class), r.get(10, Double.class), r.get(11, Double.class),
                        r.get(12, Double.class), r.get(13, Double.class), r.get(14, String.class),
                        r.get(15, Double.class), r.get(16, Double.class), r.get(17, Double.class),
                        r.get(18, Double.class), r.get(19, Long.class) == null ? 0 : r.get(19, Long.class)));
    }

    private static Field<Object> s(String column) {
        return field(name("s", column));
    }

    private static Field<Object> p(String column) {
        return field(name("p", column));
    }

    private static List<Move> moves(DSLContext dsl, LocalDate asOf) {
        return dsl.select().from(table(name("segment_transition_matrix"))).where(AS_OF.eq(asOf))
                .fetch(r -> new Move(r.get("from_segment", String.class), r.get("to_segment", String.class),
                        r.get("customers", Long.class), r.get("share_of_from_segment", Double.class)));
    }

    private static List<LiftRow> lift(DSLContext dsl) {
        return dsl.select().from(table(name("holdout_lift")))
                .fetch(r -> new LiftRow(r.get("program_id", String.class), r.get("segment", String.class),
                        r.get("horizon_days", Integer.class), r.get("treated_customers", Long.class),
                        r.get("holdout_customers", Long.class), r.get("treated_retention_rate", Double.class),
                        r.get("holdout_retention_rate", Double.class), r.get("lift", Double.class),
                        r.get("lift_ci_low", Double.class), r.get("lift_ci_high", Double.class),
                        r.get("p_value", Double.class), r.get("incremental_retained", Double.class),
                        r.get("incremental_revenue", Double.class), r.get("incremental_revenue_ci_low", Double.class),
                        r.get("incremental_revenue_ci_high", Double.class), r.get("cost", Double.class),
                        r.get("cost_per_retained_customer", Double.class), r.get("cost_per_retained_ci_low", Double.class),
                        r.get("cost_per_retained_ci_high", Double.class), r.get("p_value_adjusted", Double.class),
                        r.get("measured_as", String.class), r.get("contact_cost", Double.class),
                        r.get("incentive_cost", Double.class)));
    }

    private static List<PowerText.PowerRow> power(DSLContext dsl) {
        return dsl.select().from(table(name("holdout_power")))
                .fetch(r -> new PowerText.PowerRow(r.get("program_id", String.class), r.get("segment", String.class),
                        r.get("treated_customers", Long.class), r.get("holdout_customers", Long.class),
                        r.get("holdout_share", Double.class), r.get("minimum_detectable_lift", Double.class),
                        r.get("target_lift", Double.class), r.get("underpowered", Boolean.class),
                        r.get("holdout_share_needed", Double.class)));
    }

    /** The CUPED rows of delivered programs only: an assigned program contacted nobody, so it has no lift to adjust. */
    static List<CupedText.CupedRow> delivered(List<CupedText.CupedRow> cuped, List<LiftRow> lift) {
        java.util.Set<String> delivered = lift.stream().filter(LiftRow::delivered).map(LiftRow::program)
                .collect(java.util.stream.Collectors.toSet());
        return cuped.stream().filter(c -> delivered.contains(c.program())).toList();
    }

    private static List<CupedText.CupedRow> cuped(DSLContext dsl) {
        return dsl.select().from(table(name("holdout_lift_cuped")))
                .fetch(r -> new CupedText.CupedRow(r.get("program_id", String.class), r.get("segment", String.class),
                        r.get("horizon_days", Integer.class), r.get("treated_customers", Long.class),
                        r.get("holdout_customers", Long.class), r.get("lift", Double.class),
                        r.get("lift_se", Double.class), r.get("lift_cuped", Double.class),
                        r.get("lift_cuped_se", Double.class), r.get("lift_cuped_ci_low", Double.class),
                        r.get("lift_cuped_ci_high", Double.class), r.get("theta", Double.class),
                        r.get("covariate_correlation", Double.class), r.get("variance_reduction", Double.class)));
    }

    /** The purchase cycle of the refresh {@code asOf}, null when none was written. */
    private static org.retentionsegments.core.PurchaseCycle cycle(DSLContext dsl, LocalDate asOf) {
        return dsl.select().from(table(name("purchase_cycle"))).where(AS_OF.eq(asOf))
                .fetchOptional(r -> new org.retentionsegments.core.PurchaseCycle(asOf,
                        r.get("cycle_days", Double.class), r.get("measured", Boolean.class),
                        r.get("repeat_customers", Long.class), r.get("new_within_days", Double.class),
                        r.get("active_within_days", Double.class), r.get("lapsing_within_days", Double.class)))
                .orElse(null);
    }

    /** The score boundaries of the refresh {@code asOf}, with the customers of each score. */
    private static List<org.retentionsegments.core.ScoreBoundary> boundaries(DSLContext dsl, LocalDate asOf) {
        return dsl.select().from(table(name("score_boundary"))).where(AS_OF.eq(asOf))
                .fetch(r -> new org.retentionsegments.core.ScoreBoundary(asOf, r.get("dimension", String.class),
                        r.get("method", String.class), r.get("score", Integer.class),
                        r.get("lower_bound", Double.class), r.get("upper_bound", Double.class),
                        r.get("customers", Long.class)));
    }

    /** Customers per lead class at {@code asOf}, and lead_scoring_validation summed over its snapshots. */
    private static LeadText.Leads leads(DSLContext dsl, LocalDate asOf) {
        Field<String> leadClass = field(name("lead_class"), String.class);
        List<LeadText.ClassCount> counts = dsl.select(leadClass, DSL.count()).from(SNAPSHOT)
                .where(AS_OF.eq(asOf)).and(leadClass.isNotNull())
                .groupBy(leadClass)
                .fetch(r -> new LeadText.ClassCount(r.value1(), r.value2()));
        Field<Integer> horizon = field(name("horizon_days"), Integer.class);
        Field<Long> scored = field(name("scored"), Long.class);
        Field<Long> converted = field(name("converted"), Long.class);
        List<LeadText.Conversion> conversions = dsl.select(horizon, leadClass, DSL.sum(scored), DSL.sum(converted),
                        DSL.countDistinct(AS_OF))
                .from(table(name("lead_scoring_validation")))
                .groupBy(horizon, leadClass)
                .orderBy(horizon, leadClass)
                .fetch(r -> new LeadText.Conversion(r.value1(), r.value2(), r.value3().longValue(),
                        r.value4().longValue(), r.value5()));
        return new LeadText.Leads(counts, conversions);
    }

    /**
     * score_validation and score_validation_summary at the latest kept snapshot of their longest
     * horizon; without one, the earliest kept snapshot with scores and the last activity day. Each
     * read names the snapshot and the horizon, so the views compute that snapshot only.
     */
    private static ScoreText.Validation scores(DSLContext dsl) {
        Field<Integer> horizon = field(name("horizon_days"), Integer.class);
        Field<String> dimension = field(name("dimension"), String.class);
        Table<?> summary = table(name("score_validation_summary"));
        List<LocalDate> scored = dsl.selectDistinct(AS_OF).from(SNAPSHOT).where(field(name("r_score")).isNotNull())
                .orderBy(AS_OF.desc()).fetch(AS_OF);
        LocalDate last = dsl.select(DSL.max(field(name("activity_date"), LocalDate.class)))
                .from(table(name("activity_daily"))).fetchOne(0, LocalDate.class);
        LocalDate first = scored.isEmpty() ? null : scored.get(scored.size() - 1);
        // the earliest snapshot has had the most time: its longest horizon is the longest any has passed
        Integer days = first == null ? null
                : dsl.select(DSL.max(horizon)).from(summary).where(AS_OF.eq(first)).fetchOne(0, Integer.class);
        if (days == null) {
            return new ScoreText.Validation(null, 0, List.of(), List.of(), first, last);
        }
        for (LocalDate asOf : scored) {
            if (last != null && asOf.plusDays(days - 1).isAfter(last)) {
                continue; // its horizon is still open: the view has no row for it
            }
            List<ScoreText.Summary> summaries = dsl.select(dimension, field(name("customers"), Long.class),
                            field(name("retained"), Long.class), field(name("auc"), Double.class),
                            field(name("spearman_revenue"), Double.class))
                    .from(summary)
                    .where(AS_OF.eq(asOf)).and(horizon.eq(days))
                    .orderBy(dimension)
                    .fetch(r -> new ScoreText.Summary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
            if (summaries.isEmpty()) {
                continue;
            }
            Field<Integer> score = field(name("score"), Integer.class);
            List<ScoreText.ValueRow> values = dsl.select(dimension, score, field(name("customers"), Long.class),
                            field(name("retained"), Long.class))
                    .from(table(name("score_validation")))
                    .where(AS_OF.eq(asOf)).and(horizon.eq(days)).and(score.isNotNull())
                    .orderBy(dimension, score)
                    .fetch(r -> new ScoreText.ValueRow(r.value1(), r.value2(), r.value3(), r.value4()));
            return new ScoreText.Validation(asOf, days, values, summaries, first, last);
        }
        return new ScoreText.Validation(null, 0, List.of(), List.of(), first, last);
    }

    /** signal_value at the snapshot and horizon of the score validation, by rank; none without one. */
    private static SignalText.Signals signals(DSLContext dsl, ScoreText.Validation scores) {
        if (scores.asOf() == null) {
            return SignalText.Signals.NONE;
        }
        Field<Integer> rank = field(name("signal_rank"), Integer.class);
        Field<String> signal = field(name("signal"), String.class);
        List<SignalText.Row> rows = dsl.select(signal, field(name("customers"), Long.class),
                        field(name("pairs"), Long.class), field(name("auc_within"), Double.class),
                        field(name("auc_overall"), Double.class), field(name("strength"), Double.class),
                        field(name("direction"), String.class), rank, field(name("same_for_all"), Boolean.class))
                .from(table(name("signal_value")))
                .where(AS_OF.eq(scores.asOf())).and(field(name("horizon_days"), Integer.class).eq(scores.horizonDays()))
                .orderBy(rank, signal)
                .fetch(r -> new SignalText.Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), Boolean.TRUE.equals(r.value9())));
        return new SignalText.Signals(scores.asOf(), scores.horizonDays(), rows);
    }

    /**
     * segment_predicted_value at the latest prediction, and prediction_validation_summary at the
     * latest prediction whose horizon has passed; NONE when ./segments predict never ran.
     */
    private static PredictionText.Predictions predictions(DSLContext dsl) {
        Table<?> fits = table(name("prediction_fit"));
        Record latest = dsl.select().from(fits).orderBy(AS_OF.desc()).limit(1).fetchOne();
        if (latest == null) {
            return PredictionText.Predictions.NONE;
        }
        LocalDate asOf = latest.get("as_of", LocalDate.class);
        List<PredictionText.SegmentValue> segments = dsl.select().from(table(name("segment_predicted_value")))
                .where(AS_OF.eq(asOf))
                .orderBy(field(name("value_at_risk")).desc().nullsLast(), SEGMENT)
                .fetch(r -> new PredictionText.SegmentValue(r.get("segment", String.class),
                        r.get("customers", Long.class), r.get("mean_p_alive", Double.class),
                        r.get("likely_lost", Long.class), r.get("expected_orders", Double.class),
                        r.get("predicted_value", Double.class), r.get("value_at_risk", Double.class),
                        r.get("value_at_risk_share", Double.class)));
        PredictionText.Check check = dsl.select().from(table(name("prediction_validation_summary")))
                .orderBy(AS_OF.desc()).limit(1)
                .fetchOptional(r -> new PredictionText.Check(r.get("as_of", LocalDate.class),
                        r.get("horizon_days", Integer.class), r.get("customers", Long.class),
                        r.get("expected_orders", Double.class), r.get("actual_orders", Long.class),
                        r.get("expected_value", Double.class), r.get("actual_revenue", Double.class),
                        r.get("auc_p_alive", Double.class), r.get("auc_expected_orders", Double.class)))
                .orElse(null);
        PredictionText.Fit fit = new PredictionText.Fit(latest.get("bgnbd_r", Double.class),
                latest.get("bgnbd_alpha", Double.class), latest.get("bgnbd_a", Double.class),
                latest.get("bgnbd_b", Double.class), latest.get("bgnbd_converged", Boolean.class),
                latest.get("spend_p", Double.class), latest.get("spend_q", Double.class),
                latest.get("spend_gamma_scale", Double.class), latest.get("spend_converged", Boolean.class));
        return new PredictionText.Predictions(asOf, latest.get("horizon_days", Integer.class), fit, segments, check);
    }

    /** Every row of segment_persona (one per segment of the current refresh). */
    private static List<PersonaRow> personas(DSLContext dsl) {
        return dsl.select().from(table(name("segment_persona"))).orderBy(SEGMENT).fetch(ReportQueries::persona);
    }

    private static PersonaRow persona(Record r) {
        List<ReportData.Share> categories = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            share(categories, r, "top_category_" + i, "top_category_" + i + "_share");
        }
        List<ReportData.Share> channel = new ArrayList<>();
        share(channel, r, "top_channel", "top_channel_share");
        List<ReportData.Share> engagements = new ArrayList<>();
        share(engagements, r, "top_engagement_1", "top_engagement_1_share");
        share(engagements, r, "top_engagement_2", "top_engagement_2_share");
        List<ReportData.Share> countries = new ArrayList<>();
        share(countries, r, "top_country_1", "top_country_1_share");
        share(countries, r, "top_country_2", "top_country_2_share");
        List<ReportData.Share> leads = new ArrayList<>();
        for (String leadClass : List.of("cold", "warm", "hot", "sales_ready")) {
            Double share = r.get("lead_" + leadClass + "_share", Double.class);
            if (share != null) {
                leads.add(new ReportData.Share(leadClass, share));
            }
        }
        return new PersonaRow(r.get("as_of", LocalDate.class), r.get("segment", String.class),
                r.get("customers", Long.class), r.get("customers_with_orders", Long.class),
                r.get("median_recency_days", Double.class), r.get("median_frequency", Double.class),
                r.get("avg_order_value", Double.class), r.get("median_tenure_days", Double.class), categories,
                channel.isEmpty() ? null : channel.get(0), engagements, r.get("engaged_90d_share", Double.class),
                r.get("avg_discount_share", Double.class), r.get("avg_return_share", Double.class),
                r.get("email_consent_share", Double.class), r.get("email_consent_unknown_share", Double.class),
                r.get("lead_scored", Long.class), r.get("avg_lead_score", Double.class), leads, countries);
    }

    private static void share(List<ReportData.Share> into, Record r, String value, String share) {
        String v = r.get(value, String.class);
        if (v != null) {
            into.add(new ReportData.Share(v, r.get(share, Double.class)));
        }
    }

    /** The run that started last, with one input row per source. */
    private static Run latestRun(DSLContext dsl) {
        Table<?> runs = table(name("refresh_run"));
        Field<String> runId = field(name("run_id"), String.class);
        Field<LocalDateTime> started = field(name("started_at"), LocalDateTime.class);
        Field<LocalDateTime> finished = field(name("finished_at"), LocalDateTime.class);
        Record latest = dsl.select(runId, AS_OF, finished).from(runs).orderBy(started.desc(), runId.desc()).limit(1)
                .fetchOne();
        if (latest == null) {
            return null;
        }
        List<Input> inputs = dsl.select().from(runs).where(runId.eq(latest.get(runId)))
                .orderBy(field(name("source")))
                .fetch(r -> new Input(r.get("source", String.class), r.get("read_rows", Long.class),
                        r.get("accepted", Long.class), r.get("rejected", Long.class), r.get("duplicates", Long.class)));
        return new Run(latest.get(runId), latest.get(AS_OF), latest.get(finished) != null, inputs);
    }

    /** The URL without its password. */
    static String safeUrl(String url) {
        return Warehouse.displayUrl(url);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
