package org.retentionsegments.core.segment;

import java.util.List;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.cluster.ClusterLabel;
import org.retentionsegments.core.config.Condition;
import org.retentionsegments.core.config.ScoringConfig;
import org.retentionsegments.core.config.SegmentRules;

/**
 * The segment rules evaluated once for every input they can see: 125 window score cells (x 25
 * lifetime score cells when a rule uses {@code lifetime_f} or {@code lifetime_m}) x 6 lifecycle
 * stages x 16 flag masks x 8 cluster slots (no cluster, or one of the 7 labels of
 * {@code segmentation: clusters}), plus the unscored (prospect) inputs, who have no cluster. The
 * composite is a function of the three window scores, so this table is exact, and a refresh looks
 * each customer up in O(1) instead of walking the rules. {@code ConfigCheck} reads the same table.
 */
public final class SegmentTable {

    private static final int STAGES = LifecycleStage.values().length;
    /** Slot 0: no cluster; slot 1 + ordinal: a {@link ClusterLabel}. */
    public static final int CLUSTER_SLOTS = 1 + ClusterLabel.values().length;

    private final SegmentRules rules;
    /** Whether the lifetime scores matter: 25 lifetime cells per window cell, else one. */
    private final boolean lifetime;
    /** Whether any rule names a cluster: 8 cluster slots, else one (every slot the same). */
    private final boolean clustered;
    private final byte[] scored;
    private final byte[] unscored = new byte[STAGES * Flag.MASKS];

    public SegmentTable(SegmentRules rules, ScoringConfig scoring) {
        this.rules = rules;
        this.lifetime = rules.usesLifetime();
        this.clustered = rules.segments().stream().flatMap(d -> d.when().stream())
                .anyMatch(c -> c.clusters() != Condition.ANY_CLUSTER);
        int lifetimeCells = lifetime ? 25 : 1;
        this.scored = new byte[125 * lifetimeCells * STAGES * Flag.MASKS * (clustered ? CLUSTER_SLOTS : 1)];
        for (LifecycleStage stage : LifecycleStage.values()) {
            for (int flags = 0; flags < Flag.MASKS; flags++) {
                unscored[stage.ordinal() * Flag.MASKS + flags] =
                        (byte) rules.match(null, null, null, null, stage, flags);
                for (int slot = 0; slot < (clustered ? CLUSTER_SLOTS : 1); slot++) {
                    int cluster = slot - 1;  // Condition.NO_CLUSTER for slot 0
                    for (int r = 1; r <= 5; r++) {
                        for (int f = 1; f <= 5; f++) {
                            for (int m = 1; m <= 5; m++) {
                                double composite = scoring.composite(r, f, m);
                                for (int lf = 1; lf <= (lifetime ? 5 : 1); lf++) {
                                    for (int lm = 1; lm <= (lifetime ? 5 : 1); lm++) {
                                        scored[index(r, f, m, lf, lm, stage, flags, cluster)] = (byte) rules.match(
                                                r, f, m, lf, lm, composite, stage, flags, cluster);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Every window x lifetime score cell {r, f, m, lifetime f, lifetime m}, 3,125 of them. */
    public static final List<int[]> ALL_CELLS = cells(true);
    /** The 125 window cells with lifetime scores equal to the window's. */
    private static final List<int[]> WINDOW_CELLS = cells(false);

    /**
     * The score cells that tell the segments of rules apart: {@link #ALL_CELLS} when a rule uses a
     * lifetime score, else the 125 window cells with lifetime scores equal to the window's.
     */
    public static List<int[]> cells(SegmentRules rules) {
        return rules.usesLifetime() ? ALL_CELLS : WINDOW_CELLS;
    }

    private static List<int[]> cells(boolean lifetime) {
        List<int[]> cells = new java.util.ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    for (int lf = 1; lf <= 5; lf++) {
                        for (int lm = 1; lm <= 5; lm++) {
                            if (lifetime || lf == f && lm == m) {
                                cells.add(new int[] {r, f, m, lf, lm});
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(cells);
    }

    public SegmentRules rules() {
        return rules;
    }

    /** Whether any rule uses a lifetime score, so that {@code lf} and {@code lm} matter. */
    public boolean usesLifetime() {
        return lifetime;
    }

    /** The segment index of a scored customer without a cluster, its lifetime scores equal to its window scores. */
    public int segment(int r, int f, int m, LifecycleStage stage, int flags) {
        return segment(r, f, m, f, m, stage, flags, Condition.NO_CLUSTER);
    }

    /** As {@link #segment(int, int, int, LifecycleStage, int)}, in a cluster. */
    public int segment(int r, int f, int m, LifecycleStage stage, int flags, int cluster) {
        return segment(r, f, m, f, m, stage, flags, cluster);
    }

    /**
     * The segment index of a scored customer with lifetime scores {@code lf}, {@code lm} in a
     * cluster ({@link ClusterLabel#ordinal()}, or {@link Condition#NO_CLUSTER}).
     */
    public int segment(int r, int f, int m, int lf, int lm, LifecycleStage stage, int flags, int cluster) {
        return scored[index(r, f, m, lf, lm, stage, flags, cluster)];
    }

    /** The segment index of a customer without scores (a prospect). */
    public int unscoredSegment(LifecycleStage stage, int flags) {
        return unscored[stage.ordinal() * Flag.MASKS + flags];
    }

    /** A rule without a {@code cluster} condition matches any cluster, so without one every slot is slot 0. */
    private int index(int r, int f, int m, int lf, int lm, LifecycleStage stage, int flags, int cluster) {
        int cell = ((r - 1) * 5 + (f - 1)) * 5 + (m - 1);
        if (lifetime) {
            cell = (cell * 5 + (lf - 1)) * 5 + (lm - 1);
        }
        int index = (cell * STAGES + stage.ordinal()) * Flag.MASKS + flags;
        return clustered ? index * CLUSTER_SLOTS + cluster + 1 : index;
    }
}
