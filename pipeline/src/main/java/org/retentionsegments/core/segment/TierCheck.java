package org.retentionsegments.core.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.TierMethod;
import org.retentionsegments.core.cluster.ClusterLabel;
import org.retentionsegments.core.config.Condition;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.config.SegmentDefinition;
import org.retentionsegments.core.config.TierSpec;
import org.retentionsegments.core.scoring.CountHistogram;
import org.retentionsegments.core.scoring.TierCalculator;
import org.retentionsegments.core.scoring.Tiers;
import org.retentionsegments.core.segment.TierCheckReport.DimensionTiers;
import org.retentionsegments.core.segment.TierCheckReport.Problem;
import org.retentionsegments.core.segment.TierCheckReport.Starved;
import org.retentionsegments.core.segment.TierCheckReport.Suggestion;

/**
 * {@code config check --warehouse}: the score tiers of one refresh (its {@code score_boundary}
 * rows) against the segment rules. A tier is a problem when no customer had it (size 0, which
 * equal boundaries always give) or when a quantile tier holds more than {@link #CROWDED} of the
 * customers scored on the dimension. Any dimension in the rows is judged; recency, frequency and
 * monetary are also matched to the rules' {@code r}, {@code f} and {@code m}. A rule starves when
 * one of its alternatives allows a score no customer had; a segment is unreachable at the refresh
 * when no input the rules see, with only the tiers customers had, lands in it (the tiers of each
 * dimension on their own: which combinations occur is not in score_boundary).
 */
public final class TierCheck {

    /** A quantile tier holding more than this share of the scored customers is crowded. */
    public static final double CROWDED = 0.5;

    private TierCheck() {}

    /**
     * @param rows the score_boundary rows of one refresh (any dimensions, five scores each)
     * @param config the configuration whose rules are judged
     * @param histograms the customers' raw values at the refresh per dimension label (orders, cents),
     *     for suggested thresholds; dimensions without one get no suggestion
     */
    public static TierCheckReport run(LocalDate asOf, List<ScoreBoundary> rows, ConfigBundle config,
            Map<String, CountHistogram> histograms) {
        Map<String, List<ScoreBoundary>> byDimension = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(TierCheck::dimensionOrder).thenComparing(ScoreBoundary::dimension)
                        .thenComparingInt(ScoreBoundary::score))
                .forEach(b -> byDimension.computeIfAbsent(b.dimension(), d -> new ArrayList<>()).add(b));
        List<DimensionTiers> dimensions = new ArrayList<>();
        Map<String, Integer> occurring = new LinkedHashMap<>();
        boolean lifetimeRules = config.segments().usesLifetime();
        for (Map.Entry<String, List<ScoreBoundary>> e : byDimension.entrySet()) {
            if (e.getKey().startsWith("lifetime") && !lifetimeRules) {
                continue; // scored beside the window's, but no rule of this configuration reads them
            }
            DimensionTiers tiers = judge(e.getKey(), e.getValue());
            dimensions.add(tiers);
            occurring.put(e.getKey(), tiers.occurring());
        }
        List<Starved> starved = starved(config, dimensions);
        List<String> unreachable = unreachable(config, occurring);
        List<Suggestion> suggestions = new ArrayList<>();
        for (DimensionTiers d : dimensions) {
            CountHistogram histogram = histograms.get(d.dimension());
            if (!d.problems().isEmpty() && histogram != null && !d.dimension().equals(Dimension.RECENCY.label())) {
                suggestions.add(suggest(d.dimension(), histogram));
            }
        }
        return new TierCheckReport(asOf, dimensions, starved, unreachable, suggestions);
    }

    private static DimensionTiers judge(String dimension, List<ScoreBoundary> tiers) {
        long total = tiers.stream().mapToLong(ScoreBoundary::customers).sum();
        String method = tiers.get(0).method();
        boolean quantiles = method.equals(TierMethod.QUANTILE.label()) || method.equals(TierMethod.DISTINCT.label());
        List<Problem> problems = new ArrayList<>();
        if (total > 0) {
            for (ScoreBoundary b : tiers) {
                if (b.customers() == 0) {
                    problems.add(new Problem(dimension, b.score(), equalBounds(b)
                            ? Problem.Kind.EQUAL_BOUNDARIES : Problem.Kind.EMPTY, 0));
                } else if (quantiles && b.customers() > CROWDED * total) {
                    problems.add(new Problem(dimension, b.score(), Problem.Kind.CROWDED,
                            (double) b.customers() / total));
                }
            }
        }
        return new DimensionTiers(dimension, method, tiers, total, problems);
    }

    static boolean equalBounds(ScoreBoundary b) {
        return b.lowerBound() != null && b.upperBound() != null && b.upperBound() <= b.lowerBound();
    }

    /** The allowed-score mask of a condition on a dimension the rules know, or 0 for any other. */
    static int mask(Condition c, String dimension) {
        return switch (dimension) {
            case "recency" -> c.rScores();
            case "frequency" -> c.fScores();
            case "monetary" -> c.mScores();
            case "lifetime_frequency" -> c.lfScores();
            case "lifetime_monetary" -> c.lmScores();
            default -> 0;
        } & Condition.ANY_SCORE;
    }

    private static List<Starved> starved(ConfigBundle config, List<DimensionTiers> dimensions) {
        List<Starved> result = new ArrayList<>();
        for (SegmentDefinition segment : config.segments().segments()) {
            for (DimensionTiers d : dimensions) {
                int empty = Condition.ANY_SCORE & ~d.occurring();
                for (int score = 1; score <= 5; score++) {
                    if ((empty & (1 << score)) == 0) {
                        continue;
                    }
                    int using = 0;
                    int dead = 0;
                    for (Condition c : segment.when()) {
                        int allowed = mask(c, d.dimension());
                        if (!c.needsScores() || allowed == Condition.ANY_SCORE || (allowed & (1 << score)) == 0) {
                            continue;
                        }
                        using++;
                        if ((allowed & d.occurring()) == 0) {
                            dead++;
                        }
                    }
                    if (using > 0) {
                        result.add(new Starved(segment.name(), d.dimension(), score, using, dead,
                                segment.when().size()));
                    }
                }
            }
        }
        return result;
    }

    /**
     * The segments the static check reaches but no input reaches once each dimension is limited to
     * the scores customers had.
     */
    private static List<String> unreachable(ConfigBundle config, Map<String, Integer> occurring) {
        SegmentTable table = new SegmentTable(config.segments(), config.pipeline().scoring());
        int r = occurring.getOrDefault("recency", Condition.ANY_SCORE);
        int f = occurring.getOrDefault("frequency", Condition.ANY_SCORE);
        int m = occurring.getOrDefault("monetary", Condition.ANY_SCORE);
        int lfOccurring = occurring.getOrDefault("lifetime_frequency", Condition.ANY_SCORE);
        int lmOccurring = occurring.getOrDefault("lifetime_monetary", Condition.ANY_SCORE);
        boolean lifetime = table.usesLifetime();
        int[] clusters = config.pipeline().segmentation() == PipelineConfig.Segmentation.CLUSTERS
                ? java.util.Arrays.stream(ClusterLabel.values()).mapToInt(ClusterLabel::ordinal).toArray()
                : new int[] {Condition.NO_CLUSTER};
        int n = config.segments().size();
        boolean[] anyScores = new boolean[n];
        boolean[] occurringScores = new boolean[n];
        for (LifecycleStage stage : LifecycleStage.values()) {
            for (int flags = 0; flags < Flag.MASKS; flags++) {
                if (stage == LifecycleStage.PROSPECT) {
                    int segment = table.unscoredSegment(stage, flags);
                    anyScores[segment] = true;
                    occurringScores[segment] = true;
                    continue;
                }
                for (int cluster : clusters) {
                    for (int[] cell : SegmentTable.cells(config.segments())) {
                        int rs = cell[0];
                        int fs = cell[1];
                        int ms = cell[2];
                        int lf = cell[3];
                        int lm = cell[4];
                        int segment = table.segment(rs, fs, ms, lf, lm, stage, flags, cluster);
                        anyScores[segment] = true;
                        if ((r & (1 << rs)) != 0 && (f & (1 << fs)) != 0 && (m & (1 << ms)) != 0
                                && (!lifetime || (lfOccurring & (1 << lf)) != 0 && (lmOccurring & (1 << lm)) != 0)) {
                            occurringScores[segment] = true;
                        }
                    }
                }
            }
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (anyScores[i] && !occurringScores[i]) {
                result.add(config.segments().get(i).name());
            }
        }
        return result;
    }

    /**
     * Fixed thresholds for a dimension from its customers' raw values: the boundaries of
     * {@code method: distinct} at the default points (an even split as far as ties allow), with
     * the bucket sizes they give. Monetary histograms are in cents.
     */
    public static Suggestion suggest(String dimension, CountHistogram histogram) {
        Dimension d = dimension.endsWith(Dimension.MONETARY.label()) ? Dimension.MONETARY : Dimension.FREQUENCY;
        Tiers tiers = TierCalculator.tiers(d, new TierSpec(TierMethod.DISTINCT, TierSpec.DEFAULT_POINTS),
                histogram, 0, 0);
        long[] sizes = TierCalculator.bucketSizes(tiers, histogram, 0);
        return new Suggestion(dimension, tiers.bounds(), java.util.Arrays.copyOfRange(sizes, 1, 6));
    }

    private static int dimensionOrder(ScoreBoundary b) {
        for (Dimension d : Dimension.values()) {
            if (d.label().equals(b.dimension())) {
                return d.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }
}
