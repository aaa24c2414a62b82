package org.retentionsegments.core.config;

/**
 * Lifecycle thresholds in purchase-cycle multiples (C = the population purchase cycle in days):
 * <ul>
 *   <li>new: the first order was at most {@code newWithin * C} days ago;</li>
 *   <li>reactivated: the gap between the last two order days exceeded {@code lapsingWithin * C}
 *       (the customer had lapsed) and recency is at most {@code activeWithin * C};</li>
 *   <li>active: recency at most {@code activeWithin * C};</li>
 *   <li>lapsing: recency at most {@code lapsingWithin * C};</li>
 *   <li>lapsed: longer than that. Prospect: never ordered.</li>
 * </ul>
 */
public record LifecycleThresholds(double newWithin, double activeWithin, double lapsingWithin) {

    static LifecycleThresholds parse(YamlNode node) {
        node.allowOnly("new_within", "active_within", "lapsing_within");
        double newWithin = node.number("new_within", 1.0, 0.01, 100);
        double activeWithin = node.number("active_within", 2.0, 0.01, 100);
        double lapsingWithin = node.number("lapsing_within", 4.0, 0.01, 100);
        if (lapsingWithin <= activeWithin) {
            throw node.failAt("lapsing_within", "lapsing_within " + YamlNode.fmt(lapsingWithin)
                    + " must be greater than active_within " + YamlNode.fmt(activeWithin));
        }
        return new LifecycleThresholds(newWithin, activeWithin, lapsingWithin);
    }
}
