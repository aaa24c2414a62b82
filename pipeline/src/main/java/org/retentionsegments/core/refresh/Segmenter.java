package org.retentionsegments.core.refresh;

import org.retentionsegments.core.Arm;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.core.cluster.RfmPoint;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.Condition;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.config.SegmentRules;
import org.retentionsegments.core.config.Strategy;
import org.retentionsegments.core.scoring.Classifier;
import org.retentionsegments.core.scoring.HoldoutHash;
import org.retentionsegments.core.scoring.TierCalculator;
import org.retentionsegments.core.segment.SegmentTable;

/**
 * Places one customer: scores against the refresh's boundaries, lifecycle, flags, segment (a
 * table lookup) and holdout arm of the segment's strategy. Stateless; used by
 * {@link CustomerRefresh} and by callers that explain a single customer.
 */
public final class Segmenter {

    private final PipelineConfig pipeline;
    private final SegmentTable table;
    private final Strategy[] strategies;
    private final ClusterModel clusterModel;
    private final ClusterModel.Placer placer;
    private final org.retentionsegments.core.config.LeadScoring leadScoring;

    public Segmenter(ConfigBundle config) {
        this.pipeline = config.pipeline();
        this.clusterModel = config.clusterModel();
        this.placer = clusterModel == null ? null : clusterModel.placer();
        this.leadScoring = config.leadScoring();
        this.table = new SegmentTable(config.segments(), pipeline.scoring());
        SegmentRules rules = config.segments();
        this.strategies = new Strategy[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            strategies[i] = config.strategies().forSegment(rules.get(i).name());
        }
    }

    public SegmentRules rules() {
        return table.rules();
    }

    public PipelineConfig pipeline() {
        return pipeline;
    }

    /** The saved model of {@code segmentation: clusters}; null in rules mode. */
    public ClusterModel clusterModel() {
        return clusterModel;
    }

    /** The lead scoring of {@code lead_scoring.yaml}. */
    public org.retentionsegments.core.config.LeadScoring leadScoring() {
        return leadScoring;
    }

    public Strategy strategy(int segment) {
        return strategies[segment];
    }

    public String segmentName(int segment) {
        return table.rules().get(segment).name();
    }

    public Placement place(CustomerFacts facts, RefreshScales scales) {
        LifecycleStage stage = Classifier.lifecycle(
                facts, scales.day(), scales.cycleDays(), pipeline.lifecycle());
        int flags = Classifier.flags(facts, scales.day(), pipeline.flags());
        Integer recency = null;
        Integer r = null;
        Integer f = null;
        Integer m = null;
        Integer lf = null;
        Integer lm = null;
        Double composite = null;
        ClusterModel.Assignment cluster = null;
        int segment;
        if (facts.hasOrdered()) {
            recency = TierCalculator.recencyDays(scales.day(), facts.lastOrderDay());
            double monetary = TierCalculator.money(TierCalculator.cents(facts.monetary()));
            r = scales.recency().score(recency);
            f = scales.frequency().score(facts.frequency());
            m = scales.monetary().score(monetary);
            lf = scales.lifetimeFrequency().score(facts.lifetimeOrders());
            lm = scales.lifetimeMonetary().score(TierCalculator.money(TierCalculator.cents(facts.lifetimeMonetary())));
            composite = pipeline.scoring().composite(r, f, m);
            int clusterLabel = Condition.NO_CLUSTER;
            if (placer != null) {
                // the values the warehouse keeps (money in cents), which the model was trained on
                cluster = placer.assign(new RfmPoint(facts.customerId(), recency, facts.frequency(), monetary));
                clusterLabel = placer.label(cluster).ordinal();
            }
            segment = segment(r, f, m, lf, lm, stage, flags, clusterLabel);
        } else {
            segment = segment(null, null, null, null, null, stage, flags, Condition.NO_CLUSTER);
        }
        return new Placement(recency, r, f, m, lf, lm, composite, stage, flags, segment, cluster);
    }

    /** Whether a customer's segment depends on the refresh day and scales only through {@link #segment(int, int, int, int, double, int, double, int, int, RefreshScales)}: without a cluster model. */
    public boolean placesFromFewFacts() {
        return placer == null;
    }

    /**
     * The segment index {@link #place} gives a customer (without a cluster model, see
     * {@link #placesFromFewFacts}), from the few facts it depends on: the order days
     * ({@link CustomerFacts#NEVER} for none), the window's frequency, monetary value in whole cents
     * as {@link TierCalculator#money} gives it, the lifetime orders and monetary value likewise, the
     * {@link Classifier#lastingFlags} and {@link Classifier#emailUnengagedFrom}.
     */
    public int segment(int firstOrderDay, int lastOrderDay, int previousOrderDay, int frequency, double monetary,
            int lifetimeOrders, double lifetimeMonetary, int lastingFlags, int emailUnengagedFrom,
            RefreshScales scales) {
        int day = scales.day();
        LifecycleStage stage = Classifier.lifecycle(firstOrderDay, lastOrderDay, previousOrderDay, day,
                scales.cycleDays(), pipeline.lifecycle());
        int flags = lastingFlags | Classifier.emailFlag(emailUnengagedFrom, day);
        if (lastOrderDay == CustomerFacts.NEVER) {
            return table.unscoredSegment(stage, flags);
        }
        return table.segment(scales.recency().score(TierCalculator.recencyDays(day, lastOrderDay)),
                scales.frequency().score(frequency), scales.monetary().score(monetary),
                scales.lifetimeFrequency().score(lifetimeOrders), scales.lifetimeMonetary().score(lifetimeMonetary),
                stage, flags, Condition.NO_CLUSTER);
    }

    /**
     * The segment index {@link #place} gives a customer with these scores (all null for one who
     * never ordered), stage, flags and cluster ({@link Condition#NO_CLUSTER} without one): the
     * lookup in the segment table, which {@code explain} checks its trace of the rules against.
     */
    public int segment(Integer r, Integer f, Integer m, Integer lf, Integer lm, LifecycleStage stage, int flags,
            int cluster) {
        return r == null ? table.unscoredSegment(stage, flags) : table.segment(r, f, m, lf, lm, stage, flags, cluster);
    }

    /**
     * The customer's holdout arm in the strategy of {@code segment}; null when that strategy runs
     * no program ({@code always_on: false}: no treatment row is ever written for it), so that no
     * audience filter on {@code arm = 'treatment'} picks up its customers. Kept out of
     * {@link #place}: the hash is the costliest step of placing a customer, and a refresh needs
     * the arm only for the customers it writes a row for.
     */
    public Arm arm(int segment, String customerId) {
        Strategy strategy = strategies[segment];
        if (!strategy.alwaysOn()) {
            return null;
        }
        return HoldoutHash.arm(strategy.salt(), customerId, strategy.holdoutShare());
    }
}
