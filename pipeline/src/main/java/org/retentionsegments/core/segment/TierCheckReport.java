package org.retentionsegments.core.segment;

import java.time.LocalDate;
import java.util.List;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.config.Condition;

/**
 * What {@link TierCheck} found at one refresh. Only {@link #unreachable} segments are errors:
 * empty, collapsed or crowded tiers and rules that use them are warnings, since the rules still
 * place every customer somewhere.
 *
 * @param dimensions per dimension of score_boundary (recency, frequency, monetary, then any other
 *     by name), its tiers and their problems
 * @param starved per segment and empty tier, the rules (alternatives) of the segment that use it
 * @param unreachable segments that {@code config check} reaches, but no input does with only the
 *     tiers customers had at the refresh
 * @param suggestions fixed thresholds for the frequency and monetary dimensions with problems
 */
public record TierCheckReport(
        LocalDate asOf,
        List<DimensionTiers> dimensions,
        List<Starved> starved,
        List<String> unreachable,
        List<Suggestion> suggestions) {

    public TierCheckReport {
        dimensions = List.copyOf(dimensions);
        starved = List.copyOf(starved);
        unreachable = List.copyOf(unreachable);
        suggestions = List.copyOf(suggestions);
    }

    /** Whether a segment becomes unreachable at the refresh (the command then exits non-zero). */
    public boolean hasErrors() {
        return !unreachable.isEmpty();
    }

    /** Whether any tier is empty or crowded. */
    public boolean hasWarnings() {
        return dimensions.stream().anyMatch(d -> !d.problems().isEmpty());
    }

    /** The printable section of {@code config check --warehouse}. */
    public String text() {
        return TierCheckText.render(this);
    }

    /** Short sentences for the report: each problem tier and the segments it starves; empty when none. */
    public List<String> notes() {
        return TierCheckText.notes(this);
    }

    /** The tiers of one dimension at the refresh, score 1 to 5. */
    public record DimensionTiers(String dimension, String method, List<ScoreBoundary> tiers, long customers,
            List<Problem> problems) {

        public DimensionTiers {
            tiers = List.copyOf(tiers);
            problems = List.copyOf(problems);
        }

        /** Bit mask of the scores some customer had (bit s = score s); every score when none was scored. */
        public int occurring() {
            if (customers == 0) {
                return Condition.ANY_SCORE;
            }
            int mask = 0;
            for (ScoreBoundary b : tiers) {
                mask |= b.customers() > 0 ? 1 << b.score() : 0;
            }
            return mask;
        }

        public ScoreBoundary tier(int score) {
            return tiers.stream().filter(b -> b.score() == score).findFirst().orElseThrow();
        }
    }

    /** A tier no customer had (its boundaries equal, or just no value in it), or one holding most of them. */
    public record Problem(String dimension, int score, Kind kind, double share) {
        public enum Kind { EQUAL_BOUNDARIES, EMPTY, CROWDED }

        public boolean empty() {
            return kind != Kind.CROWDED;
        }
    }

    /**
     * {@code alternatives} of the {@code of} alternatives of {@code segment}'s rule allow the empty
     * {@code score} of {@code dimension}; {@code dead} of them allow no score customers had.
     */
    public record Starved(String segment, String dimension, int score, int alternatives, int dead, int of) {}

    /** Fixed thresholds for a dimension and the customers per score 1-5 they would give. */
    public record Suggestion(String dimension, double[] thresholds, long[] customers) {}
}
