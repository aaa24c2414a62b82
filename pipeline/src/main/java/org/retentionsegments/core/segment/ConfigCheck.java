package org.retentionsegments.core.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.cluster.ClusterLabel;
import org.retentionsegments.core.config.Condition;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.config.Condition;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.ScoringConfig;
import org.retentionsegments.core.config.SegmentDefinition;
import org.retentionsegments.core.config.SegmentRules;
import org.retentionsegments.core.segment.ConfigCheckReport.CellDifference;
import org.retentionsegments.core.segment.ConfigCheckReport.Overlap;
import org.retentionsegments.core.segment.ConfigCheckReport.Violation;

/**
 * {@code config check}: enumerates every input the segment rules can see (125 score cells, x 25
 * lifetime score cells when a rule uses lifetime_f or lifetime_m, x 5 lifecycle stages of customers who ordered x 16 flag masks, and prospects, who have no scores,
 * x 16 flag masks) and reports where
 * each lands, unreachable segments, monotonicity violations (lowering R must never move a
 * customer to a segment of higher {@code engagement_rank}, lifecycle and flags held fixed) and
 * overlapping rules.
 */
public final class ConfigCheck {

    private static final LifecycleStage BASE = LifecycleStage.ACTIVE;

    private ConfigCheck() {}

    public static ConfigCheckReport run(ConfigBundle config) {
        return run(config, true);
    }

    /**
     * What a run checks before it starts: the findings that fail a rule set (unreachable segments,
     * monotonicity violations), without the overlaps, which only {@code config check} reports and
     * which take most of the check's time with lifetime scores (every cell, stage and flag set
     * against every rule).
     */
    public static ConfigCheckReport failures(ConfigBundle config) {
        return run(config, false);
    }

    private static ConfigCheckReport run(ConfigBundle config, boolean withOverlaps) {
        SegmentRules rules = config.segments();
        SegmentTable table = new SegmentTable(rules, config.pipeline().scoring());
        List<String> names = rules.segments().stream().map(SegmentDefinition::name).toList();

        int[][][] grid = new int[5][5][5];
        Map<String, Integer> cells = new LinkedHashMap<>();
        names.forEach(name -> cells.put(name, 0));
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    grid[r - 1][f - 1][m - 1] = table.segment(r, f, m, BASE, 0);
                    cells.merge(names.get(grid[r - 1][f - 1][m - 1]), 1, Integer::sum);
                }
            }
        }

        // the clusters a customer with an order can be in: none in rules mode, any label of the
        // saved model's in clusters mode (the monotonicity check then runs within each cluster)
        int[] clusters = config.pipeline().segmentation() == PipelineConfig.Segmentation.CLUSTERS
                ? java.util.Arrays.stream(ClusterLabel.values()).mapToInt(ClusterLabel::ordinal).toArray()
                : new int[] {Condition.NO_CLUSTER};
        boolean[] reached = new boolean[names.size()];
        List<CellDifference> stageDiffs = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            for (int flags = 0; flags < Flag.MASKS; flags++) {
                if (stage == LifecycleStage.PROSPECT) {
                    // Exactly the customers who never ordered are prospects: no scores.
                    reached[table.unscoredSegment(stage, flags)] = true;
                    continue;
                }
                for (int cluster : clusters) {
                    for (int[] cell : SegmentTable.cells(rules)) {
                        int r = cell[0];
                        int f = cell[1];
                        int m = cell[2];
                        int lf = cell[3];
                        int lm = cell[4];
                        int segment = table.segment(r, f, m, lf, lm, stage, flags, cluster);
                        reached[segment] = true;
                        if (flags == 0 && cluster == Condition.NO_CLUSTER && lf == f && lm == m
                                && segment != grid[r - 1][f - 1][m - 1]) {
                            stageDiffs.add(new CellDifference(stage, "" + r + f + m,
                                    names.get(grid[r - 1][f - 1][m - 1]),
                                    names.get(segment)));
                        }
                        if (r > 1) {
                            int lower = table.segment(r - 1, f, m, lf, lm, stage, flags, cluster);
                            if (rules.get(lower).engagementRank()
                                    > rules.get(segment).engagementRank()) {
                                violations.add(new Violation(stage, flagLabels(flags),
                                        r, f, m, names.get(segment), names.get(lower),
                                        table.usesLifetime() ? "LF" + lf + " LM" + lm : ""));
                            }
                        }
                    }
                }
            }
        }
        List<String> unreachable = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!reached[i]) {
                unreachable.add(names.get(i));
            }
        }
        return new ConfigCheckReport(config.sources(), names, grid, cells,
                names.get(table.unscoredSegment(LifecycleStage.PROSPECT, 0)), stageDiffs,
                flagDifferences(table, grid), unreachable, violations,
                withOverlaps ? overlaps(rules, config.pipeline().scoring()) : List.of(),
                clusterSegments(table, names, clusters));
    }

    private static Map<String, String> clusterSegments(SegmentTable table, List<String> names, int[] clusters) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int cluster : clusters) {
            if (cluster != Condition.NO_CLUSTER) {
                result.put(ClusterLabel.values()[cluster].label(), names.get(table.segment(3, 3, 3, BASE, 0, cluster)));
            }
        }
        return result;
    }

    private static Map<String, Integer> flagDifferences(SegmentTable table, int[][][] grid) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (Flag flag : Flag.values()) {
            int changed = 0;
            for (int r = 1; r <= 5; r++) {
                for (int f = 1; f <= 5; f++) {
                    for (int m = 1; m <= 5; m++) {
                        if (table.segment(r, f, m, BASE, flag.bit()) != grid[r - 1][f - 1][m - 1]) {
                            changed++;
                        }
                    }
                }
            }
            result.put(flag.label(), changed);
        }
        return result;
    }

    private static List<Overlap> overlaps(SegmentRules rules, ScoringConfig scoring) {
        int n = rules.size();
        int[][] counts = new int[n][n];
        String[][] examples = new String[n][n];
        for (LifecycleStage stage : LifecycleStage.values()) {
            for (int flags = 0; flags < Flag.MASKS; flags++) {
                if (stage == LifecycleStage.PROSPECT) {
                    countOverlaps(rules, null, null, null, null, null, null, stage, flags, counts, examples);
                    continue;
                }
                for (int[] cell : SegmentTable.cells(rules)) {
                    int r = cell[0];
                    int f = cell[1];
                    int m = cell[2];
                    int lf = cell[3];
                    int lm = cell[4];
                    countOverlaps(rules, r, f, m, lf, lm, scoring.composite(r, f, m), stage, flags,
                            counts, examples);
                }
            }
        }
        List<Overlap> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (counts[i][j] > 0) {
                    result.add(new Overlap(rules.get(i).name(), rules.get(j).name(),
                            counts[i][j], examples[i][j]));
                }
            }
        }
        return result;
    }

    private static void countOverlaps(SegmentRules rules, Integer r, Integer f, Integer m,
            Integer lf, Integer lm, Double composite, LifecycleStage stage, int flags, int[][] counts,
            String[][] examples) {
        List<Integer> matching = new ArrayList<>(2);
        for (SegmentDefinition segment : rules.segments()) {
            for (Condition condition : segment.when()) {
                if (condition.matches(r, f, m, lf, lm, composite, stage, flags, Condition.NO_CLUSTER)) {
                    matching.add(segment.index());
                    break;
                }
            }
        }
        for (int a = 0; a < matching.size(); a++) {
            for (int b = a + 1; b < matching.size(); b++) {
                int i = matching.get(a);
                int j = matching.get(b);
                if (counts[i][j]++ == 0) {
                    examples[i][j] = (r == null ? "no scores" : "cell " + r + f + m
                            + (rules.usesLifetime() ? " LF" + lf + " LM" + lm : "")) + ", "
                            + stage.label() + ", flags " + flagLabels(flags);
                }
            }
        }
    }

    static String flagLabels(int flags) {
        List<String> labels = new ArrayList<>();
        for (Flag flag : Flag.values()) {
            if (flag.in(flags)) {
                labels.add(flag.label());
            }
        }
        return labels.isEmpty() ? "none" : String.join(",", labels);
    }
}
