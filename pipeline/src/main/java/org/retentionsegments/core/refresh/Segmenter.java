package org.retentionsegments.core.refresh;

import org.retentionsegments.core.Arm;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.config.ConfigBundle;
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

    public Segmenter(ConfigBundle config) {
        this.pipeline = config.pipeline();
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
        Double composite = null;
        int segment;
        if (facts.hasOrdered()) {
            recency = TierCalculator.recencyDays(scales.day(), facts.lastOrderDay());
            r = scales.recency().score(recency);
            f = scales.frequency().score(facts.frequency());
            m = scales.monetary().score(
                    TierCalculator.money(TierCalculator.cents(facts.monetary())));
            composite = pipeline.scoring().composite(r, f, m);
            segment = table.segment(r, f, m, stage, flags);
        } else {
            segment = table.unscoredSegment(stage, flags);
        }
        return new Placement(recency, r, f, m, composite, stage, flags, segment);
    }

    /**
     * The customer's holdout arm in the strategy of {@code segment}. Kept out of {@link #place}:
     * the hash is the costliest step of placing a customer, and a refresh needs the arm only for
     * the customers it writes a row for.
     */
    public Arm arm(int segment, String customerId) {
        Strategy strategy = strategies[segment];
        return HoldoutHash.arm(strategy.salt(), customerId, strategy.holdoutShare());
    }
}
