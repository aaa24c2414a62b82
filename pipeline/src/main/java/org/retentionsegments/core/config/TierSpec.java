package org.retentionsegments.core.config;

import java.util.Arrays;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.TierMethod;

/**
 * The tier method of one dimension and its four parameters: quantile points in (0,1) for
 * {@code quantile} and {@code distinct}, raw-value thresholds for {@code fixed} (days for recency, orders for
 * frequency, money for monetary), purchase-cycle multiples for {@code cycle}. Always four
 * strictly ascending values.
 */
public record TierSpec(TierMethod method, double[] values) {

    public static final double[] DEFAULT_POINTS = {0.2, 0.4, 0.6, 0.8};

    public TierSpec {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public static TierSpec quantile() {
        return new TierSpec(TierMethod.QUANTILE, DEFAULT_POINTS);
    }

    static TierSpec parse(YamlNode node, Dimension dimension) {
        node.allowOnly("method", "points", "thresholds", "multiples");
        String name = node.string("method", "quantile");
        TierMethod method = switch (name) {
            case "quantile" -> TierMethod.QUANTILE;
            case "fixed" -> TierMethod.FIXED;
            case "cycle" -> TierMethod.CYCLE;
            case "distinct" -> TierMethod.DISTINCT;
            default -> throw node.failAt("method", "method '" + name
                    + "' is not one of quantile, distinct, fixed, cycle");
        };
        String key = switch (method) {
            case QUANTILE, DISTINCT -> "points";
            case FIXED -> "thresholds";
            case CYCLE -> "multiples";
        };
        for (String other : new String[] {"points", "thresholds", "multiples"}) {
            if (!other.equals(key) && node.has(other)) {
                throw node.failAt(other, other + " does not apply to method " + name);
            }
        }
        if (method == TierMethod.CYCLE && dimension != Dimension.RECENCY) {
            throw node.failAt("method", "method cycle is only for recency");
        }
        if (method == TierMethod.DISTINCT && dimension == Dimension.RECENCY) {
            throw node.failAt("method", "method distinct is not for recency (use quantile, fixed or cycle)");
        }
        boolean quantiles = method == TierMethod.QUANTILE || method == TierMethod.DISTINCT;
        if (quantiles && !node.has("points")) {
            return new TierSpec(method, DEFAULT_POINTS);
        }
        if (!node.has(key)) {
            throw node.failAt("method", "method " + name + " needs " + key + " (a list of 4 numbers)");
        }
        double[] values = node.ascending(key, 4, 0);
        if (quantiles && (values[0] <= 0 || values[3] >= 1)) {
            throw node.failAt(key, "points must lie strictly between 0 and 1, got "
                    + Arrays.toString(values));
        }
        return new TierSpec(method, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierSpec t && t.method == method && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return method.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return method.label() + Arrays.toString(values);
    }
}
