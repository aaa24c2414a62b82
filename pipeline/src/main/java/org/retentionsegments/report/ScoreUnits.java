package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.core.config.Condition;

/**
 * Score ranges in the units a marketer reads, at one refresh's boundaries ({@code score_boundary}):
 * recency 4-5 is "last order 0-111 days ago", frequency 4-5 "3+ orders", monetary 4-5 "over
 * $160.92". A score covers the values in {@code (lower, upper]} of its row; frequency and monetary
 * scores rise with the value, recency scores fall with the days. Frequency and recency are whole
 * numbers, so {@code (2, 6]} orders is 3-6 orders. A tier that ties left empty (e.g. frequency 2
 * when most customers have one order) is said to be empty.
 */
final class ScoreUnits {

    /** One row of score_boundary at the refresh. */
    record Boundary(String dimension, int score, Double lower, Double upper) {}

    private final List<Boundary> boundaries;
    private final int windowDays;

    ScoreUnits(List<Boundary> boundaries, int windowDays) {
        this.boundaries = List.copyOf(boundaries);
        this.windowDays = windowDays;
    }

    /** The units of the score_boundary rows of one refresh. */
    static ScoreUnits of(List<org.retentionsegments.core.ScoreBoundary> rows, int windowDays) {
        return new ScoreUnits(rows.stream().map(b -> new Boundary(b.dimension(), b.score(), b.lowerBound(),
                b.upperBound())).toList(), windowDays);
    }

    /** Whether the refresh has the boundaries of the dimension (all five scores). */
    boolean has(String dimension) {
        return boundaries.stream().filter(b -> b.dimension().equals(dimension)).count() == 5;
    }

    /**
     * The values of the scores of a bit mask (bit s = score s) in units, e.g. "last order 37-111
     * days ago"; null when the refresh has no boundaries for the dimension.
     */
    String describe(String dimension, int mask) {
        if (!has(dimension)) {
            return null;
        }
        List<String> runs = new ArrayList<>();
        for (int[] run : runs(mask)) {
            String text = switch (dimension) {
                case "recency" -> recency(run[0], run[1]);
                case "frequency", "lifetime_frequency" -> frequency(dimension, run[0], run[1]);
                default -> monetary(dimension, run[0], run[1]);
            };
            if (text != null) {
                runs.add(text);
            }
        }
        if (runs.isEmpty()) {
            return "empty at this refresh: no value falls in " + (Integer.bitCount(mask) == 1 ? "this tier" : "these tiers");
        }
        String text = String.join(" or ", runs);
        return dimension.equals("recency") ? text
                : dimension.startsWith("lifetime") ? text + " ever" : text + " in " + windowDays + " days";
    }

    private Boundary row(String dimension, int score) {
        return boundaries.stream().filter(b -> b.dimension().equals(dimension) && b.score() == score)
                .findFirst().orElseThrow();
    }

    /** Days since the last order: the highest score of the run has the fewest days. */
    private String recency(int low, int high) {
        Double fewer = row("recency", high).lower();
        Double more = row("recency", low).upper();
        long from = fewer == null ? 0 : (long) Math.floor(fewer) + 1;
        if (more == null) {
            return "last order " + from + "+ days ago";
        }
        long to = (long) Math.floor(more);
        if (to < from) {
            return null;
        }
        return from == to ? "last order " + from + " days ago" : "last order " + from + "-" + to + " days ago";
    }

    private String frequency(String dimension, int low, int high) {
        Double lower = row(dimension, low).lower();
        Double upper = row(dimension, high).upper();
        long from = lower == null ? 0 : (long) Math.floor(lower) + 1;
        if (upper == null) {
            return from + "+ orders";
        }
        long to = (long) Math.floor(upper);
        if (to < from) {
            return null;
        }
        return from == to ? from + (from == 1 ? " order" : " orders") : from + "-" + to + " orders";
    }

    private String monetary(String dimension, int low, int high) {
        Double lower = row(dimension, low).lower();
        Double upper = row(dimension, high).upper();
        if (lower != null && upper != null && upper <= lower) {
            return null;
        }
        if (lower == null && upper == null) {
            return "any spend";
        }
        if (lower == null) {
            return "up to " + money(upper);
        }
        return upper == null ? "over " + money(lower) : "over " + money(lower) + " up to " + money(upper);
    }

    private static String money(double amount) {
        return Fmt.cents(amount);
    }

    /** The runs of consecutive scores of a mask, lowest first: {@code [[1, 2], [4, 5]]}. */
    static List<int[]> runs(int mask) {
        return Condition.scoreRuns(mask);
    }
}
