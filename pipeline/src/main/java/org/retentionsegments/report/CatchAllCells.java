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

    /**
     * The cells of the catch-all as text, or null when they depend on more than the scores or are
     * none; when they depend on the lifecycle stage or the lifetime scores, the stages and the
     * score ranges that reach it when those form a simple product, e.g. {@code lifecycle lapsed,
     * lifetime M 1-2}.
     */
    static String describe(ConfigBundle config) {
        // the same for every refresh of a configuration: computed once (a kept refresh writes it)
        return DESCRIBED.computeIfAbsent(config, c -> {
            String cells = c.segments().usesLifetime() ? null : gridCells(c);
            return java.util.Optional.ofNullable(cells != null ? cells : byStage(c));
        }).orElse(null);
    }

    private static final java.util.Map<ConfigBundle, java.util.Optional<String>> DESCRIBED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * The stages (of customers who bought) at which anyone lands in the catch-all, each alike and
     * regardless of flags, and per score dimension the scores that do: when the inputs that land
     * are exactly every combination of those, {@code lifecycle lapsed, lifetime M 1-2}; else null.
     */
    private static String byStage(ConfigBundle config) {
        SegmentRules rules = config.segments();
        int catchAll = rules.size() - 1;
        org.retentionsegments.core.segment.SegmentTable table =
                new org.retentionsegments.core.segment.SegmentTable(rules, config.pipeline().scoring());
        List<LifecycleStage> stages = new ArrayList<>();
        boolean[] lands = null;
        for (LifecycleStage stage : LifecycleStage.values()) {
            if (stage == LifecycleStage.PROSPECT) {
                continue;
            }
            boolean[] here = new boolean[CELLS.size()];
            boolean any = false;
            for (int cell = 0; cell < CELLS.size(); cell++) {
                int[] s = CELLS.get(cell);
                boolean first = table.segment(s[0], s[1], s[2], s[3], s[4], stage, 0, -1) == catchAll;
                for (int flags = 1; flags < Flag.MASKS; flags++) {
                    if ((table.segment(s[0], s[1], s[2], s[3], s[4], stage, flags, -1) == catchAll) != first) {
                        return null;
                    }
                }
                here[cell] = first;
                any |= first;
            }
            if (!any) {
                continue;
            }
            if (lands != null && !java.util.Arrays.equals(lands, here)) {
                return null;
            }
            lands = here;
            stages.add(stage);
        }
        if (lands == null) {
            return null;
        }
        int[] masks = new int[5];
        for (int cell = 0; cell < CELLS.size(); cell++) {
            if (lands[cell]) {
                int[] s = CELLS.get(cell);
                for (int d = 0; d < 5; d++) {
                    masks[d] |= 1 << s[d];
                }
            }
        }
        for (int cell = 0; cell < CELLS.size(); cell++) {
            int[] s = CELLS.get(cell);
            boolean inProduct = true;
            for (int d = 0; d < 5; d++) {
                inProduct &= (masks[d] & (1 << s[d])) != 0;
            }
            if (inProduct != lands[cell]) {
                return null; // not a simple product of score ranges
            }
        }
        List<String> parts = new ArrayList<>();
        String[] names = {"R", "F", "M", "lifetime F", "lifetime M"};
        for (int d = 0; d < 5; d++) {
            if (masks[d] != org.retentionsegments.core.config.Condition.ANY_SCORE) {
                parts.add(names[d] + " " + CriteriaText.scoreSet(masks[d]));
            }
        }
        if (stages.size() < LifecycleStage.values().length - 1) {
            parts.add(0, "lifecycle " + String.join("/", stages.stream().map(LifecycleStage::label).toList()));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** Every window x lifetime score cell: lands in the catch-all or not, regardless of the rules' use of them. */
    private static final List<int[]> CELLS = org.retentionsegments.core.segment.SegmentTable.ALL_CELLS;

    /** The R x F x M cells of the catch-all when they do not depend on stage or flags; else null. */
    private static String gridCells(ConfigBundle config) {
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
