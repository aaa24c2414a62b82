package org.retentionsegments.core.segment;

import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.cluster.ClusterLabel;
import org.retentionsegments.core.config.Condition;
import org.retentionsegments.core.config.ScoringConfig;
import org.retentionsegments.core.config.SegmentRules;

/**
 * The segment rules evaluated once for every input they can see: 125 score cells x 6 lifecycle
 * stages x 16 flag masks x 8 cluster slots (no cluster, or one of the 7 labels of
 * {@code segmentation: clusters}), plus the unscored (prospect) inputs, who have no cluster. The
 * composite is a function of the three scores, so this table is exact, and a refresh looks each
 * customer up in O(1) instead of walking the rules. {@code ConfigCheck} reads the same table.
 */
public final class SegmentTable {

    private static final int STAGES = LifecycleStage.values().length;
    /** Slot 0: no cluster; slot 1 + ordinal: a {@link ClusterLabel}. */
    public static final int CLUSTER_SLOTS = 1 + ClusterLabel.values().length;

    private final SegmentRules rules;
    private final byte[] scored = new byte[125 * STAGES * Flag.MASKS * CLUSTER_SLOTS];
    private final byte[] unscored = new byte[STAGES * Flag.MASKS];

    public SegmentTable(SegmentRules rules, ScoringConfig scoring) {
        this.rules = rules;
        for (LifecycleStage stage : LifecycleStage.values()) {
            for (int flags = 0; flags < Flag.MASKS; flags++) {
                unscored[stage.ordinal() * Flag.MASKS + flags] =
                        (byte) rules.match(null, null, null, null, stage, flags);
                for (int slot = 0; slot < CLUSTER_SLOTS; slot++) {
                    int cluster = slot - 1;  // Condition.NO_CLUSTER for slot 0
                    for (int r = 1; r <= 5; r++) {
                        for (int f = 1; f <= 5; f++) {
                            for (int m = 1; m <= 5; m++) {
                                scored[index(r, f, m, stage, flags, cluster)] = (byte) rules.match(
                                        r, f, m, scoring.composite(r, f, m), stage, flags, cluster);
                            }
                        }
                    }
                }
            }
        }
    }

    public SegmentRules rules() {
        return rules;
    }

    /** The segment index of a scored customer without a cluster. */
    public int segment(int r, int f, int m, LifecycleStage stage, int flags) {
        return scored[index(r, f, m, stage, flags, Condition.NO_CLUSTER)];
    }

    /** The segment index of a scored customer in a cluster ({@link ClusterLabel#ordinal()}, or {@link Condition#NO_CLUSTER}). */
    public int segment(int r, int f, int m, LifecycleStage stage, int flags, int cluster) {
        return scored[index(r, f, m, stage, flags, cluster)];
    }

    /** The segment index of a customer without scores (a prospect). */
    public int unscoredSegment(LifecycleStage stage, int flags) {
        return unscored[stage.ordinal() * Flag.MASKS + flags];
    }

    private static int index(int r, int f, int m, LifecycleStage stage, int flags, int cluster) {
        int cell = ((r - 1) * 5 + (f - 1)) * 5 + (m - 1);
        return ((cell * STAGES + stage.ordinal()) * Flag.MASKS + flags) * CLUSTER_SLOTS + cluster + 1;
    }
}
