package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.SegmentRules;

/**
 * Which R x F x M cells land in the catch-all segment, as few boxes as a greedy cover finds:
 * {@code R 1, F 1-2, M 1-2}. Only when the cells do not depend on lifecycle stage or flags
 * (otherwise the catch-all cannot be told by scores alone).
 */
final class CatchAllCells {

    private CatchAllCells() {}

    /** The cells of the catch-all as text, or null when they depend on more than the scores or are none. */
    static String describe(ConfigBundle config) {
        SegmentRules rules = config.segments();
        int catchAll = rules.size() - 1;
        boolean[][][] always = new boolean[6][6][6];
        boolean[][][] sometimes = new boolean[6][6][6];
        int count = 0;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    double composite = config.pipeline().scoring().composite(r, f, m);
                    boolean all = true;
                    boolean any = false;
                    for (LifecycleStage stage : LifecycleStage.values()) {
                        if (stage == LifecycleStage.PROSPECT) {
                            continue;
                        }
                        for (int flags = 0; flags < Flag.MASKS; flags++) {
                            boolean lands = rules.match(r, f, m, composite, stage, flags) == catchAll;
                            all &= lands;
                            any |= lands;
                        }
                    }
                    if (all != any) {
                        return null;
                    }
                    always[r][f][m] = all;
                    count += all ? 1 : 0;
                }
            }
        }
        return count == 0 ? null : cover(always, count);
    }

    /** Greedy: repeatedly the box inside the cells that covers the most cells not yet covered. */
    private static String cover(boolean[][][] cells, int count) {
        boolean[][][] covered = new boolean[6][6][6];
        List<String> boxes = new ArrayList<>();
        while (count > 0) {
            int[] best = null;
            int bestNew = 0;
            for (int r0 = 1; r0 <= 5; r0++) for (int r1 = r0; r1 <= 5; r1++)
            for (int f0 = 1; f0 <= 5; f0++) for (int f1 = f0; f1 <= 5; f1++)
            for (int m0 = 1; m0 <= 5; m0++) for (int m1 = m0; m1 <= 5; m1++) {
                int fresh = fresh(cells, covered, r0, r1, f0, f1, m0, m1);
                if (fresh > bestNew) {
                    bestNew = fresh;
                    best = new int[] {r0, r1, f0, f1, m0, m1};
                }
            }
            for (int r = best[0]; r <= best[1]; r++)
                for (int f = best[2]; f <= best[3]; f++)
                    for (int m = best[4]; m <= best[5]; m++)
                        covered[r][f][m] = true;
            count -= bestNew;
            boxes.add(box(best));
        }
        return String.join("; or ", boxes);
    }

    /** Cells of the box not yet covered, or -1 when the box leaves the cells. */
    private static int fresh(boolean[][][] cells, boolean[][][] covered,
            int r0, int r1, int f0, int f1, int m0, int m1) {
        int fresh = 0;
        for (int r = r0; r <= r1; r++)
            for (int f = f0; f <= f1; f++)
                for (int m = m0; m <= m1; m++) {
                    if (!cells[r][f][m]) {
                        return -1;
                    }
                    fresh += covered[r][f][m] ? 0 : 1;
                }
        return fresh;
    }

    private static String box(int[] b) {
        List<String> parts = new ArrayList<>();
        String[] letters = {"R", "F", "M"};
        for (int d = 0; d < 3; d++) {
            int low = b[2 * d];
            int high = b[2 * d + 1];
            if (low > 1 || high < 5) {
                parts.add(letters[d] + " " + (low == high ? String.valueOf(low) : low + "-" + high));
            }
        }
        return parts.isEmpty() ? "any scores" : String.join(", ", parts);
    }
}
