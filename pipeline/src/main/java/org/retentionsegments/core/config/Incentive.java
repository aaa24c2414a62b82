package org.retentionsegments.core.config;

import java.util.Set;

/**
 * The incentive policy of a strategy.
 *
 * @param type {@code none}, {@code discount}, {@code free_shipping}, {@code loyalty_points},
 *     {@code gift}, {@code early_access} or {@code credit}
 * @param depthPct depth in percent of the order value (0 for non-monetary incentives)
 * @param cap the most money one customer can receive per contact (0 = none paid)
 */
public record Incentive(String type, double depthPct, double cap) {

    public static final Set<String> TYPES = Set.of("none", "discount", "free_shipping",
            "loyalty_points", "gift", "early_access", "credit");

    public static final Incentive NONE = new Incentive("none", 0, 0);

    /** Whether the incentive costs margin (a discount, credit, points or gift of some depth). */
    public boolean paid() {
        return depthPct > 0 || cap > 0;
    }

    static Incentive parse(YamlNode node) {
        node.allowOnly("type", "depth_pct", "cap");
        String type = node.string("type", "none");
        if (!TYPES.contains(type)) {
            throw node.failAt("type", "incentive type '" + type + "' is not one of "
                    + String.join(", ", TYPES.stream().sorted().toList()));
        }
        double depth = node.number("depth_pct", 0, 0, 100);
        double cap = node.number("cap", 0, 0, 1e9);
        if (type.equals("none") && (depth > 0 || cap > 0)) {
            throw node.fail("incentive type none cannot have depth_pct or cap");
        }
        return new Incentive(type, depth, cap);
    }
}
