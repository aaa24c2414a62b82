package org.retentionsegments.core.segment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.cluster.ClusterLabel;
import org.retentionsegments.core.config.Condition;
import org.retentionsegments.core.config.SegmentDefinition;
import org.retentionsegments.core.config.SegmentRules;

/**
 * Why one customer landed in its segment: the rule that matched ({@link SegmentRules#match}, the
 * function the refresh's {@link SegmentTable} is built from) and, for every rule before it, each
 * of its condition sets with the criteria that failed. A criterion is judged by
 * {@link Condition#matches} on a copy of the condition that keeps only that criterion, so the
 * trace uses the rules' own semantics; a condition set whose single criteria all hold but which
 * fails as a whole would be a contradiction, and is refused.
 */
public final class RuleTrace {

    /**
     * What the rules see of a customer: scores (null for a prospect), composite, lifecycle, flags
     * (bit mask of {@link Flag#bit()}) and cluster ({@link ClusterLabel#ordinal()} or
     * {@link Condition#NO_CLUSTER}).
     */
    public record Inputs(Integer r, Integer f, Integer m, Integer lifetimeF, Integer lifetimeM, Double composite,
            LifecycleStage stage, int flags, int cluster) {}

    /**
     * A criterion of a rule that the customer's value does not meet.
     *
     * @param criterion the key of segments.yaml: {@code r}, {@code f}, {@code m}, {@code lifetime_f},
     *     {@code lifetime_m}, {@code composite}, {@code lifecycle}, a flag such as {@code high_return_rate},
     *     or {@code cluster}
     * @param required what the rule asks, e.g. {@code 4-5}, {@code active}, {@code yes}
     * @param actual the customer's value, e.g. {@code 2}, {@code lapsed}, {@code no}, {@code none}
     * @param allowed for a score criterion, the scores the rule allows (bit s = score s); else 0
     */
    public record Failure(String criterion, String required, String actual, int allowed) {}

    /** An earlier rule that did not match: the failed criteria of each of its condition sets. */
    public record Miss(SegmentDefinition segment, List<List<Failure>> conditionSets) {

        public Miss {
            conditionSets = conditionSets.stream().map(List::copyOf).toList();
        }
    }

    /** The matched segment (its index in the rules) and the rules before it that did not match. */
    public record Trace(SegmentDefinition matched, List<Miss> earlier) {

        public Trace {
            earlier = List.copyOf(earlier);
        }
    }

    private static final Set<LifecycleStage> ALL_STAGES = EnumSet.allOf(LifecycleStage.class);

    private RuleTrace() {}

    /** The trace of a customer with these inputs through the rules. */
    public static Trace of(SegmentRules rules, Inputs in) {
        int matched = rules.match(in.r(), in.f(), in.m(), in.lifetimeF(), in.lifetimeM(), in.composite(),
                in.stage(), in.flags(), in.cluster());
        List<Miss> earlier = new ArrayList<>();
        for (int i = 0; i < matched; i++) {
            SegmentDefinition segment = rules.get(i);
            List<List<Failure>> sets = new ArrayList<>();
            for (Condition condition : segment.when()) {
                List<Failure> failures = failures(condition, in);
                if (failures.isEmpty()) {
                    throw new IllegalStateException("rule '" + segment.name() + "' matches " + in
                            + " but an earlier placement said it does not");
                }
                sets.add(failures);
            }
            earlier.add(new Miss(segment, sets));
        }
        return new Trace(rules.get(matched), earlier);
    }

    /** The criteria of one condition set that the customer fails; empty when it matches. */
    public static List<Failure> failures(Condition c, Inputs in) {
        List<Failure> failures = new ArrayList<>();
        if (c.clusters() != Condition.ANY_CLUSTER) {
            check(failures, only(c, Part.CLUSTER), in, "cluster", clusters(c.clusters()), cluster(in.cluster()), 0);
        }
        int before = failures.size();
        if (c.needsScores()) {
            check(failures, only(c, Part.SCORES), in, "scores", "has ordered", "never ordered", 0);
        }
        if (c.needsScores() && failures.size() == before) {
            check(failures, only(c, Part.R), in, "r", scores(c.rScores()), score(in.r()), c.rScores());
            check(failures, only(c, Part.F), in, "f", scores(c.fScores()), score(in.f()), c.fScores());
            check(failures, only(c, Part.M), in, "m", scores(c.mScores()), score(in.m()), c.mScores());
            check(failures, only(c, Part.LF), in, "lifetime_f", scores(c.lfScores()), score(in.lifetimeF()), c.lfScores());
            check(failures, only(c, Part.LM), in, "lifetime_m", scores(c.lmScores()), score(in.lifetimeM()), c.lmScores());
            check(failures, only(c, Part.COMPOSITE), in, "composite", plain(c.compositeMin()) + "-"
                    + plain(c.compositeMax()), plain(in.composite()), 0);
        }
        if (!c.lifecycle().containsAll(ALL_STAGES)) {
            check(failures, only(c, Part.LIFECYCLE), in, "lifecycle", c.lifecycle().stream().sorted()
                    .map(LifecycleStage::label).collect(Collectors.joining("/")), in.stage().label(), 0);
        }
        for (Flag flag : Flag.values()) {
            if (flag.in(c.flagsSet() | c.flagsClear())) {
                Condition one = new Condition(Condition.ANY_SCORE, Condition.ANY_SCORE, Condition.ANY_SCORE,
                        Condition.ANY_SCORE, Condition.ANY_SCORE, 1, 5, ALL_STAGES, c.flagsSet() & flag.bit(),
                        c.flagsClear() & flag.bit(), false, Condition.ANY_CLUSTER);
                check(failures, one, in, flag.label(), flag.in(c.flagsSet()) ? "yes" : "no",
                        flag.in(in.flags()) ? "yes" : "no", 0);
            }
        }
        if (failures.isEmpty() != c.matches(in.r(), in.f(), in.m(), in.lifetimeF(), in.lifetimeM(), in.composite(),
                in.stage(), in.flags(), in.cluster())) {
            throw new IllegalStateException("the criteria of " + c + " disagree with the condition on " + in);
        }
        return failures;
    }

    private enum Part { SCORES, R, F, M, LF, LM, COMPOSITE, LIFECYCLE, CLUSTER }

    /**
     * The condition with every criterion but {@code part} taken away; a score part (and
     * {@code SCORES}, which alone asks for scores at all) still needs the customer to have scores.
     */
    private static Condition only(Condition c, Part part) {
        int any = Condition.ANY_SCORE;
        boolean scored = part != Part.LIFECYCLE && part != Part.CLUSTER;
        return new Condition(
                part == Part.R ? c.rScores() : any,
                part == Part.F ? c.fScores() : any,
                part == Part.M ? c.mScores() : any,
                part == Part.LF ? c.lfScores() : any,
                part == Part.LM ? c.lmScores() : any,
                part == Part.COMPOSITE ? c.compositeMin() : Double.NEGATIVE_INFINITY,
                part == Part.COMPOSITE ? c.compositeMax() : Double.POSITIVE_INFINITY,
                part == Part.LIFECYCLE ? c.lifecycle() : ALL_STAGES,
                0, 0, scored,
                part == Part.CLUSTER ? c.clusters() : Condition.ANY_CLUSTER);
    }

    private static void check(List<Failure> failures, Condition one, Inputs in, String criterion, String required,
            String actual, int allowed) {
        if (!one.matches(in.r(), in.f(), in.m(), in.lifetimeF(), in.lifetimeM(), in.composite(), in.stage(),
                in.flags(), in.cluster())) {
            failures.add(new Failure(criterion, required, actual, allowed));
        }
    }

    /** The scores of a bit mask (bit s = score s): {@code 4-5}, {@code 3}, {@code 1,3,5}. */
    static String scores(int mask) {
        List<String> runs = new ArrayList<>();
        for (int[] run : Condition.scoreRuns(mask)) {
            runs.add(run[0] == run[1] ? String.valueOf(run[0]) : run[0] + "-" + run[1]);
        }
        return String.join(",", runs);
    }

    private static String score(Integer score) {
        return String.valueOf(score);
    }

    private static String clusters(int mask) {
        return java.util.Arrays.stream(ClusterLabel.values()).filter(l -> (mask & (1 << l.ordinal())) != 0)
                .map(ClusterLabel::label).collect(Collectors.joining("/"));
    }

    private static String cluster(int cluster) {
        return cluster == Condition.NO_CLUSTER ? "none" : ClusterLabel.values()[cluster].label();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value)
                : String.valueOf(Math.round(value * 100) / 100.0);
    }
}
