package org.retentionsegments.core.config;

import java.util.List;

/**
 * The retention strategy of one segment ({@code strategies.yaml}).
 *
 * @param name the strategy's short name, written to {@code customer_segment.strategy}
 * @param channel primary channel, also written on the always-on treatment rows
 * @param highTouch human outreach (account manager, call) is reserved for this segment
 * @param suppress no paid incentive is ever sent to this segment
 * @param holdoutShare share of the segment deliberately not contacted, in [0, 0.9]
 * @param priority 1 = top priority for retention budget; unique across segments
 * @param alwaysOn entering the segment writes a treatment row for {@code programId}
 * @param atRisk the segment's window revenue counts as revenue at risk in the models (written to
 *     {@code segment_config}); the models never name segments
 * @param contactCost money per treated contact; the cost of a treatment-arm row
 * @param salt salt of the holdout hash; defaults to the program id, so one customer's draw is
 *     the same in every segment of one program
 * @param targetLift the smallest lift in retention the holdout should be able to see, a fraction
 *     (0.05 = 5 points); view {@code holdout_power} flags a segment whose holdout cannot
 * @param minSegmentSize the fewest customers the segment should hold (seed 001 section 7: 1000+);
 *     view {@code segment_validation} compares its current customers with it
 */
public record Strategy(
        String segment,
        String name,
        String objective,
        String message,
        String channel,
        String cadence,
        Incentive incentive,
        boolean highTouch,
        boolean suppress,
        double holdoutShare,
        int priority,
        boolean alwaysOn,
        boolean atRisk,
        double contactCost,
        String programId,
        List<String> kpis,
        String salt,
        double targetLift,
        int minSegmentSize) {

    /** The minimum segment size when strategies.yaml names none (seed 001 section 7: "1000+ per segment"). */
    public static final int DEFAULT_MIN_SEGMENT_SIZE = 1000;

    /** The target lift when strategies.yaml names none: 5 points of retention. */
    public static final double DEFAULT_TARGET_LIFT = 0.05;

    public Strategy {
        kpis = List.copyOf(kpis);
    }

    static Strategy parse(String segment, YamlNode node, YamlNode defaults) {
        node.allowOnly("name", "objective", "message", "channel", "cadence", "incentive",
                "high_touch", "suppress", "holdout_share", "priority", "always_on",
                "contact_cost", "program_id", "kpis", "salt", "at_risk", "target_lift", "min_segment_size");
        Incentive incentive = node.has("incentive")
                ? Incentive.parse(node.child("incentive", node.place() + ": incentive"))
                : Incentive.NONE;
        boolean suppress = node.bool("suppress", false);
        if (suppress && incentive.paid()) {
            throw node.failAt("suppress", "suppress is true but the incentive pays (depth_pct "
                    + YamlNode.fmt(incentive.depthPct()) + ", cap " + YamlNode.fmt(incentive.cap())
                    + "); a suppressed segment gets no paid incentive");
        }
        if (!node.has("priority")) {
            throw node.fail("priority is required (1 = top)");
        }
        String programId = node.string("program_id", defaults.string("program_id", "always_on"));
        List<String> kpis = node.strings("kpis");
        if (kpis.isEmpty()) {
            throw node.failAt("kpis", "kpis must name at least one measure");
        }
        return new Strategy(segment,
                node.requiredString("name"),
                node.requiredString("objective"),
                node.requiredString("message"),
                node.requiredString("channel"),
                node.requiredString("cadence"),
                incentive,
                node.bool("high_touch", false),
                suppress,
                node.number("holdout_share", defaults.number("holdout_share", 0.1, 0, 0.9), 0, 0.9),
                node.integer("priority", 0, 1, 1000),
                node.bool("always_on", defaults.bool("always_on", true)),
                node.bool("at_risk", false),
                node.number("contact_cost", defaults.number("contact_cost", 0, 0, 1e6), 0, 1e6),
                programId,
                kpis,
                node.string("salt", defaults.string("salt", programId)),
                node.number("target_lift", defaults.number("target_lift", DEFAULT_TARGET_LIFT, 0.001, 1), 0.001, 1),
                node.integer("min_segment_size", defaults.integer("min_segment_size", DEFAULT_MIN_SEGMENT_SIZE, 1,
                        100_000_000), 1, 100_000_000));
    }
}
