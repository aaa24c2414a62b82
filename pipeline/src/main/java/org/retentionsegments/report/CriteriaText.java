package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.cluster.ClusterLabel;
import org.retentionsegments.core.config.Condition;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.config.SegmentDefinition;

/**
 * A segment's rule from {@code segments.yaml} in words a marketer reads: {@code R 1-2, F 4-5,
 * M 4-5, lifetime M 5}; alternatives joined by {@code or}. The catch-all is described by the score cells that
 * reach it (see {@link CatchAllCells}).
 */
public final class CriteriaText {

    private static final EnumSet<LifecycleStage> BOUGHT = EnumSet.complementOf(EnumSet.of(LifecycleStage.PROSPECT));

    private CriteriaText() {}

    /** The criteria of a segment of {@code config}. */
    static String of(SegmentDefinition segment, ConfigBundle config) {
        return of(segment, config, null);
    }

    /**
     * The criteria, with each score range also in days, orders and money at the refresh's
     * boundaries ({@code units}; scores only when null).
     */
    static String of(SegmentDefinition segment, ConfigBundle config, ScoreUnits units) {
        if (segment.catchAll() && config.pipeline().segmentation() == PipelineConfig.Segmentation.CLUSTERS) {
            int named = 0;
            for (SegmentDefinition earlier : config.segments().segments()) {
                for (Condition c : earlier.when()) {
                    named |= c.clusters() == Condition.ANY_CLUSTER ? 0 : c.clusters();
                }
            }
            List<String> rest = new ArrayList<>();
            for (ClusterLabel label : ClusterLabel.values()) {
                if ((named & (1 << label.ordinal())) == 0) {
                    rest.add(label.label());
                }
            }
            return (rest.isEmpty() ? "" : "cluster " + String.join("/", rest) + " ")
                    + "(catch-all: everyone no earlier rule matched)";
        }
        if (segment.catchAll()) {
            String cells = CatchAllCells.describe(config);
            return cells == null ? "everyone no earlier rule matched (catch-all)"
                    : cells + " (catch-all: everyone no earlier rule matched)";
        }
        return segment.when().stream().map(c -> of(c, units)).collect(Collectors.joining("; or "));
    }

    /**
     * Every segment's criteria at one refresh, with its score ranges in days, orders and money at
     * that refresh's boundaries ({@code rows}, the refresh's score_boundary rows): the
     * {@code segment_criteria} rows a kept refresh writes.
     */
    public static java.util.List<org.retentionsegments.core.SegmentCriteria> atRefresh(java.time.LocalDate asOf,
            ConfigBundle config, java.util.List<org.retentionsegments.core.ScoreBoundary> rows) {
        ScoreUnits units = ScoreUnits.of(rows, config.pipeline().windowDays());
        return config.segments().segments().stream()
                .map(s -> new org.retentionsegments.core.SegmentCriteria(asOf, s.name(), of(s, config, units))).toList();
    }

    /** One condition set: every part must hold. */
    static String of(Condition c) {
        return of(c, null);
    }

    static String of(Condition c, ScoreUnits units) {
        List<String> parts = new ArrayList<>();
        if (c.clusters() != Condition.ANY_CLUSTER) {
            parts.add("cluster " + java.util.Arrays.stream(ClusterLabel.values())
                    .filter(l -> (c.clusters() & (1 << l.ordinal())) != 0)
                    .map(ClusterLabel::label).collect(Collectors.joining("/")));
        }
        scores(parts, "R", c.rScores(), units, "recency");
        scores(parts, "F", c.fScores(), units, "frequency");
        scores(parts, "M", c.mScores(), units, "monetary");
        scores(parts, "lifetime F", c.lfScores(), units, "lifetime_frequency");
        scores(parts, "lifetime M", c.lmScores(), units, "lifetime_monetary");
        if (c.needsScores() && (c.compositeMin() > 1 || c.compositeMax() < 5)) {
            parts.add("composite " + Fmt.plain(c.compositeMin()) + "-" + Fmt.plain(c.compositeMax()));
        }
        boolean allStages = c.lifecycle().size() == LifecycleStage.values().length
                || c.needsScores() && c.lifecycle().containsAll(BOUGHT);
        if (!allStages) {
            parts.add("lifecycle " + c.lifecycle().stream().sorted()
                    .map(LifecycleStage::label).collect(Collectors.joining("/")));
        }
        for (Flag flag : Flag.values()) {
            if (flag.in(c.flagsSet())) {
                parts.add(Fmt.words(flag.label()));
            } else if (flag.in(c.flagsClear())) {
                parts.add("not " + Fmt.words(flag.label()));
            }
        }
        if (parts.isEmpty()) {
            return c.needsScores() ? "any customer who has bought" : "any customer";
        }
        return String.join(", ", parts);
    }

    /** {@code R 4-5}, {@code R 3}, {@code R 1,3}; nothing when every score is allowed. */
    private static void scores(List<String> parts, String letter, int mask, ScoreUnits units, String dimension) {
        if ((mask & Condition.ANY_SCORE) == Condition.ANY_SCORE) {
            return;
        }
        String inUnits = units == null ? null : units.describe(dimension, mask & Condition.ANY_SCORE);
        parts.add(letter + " " + scoreSet(mask) + (inUnits == null ? "" : " (" + inUnits + ")"));
    }

    /** The scores of a bit mask (bit s = score s): {@code 4-5}, {@code 3}, {@code 1,3,5}. */
    static String scoreSet(int mask) {
        int low = Integer.numberOfTrailingZeros(mask);
        int high = 31 - Integer.numberOfLeadingZeros(mask);
        int run = ((1 << (high + 1)) - 1) & ~((1 << low) - 1);
        if (mask == run) {
            return low == high ? String.valueOf(low) : low + "-" + high;
        }
        List<String> scores = new ArrayList<>();
        for (int s = low; s <= high; s++) {
            if ((mask & (1 << s)) != 0) {
                scores.add(String.valueOf(s));
            }
        }
        return String.join(",", scores);
    }
}
