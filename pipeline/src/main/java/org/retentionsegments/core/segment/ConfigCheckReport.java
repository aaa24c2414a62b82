package org.retentionsegments.core.segment;

import java.util.List;
import java.util.Map;
import org.retentionsegments.core.LifecycleStage;

/**
 * What {@link ConfigCheck} found. Errors: unreachable segments and monotonicity violations.
 * Differences by lifecycle or flag and overlapping rules are information.
 *
 * @param segments segment names in rule order
 * @param grid segment index of every cell {@code grid[r-1][f-1][m-1]} for an active customer
 *     without flags
 * @param cellsPerSegment cells of that grid per segment name (rule order, zeros included)
 * @param prospectSegment the segment of a prospect (no scores) without flags
 * @param lifecycleDifferences cells whose segment differs from the grid at another stage
 * @param flagDifferences per flag, the number of grid cells whose segment changes when only
 *     that flag is set (active customer)
 * @param unreachable segments no cell x lifecycle x flag combination reaches
 * @param violations lowering R from {@code r} to {@code r-1} moves to a more engaged segment
 * @param overlaps pairs of rules that both match some input (the earlier one wins)
 * @param clusterSegments with {@code segmentation: clusters}: per cluster label, the segment of a
 *     customer in it (active, no flags, scores 3 3 3), in label order; empty in rules mode, where
 *     the grid is what places a customer
 */
public record ConfigCheckReport(
        String sources,
        List<String> segments,
        int[][][] grid,
        Map<String, Integer> cellsPerSegment,
        String prospectSegment,
        List<CellDifference> lifecycleDifferences,
        Map<String, Integer> flagDifferences,
        List<String> unreachable,
        List<Violation> violations,
        List<Overlap> overlaps,
        Map<String, String> clusterSegments) {

    /** The segment name of a grid cell (active, no flags). */
    public String segmentAt(int r, int f, int m) {
        return segments.get(grid[r - 1][f - 1][m - 1]);
    }

    public boolean hasErrors() {
        return !unreachable.isEmpty() || !violations.isEmpty();
    }

    /** The printable report. */
    public String text() {
        return ConfigCheckText.render(this);
    }

    /** At {@code stage} (no flags) cell {@code rfm} lands in {@code segment}, not {@code base}. */
    public record CellDifference(LifecycleStage stage, String rfm, String base, String segment) {}

    /**
     * At {@code stage} with {@code flags} (comma-separated, or "none"), cell r f m (with lifetime
     * scores {@code lifetime}, e.g. "LF3 LM5", or "" when no rule uses them) is in
     * {@code higher}, and r-1 f m in the more engaged {@code lower}.
     */
    public record Violation(LifecycleStage stage, String flags, int r, int f, int m,
            String higher, String lower, String lifetime) {

        public Violation(LifecycleStage stage, String flags, int r, int f, int m, String higher, String lower) {
            this(stage, flags, r, f, m, higher, lower, "");
        }

        public String describe() {
            return "R" + r + "->R" + (r - 1) + " at F" + f + " M" + m + (lifetime.isEmpty() ? "" : " " + lifetime)
                    + " (" + stage.label() + ", flags " + flags + "): " + higher + " -> " + lower
                    + ", a more engaged segment";
        }
    }

    /** Rules {@code first} and {@code second} both match {@code inputs} inputs, e.g. {@code example}. */
    public record Overlap(String first, String second, int inputs, String example) {}
}
