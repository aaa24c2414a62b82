package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.cluster.ClusterLabel;
import org.retentionsegments.core.config.Condition;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.refresh.Segmenter;
import org.retentionsegments.core.segment.RuleTrace;
import org.retentionsegments.core.segment.ScoreFit;
import org.retentionsegments.warehouse.CustomerQueries;
import org.retentionsegments.warehouse.CustomerQueries.Row;

/**
 * Why one customer is in its segment at one refresh ({@code ./segments explain}): its row, where
 * each raw value fell among the refresh's boundaries, the purchase cycle's lifecycle thresholds,
 * the trace of the segment rules ({@link RuleTrace}) over its scores, lifecycle, flags and cluster,
 * and its strategy, arm, transitions and treatments. {@code configSegment} is where the rules of
 * {@code config} put it: the run's segment when the configuration is the one the run used.
 *
 * @param boundaries the refresh's score_boundary rows
 * @param fits one per scored dimension (none for a prospect), with the score the row holds
 * @param configArm the arm the holdout hash of {@code config} gives (null when its strategy runs no program)
 */
public record Explanation(
        String customer,
        Row row,
        String warehouse,
        String configSources,
        ConfigBundle config,
        List<ScoreBoundary> boundaries,
        List<Fit> fits,
        CustomerQueries.Cycle cycle,
        RuleTrace.Trace trace,
        Condition matchedCondition,
        String criteriaAtRefresh,
        CustomerQueries.Configured configured,
        Arm configArm,
        List<CustomerQueries.Transition> transitions,
        List<CustomerQueries.Entry> treatments,
        CustomerQueries.Cluster cluster) {

    /** A raw value, the score the row holds for it, and where the boundaries put it. */
    public record Fit(String key, String column, String scoreColumn, Integer stored, ScoreFit fit) {}

    /** The dimensions explained: score key, raw column, score column. */
    private static final String[][] SCORED = {
        {"r", "recency_days", "r_score"},
        {"f", "frequency", "f_score"},
        {"m", "monetary", "m_score"},
        {"lifetime_f", "lifetime_orders", "lifetime_f_score"},
        {"lifetime_m", "lifetime_revenue", "lifetime_m_score"},
    };

    private static final Dimension[] DIMENSIONS = {Dimension.RECENCY, Dimension.FREQUENCY, Dimension.MONETARY,
        Dimension.LIFETIME_FREQUENCY, Dimension.LIFETIME_MONETARY};

    /**
     * What the warehouse holds around the customer's row at its refresh.
     *
     * @param boundaries the refresh's score_boundary rows
     * @param cycle the refresh's purchase cycle; null when none was written
     * @param criteria the segment's rule in words at the refresh (segment_criteria); null when not kept
     * @param configured the segment's row of segment_config; null when there is none
     * @param cluster the customer's cluster at the refresh; null without one
     */
    public record Around(List<ScoreBoundary> boundaries, CustomerQueries.Cycle cycle, String criteria,
            CustomerQueries.Configured configured, List<CustomerQueries.Transition> transitions,
            List<CustomerQueries.Entry> treatments, CustomerQueries.Cluster cluster) {

        /** Reads them for {@code row} with {@code q}; the cluster by the model of {@code config} first. */
        public static Around read(CustomerQueries q, Row row, ConfigBundle config) {
            String customer = row.text("customer_id");
            String segment = row.text("segment");
            return new Around(q.boundaries(row.asOf()), q.cycle(row.asOf()), q.criteria(row.asOf(), segment),
                    q.configured(segment), q.transitions(customer, row.asOf()), q.treatments(customer, row.asOf()),
                    q.cluster(customer, row.asOf(), config.clusterModel() == null ? null
                            : config.clusterModel().version()));
        }
    }

    /** The explanation of {@code row}, the customer's row at a refresh, from the warehouse and {@code config}. */
    public static Explanation of(CustomerQueries q, String warehouse, ConfigBundle config, Row row) {
        return of(warehouse, config, row, Around.read(q, row, config));
    }

    /** The explanation of {@code row} with what the warehouse holds around it, by {@code config}'s rules. */
    public static Explanation of(String warehouse, ConfigBundle config, Row row, Around around) {
        String customer = row.text("customer_id");
        List<Fit> fits = new ArrayList<>();
        for (int i = 0; i < SCORED.length; i++) {
            Double raw = row.number(SCORED[i][1]);
            Integer stored = row.integer(SCORED[i][2]);
            if (raw == null || stored == null) {
                continue;
            }
            // lifetime monetary is scored on the net amount floored at zero
            double value = DIMENSIONS[i] == Dimension.LIFETIME_MONETARY ? Math.max(0.0, raw) : raw;
            fits.add(new Fit(SCORED[i][0], SCORED[i][1], SCORED[i][2], stored,
                    ScoreFit.of(DIMENSIONS[i], around.boundaries(), value)));
        }
        // as the refresh: a cluster only counts in clusters mode, where the configuration has a model
        RuleTrace.Inputs inputs = inputs(row, config.clusterModel() == null ? null : around.cluster());
        RuleTrace.Trace trace = RuleTrace.of(config.segments(), inputs);
        Condition matched = trace.matched().when().stream()
                .filter(c -> RuleTrace.failures(c, inputs).isEmpty()).findFirst().orElse(null);
        Segmenter segmenter = new Segmenter(config);
        int placed = segmenter.segment(inputs.r(), inputs.f(), inputs.m(), inputs.lifetimeF(), inputs.lifetimeM(),
                inputs.stage(), inputs.flags(), inputs.cluster());
        if (placed != trace.matched().index()) {
            throw new IllegalStateException("the rules traced put customer " + customer + " in "
                    + trace.matched().name() + " but the refresh's segment table puts it in "
                    + segmenter.segmentName(placed) + ": report this with the configuration");
        }
        Arm arm = segmenter.arm(trace.matched().index(), customer);
        return new Explanation(customer, row, warehouse, config.sources(), config, around.boundaries(), fits,
                around.cycle(), trace, matched, around.criteria(), around.configured(), arm, around.transitions(),
                around.treatments(), around.cluster());
    }

    /** What the rules see of the customer, as the row holds it. */
    static RuleTrace.Inputs inputs(Row row, CustomerQueries.Cluster cluster) {
        int flags = 0;
        for (Flag flag : Flag.values()) {
            flags |= row.flag(flag.label()) ? flag.bit() : 0;
        }
        int label = Condition.NO_CLUSTER;
        if (cluster != null) {
            label = ClusterLabel.of(cluster.label()).ordinal();
        }
        Integer f = row.integer("f_score");
        Integer m = row.integer("m_score");
        Integer lf = row.integer("lifetime_f_score");
        Integer lm = row.integer("lifetime_m_score");
        // rows written before lifetime scores existed (V0018) lack them: the rules then took the window's
        return new RuleTrace.Inputs(row.integer("r_score"), f, m, lf == null ? f : lf, lm == null ? m : lm,
                row.number("composite_score"), LifecycleStage.parse(row.text("lifecycle_stage")), flags, label);
    }

    /** The segment the run put the customer in. */
    public String segment() {
        return row.text("segment");
    }

    /** Whether the rules of the configuration given put the customer where the run did. */
    public boolean configAgrees() {
        return trace.matched().name().equals(segment());
    }

    /** The 1-based position of the matched rule in segments.yaml. */
    public int rulePosition() {
        return trace.matched().index() + 1;
    }
}
