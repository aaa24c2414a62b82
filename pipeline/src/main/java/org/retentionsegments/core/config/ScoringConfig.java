package org.retentionsegments.core.config;

import org.retentionsegments.core.Dimension;

/**
 * Tier methods per dimension (window R, F, M and lifetime F, M) and the composite weights. The composite score is the weighted mean
 * {@code (wr*R + wf*F + wm*M) / (wr + wf + wm)}, so it stays on the 1-5 scale.
 */
public record ScoringConfig(
        TierSpec recency, TierSpec frequency, TierSpec monetary,
        TierSpec lifetimeFrequency, TierSpec lifetimeMonetary,
        double weightR, double weightF, double weightM) {

    public TierSpec tier(Dimension dimension) {
        return switch (dimension) {
            case RECENCY -> recency;
            case FREQUENCY -> frequency;
            case MONETARY -> monetary;
            case LIFETIME_FREQUENCY -> lifetimeFrequency;
            case LIFETIME_MONETARY -> lifetimeMonetary;
        };
    }

    /** The weighted mean of the three scores, on the 1-5 scale. */
    public double composite(int r, int f, int m) {
        return (weightR * r + weightF * f + weightM * m) / (weightR + weightF + weightM);
    }

    static ScoringConfig parse(YamlNode node) {
        node.allowOnly("recency", "frequency", "monetary", "lifetime_frequency", "lifetime_monetary", "weights");
        YamlNode weights = node.child("weights").allowOnly("r", "f", "m");
        double r = weights.number("r", 1, 0, 1000);
        double f = weights.number("f", 1, 0, 1000);
        double m = weights.number("m", 1, 0, 1000);
        if (r + f + m <= 0) {
            throw weights.fail("at least one weight must be positive");
        }
        return new ScoringConfig(
                TierSpec.parse(node.child("recency"), Dimension.RECENCY),
                TierSpec.parse(node.child("frequency"), Dimension.FREQUENCY),
                TierSpec.parse(node.child("monetary"), Dimension.MONETARY),
                TierSpec.parse(node.child("lifetime_frequency"), Dimension.LIFETIME_FREQUENCY),
                TierSpec.parse(node.child("lifetime_monetary"), Dimension.LIFETIME_MONETARY),
                r, f, m);
    }
}
