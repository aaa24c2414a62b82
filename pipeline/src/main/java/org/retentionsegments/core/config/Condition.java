package org.retentionsegments.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.cluster.ClusterLabel;

/**
 * One set of conditions of a segment rule; all of them must hold. Scores are allowed-value bit
 * masks (bit s for score s); a condition on any score or on the composite never matches a
 * customer without scores (a prospect).
 *
 * <p>YAML: {@code r}, {@code f}, {@code m} (window scores) and {@code lifetime_f},
 * {@code lifetime_m} (scores of the orders and money of the customer's whole history): a score
 * {@code 5}, a range {@code "4-5"} or a list {@code [1, 2]}; {@code composite}: a range {@code "3.5-5"}; {@code lifecycle}: a stage or a
 * list of stages; {@code flags}: a mapping of flag to the required boolean; {@code cluster}: a
 * cluster label of the saved model ({@code Reward}, {@code Retain}, {@code Nurture},
 * {@code Re-Engage}) or outlier group ({@code PAMPER}, {@code UPSELL}, {@code DELIGHT}), or a list
 * of them, which only a run with {@code segmentation: clusters} gives a customer (never a prospect).
 *
 * @param clusters bit mask of {@link ClusterLabel#ordinal()}s; {@link #ANY_CLUSTER} when not asked
 */
public record Condition(
        int rScores, int fScores, int mScores, int lfScores, int lmScores,
        double compositeMin, double compositeMax,
        Set<LifecycleStage> lifecycle,
        int flagsSet, int flagsClear, boolean needsScores, int clusters) {

    public static final int ANY_SCORE = 0b111110;

    /** No condition on the cluster: also matches a customer without one. */
    public static final int ANY_CLUSTER = -1;

    /** The value of {@code cluster} in {@link #matches} for a customer without a cluster. */
    public static final int NO_CLUSTER = -1;

    public Condition {
        lifecycle = Set.copyOf(lifecycle);
    }

    /**
     * Whether a customer with these scores (all null for a prospect) and no cluster meets every
     * condition; its lifetime scores taken equal to its window scores.
     */
    public boolean matches(Integer r, Integer f, Integer m, Double composite,
            LifecycleStage stage, int flags) {
        return matches(r, f, m, f, m, composite, stage, flags, NO_CLUSTER);
    }

    /** As {@link #matches(Integer, Integer, Integer, Double, LifecycleStage, int)}, in a cluster. */
    public boolean matches(Integer r, Integer f, Integer m, Double composite,
            LifecycleStage stage, int flags, int cluster) {
        return matches(r, f, m, f, m, composite, stage, flags, cluster);
    }

    /** Whether the rule conditions on the lifetime scores. */
    public boolean usesLifetime() {
        return lfScores != ANY_SCORE || lmScores != ANY_SCORE;
    }

    /**
     * Whether a customer with these window scores, lifetime scores ({@code lf}, {@code lm}) and
     * cluster ({@link ClusterLabel#ordinal()}, or {@link #NO_CLUSTER}) meets every condition.
     */
    public boolean matches(Integer r, Integer f, Integer m, Integer lf, Integer lm, Double composite,
            LifecycleStage stage, int flags, int cluster) {
        if (clusters != ANY_CLUSTER && (cluster == NO_CLUSTER || (clusters & (1 << cluster)) == 0)) {
            return false;
        }
        if (needsScores) {
            if (r == null || f == null || m == null || lf == null || lm == null || composite == null) {
                return false;
            }
            if ((rScores & (1 << r)) == 0 || (fScores & (1 << f)) == 0
                    || (mScores & (1 << m)) == 0 || (lfScores & (1 << lf)) == 0 || (lmScores & (1 << lm)) == 0
                    || composite < compositeMin || composite > compositeMax) {
                return false;
            }
        }
        return lifecycle.contains(stage)
                && (flags & flagsSet) == flagsSet && (flags & flagsClear) == 0;
    }

    static Condition parse(YamlNode node) {
        node.allowOnly("r", "f", "m", "lifetime_f", "lifetime_m", "composite", "lifecycle", "flags", "cluster");
        boolean scored = node.has("r") || node.has("f") || node.has("m") || node.has("lifetime_f")
                || node.has("lifetime_m") || node.has("composite");
        double[] composite = {1, 5};
        if (node.has("composite")) {
            composite = range(node, "composite", node.written("composite"));
        }
        EnumSet<LifecycleStage> stages = node.has("lifecycle") ? stages(node) : EnumSet.allOf(LifecycleStage.class);
        int[] flags = flags(node);
        return new Condition(scores(node, "r"), scores(node, "f"), scores(node, "m"),
                scores(node, "lifetime_f"), scores(node, "lifetime_m"), composite[0], composite[1], stages, flags[0], flags[1], scored, clusters(node));
    }

    /** The stages the {@code lifecycle} key lists (one stage or a list); empty when it is absent. */
    static EnumSet<LifecycleStage> stages(YamlNode node) {
        EnumSet<LifecycleStage> stages = EnumSet.noneOf(LifecycleStage.class);
        for (String label : node.strings("lifecycle")) {
            try {
                stages.add(LifecycleStage.parse(label));
            } catch (IllegalArgumentException e) {
                throw node.failAt("lifecycle", "lifecycle '" + label + "' is not one of prospect, new, "
                        + "active, lapsing, lapsed, reactivated");
            }
        }
        return stages;
    }

    /** The {@code flags} mapping as bit masks of {@link Flag#bit()}: {required set, required clear}. */
    static int[] flags(YamlNode node) {
        int set = 0;
        int clear = 0;
        YamlNode flags = node.child("flags", node.place());
        for (String key : flags.keys()) {
            Flag flag = Flag.parse(key);
            if (flag == null) {
                throw flags.failAt(key, "unknown flag '" + key + "' (expected one of: high_return_rate, "
                        + "single_channel, discount_dependent, email_unengaged)");
            }
            if (flags.bool(key, false)) {
                set |= flag.bit();
            } else {
                clear |= flag.bit();
            }
        }
        return new int[] {set, clear};
    }

    private static int clusters(YamlNode node) {
        if (!node.has("cluster")) {
            return ANY_CLUSTER;
        }
        int mask = 0;
        for (String label : node.strings("cluster")) {
            try {
                mask |= 1 << ClusterLabel.of(label).ordinal();
            } catch (IllegalArgumentException e) {
                throw node.failAt("cluster", "cluster '" + label + "' is not one of Reward, Retain, Nurture, Re-Engage,"
                        + " PAMPER, UPSELL, DELIGHT");
            }
        }
        return mask;
    }

    private static int scores(YamlNode node, String key) {
        JsonNode value = node.raw(key);
        if (value.isMissingNode() || value.isNull()) {
            return ANY_SCORE;
        }
        int mask = 0;
        if (value.isArray()) {
            for (JsonNode item : value) {
                mask |= oneScore(node, key, item);
            }
        } else if (value.isTextual() && value.asText().contains("-")) {
            double[] range = range(node, key, value.asText().trim());
            for (int s = (int) range[0]; s <= (int) range[1]; s++) {
                mask |= 1 << s;
            }
        } else {
            mask = oneScore(node, key, value);
        }
        if (mask == 0) {
            throw node.failAt(key, key + " allows no score");
        }
        return mask;
    }

    /** The runs of consecutive scores of a mask (bit s = score s), lowest first: {@code [[1, 2], [4, 5]]}. */
    public static List<int[]> scoreRuns(int mask) {
        List<int[]> runs = new ArrayList<>();
        int s = 1;
        while (s <= 5) {
            if ((mask & (1 << s)) == 0) {
                s++;
                continue;
            }
            int start = s;
            while (s + 1 <= 5 && (mask & (1 << (s + 1))) != 0) {
                s++;
            }
            runs.add(new int[] {start, s});
            s++;
        }
        return runs;
    }

    private static int oneScore(YamlNode node, String key, JsonNode value) {
        String text = value.asText().trim();
        String written = value.isValueNode() ? "'" + text + "'" : value.isArray() ? "a list" : "a mapping";
        if (!value.isValueNode() || !text.matches("\\d+")) {
            throw node.failAt(key, key + " value " + written + " is not a score, a range like 4-5 or a list");
        }
        int score = text.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(text);
        if (score < 1 || score > 5) {
            throw node.failAt(key, key + " score " + text + " is outside 1-5");
        }
        return 1 << score;
    }

    /** Parses {@code "a-b"} or a single number; both ends within 1-5 and a <= b. */
    private static double[] range(YamlNode node, String key, String text) {
        String[] parts = text.split("-", -1);
        double[] result = new double[2];
        try {
            result[0] = Double.parseDouble(parts[0].trim());
            result[1] = parts.length == 2 ? Double.parseDouble(parts[1].trim()) : result[0];
        } catch (NumberFormatException e) {
            throw node.failAt(key, key + " '" + text + "' is not a value or range like 4-5");
        }
        boolean whole = !key.equals("composite");
        if (parts.length > 2 || whole && (result[0] != Math.rint(result[0])
                || result[1] != Math.rint(result[1]))) {
            throw node.failAt(key, key + " '" + text + "' is not a value or range like 4-5");
        }
        if (result[0] < 1 || result[1] > 5) {
            throw node.failAt(key, key + " range " + text + " is outside 1-5");
        }
        if (result[0] > result[1]) {
            throw node.failAt(key, key + " range " + text + " is empty (low end above high end)");
        }
        return result;
    }
}
