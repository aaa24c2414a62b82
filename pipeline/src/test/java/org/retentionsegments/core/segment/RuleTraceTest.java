package org.retentionsegments.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.config.Condition;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.SegmentRules;
import org.retentionsegments.core.fixtures.ConfigTexts;
import org.retentionsegments.core.segment.RuleTrace.Failure;
import org.retentionsegments.core.segment.RuleTrace.Inputs;
import org.retentionsegments.core.segment.RuleTrace.Trace;

class RuleTraceTest {

    private static final ConfigBundle DEFAULTS = ConfigBundle.loadDefault();

    private static Inputs scored(int r, int f, int m, int lf, int lm, LifecycleStage stage, int flags) {
        return new Inputs(r, f, m, lf, lm, DEFAULTS.pipeline().scoring().composite(r, f, m), stage, flags,
                Condition.NO_CLUSTER);
    }

    @Test
    void aPromisingCustomerIsToldWhyEachEarlierRuleFailed() {
        Trace trace = RuleTrace.of(DEFAULTS.segments(), scored(2, 1, 2, 1, 2, LifecycleStage.ACTIVE, 0));

        assertEquals("Promising", trace.matched().name());
        assertEquals(List.of("Prospects", "New", "Reactivated", "Champions", "Can't Lose Them", "Loyal",
                "Potential Loyalist"), trace.earlier().stream().map(m -> m.segment().name()).toList());
        assertEquals(List.of(List.of(new Failure("lifecycle", "prospect", "active", 0))),
                trace.earlier().get(0).conditionSets());
        assertEquals(List.of(List.of(new Failure("f", "4-5", "1", 0b110000), new Failure("m", "4-5", "2", 0b110000))),
                trace.earlier().get(3).conditionSets());
        assertEquals(List.of(List.of(new Failure("lifetime_m", "5", "2", 0b100000),
                new Failure("lifecycle", "lapsing/lapsed", "active", 0))), trace.earlier().get(4).conditionSets());
        // Loyal has two condition sets; each fails on its own criterion
        assertEquals(List.of(List.of(new Failure("f", "3", "1", 0b1000)),
                List.of(new Failure("f", "4-5", "1", 0b110000))), trace.earlier().get(5).conditionSets());
    }

    @Test
    void aCustomerWithoutScoresFailsEachScoredRuleOnceForHavingNone() {
        // a lapsed stage, so that the classic grid's Prospects rule (lifecycle prospect) does not match first
        Inputs unscored = new Inputs(null, null, null, null, null, null, LifecycleStage.LAPSED, 0,
                Condition.NO_CLUSTER);
        Trace trace = RuleTrace.of(ConfigTexts.classic().segments(), unscored);

        assertEquals("Lost", trace.matched().name());
        for (RuleTrace.Miss miss : trace.earlier().subList(1, trace.earlier().size())) {
            for (List<Failure> set : miss.conditionSets()) {
                assertEquals(1, set.stream().filter(f -> f.criterion().equals("scores")).count(), miss.toString());
                assertTrue(set.stream().noneMatch(f -> f.allowed() != 0), "no score criterion once scores are missing");
            }
        }
    }

    @Test
    void aFlagCriterionSaysWhichWayTheFlagMustBe() {
        Inputs unengaged = scored(5, 5, 5, 5, 5, LifecycleStage.ACTIVE, Flag.EMAIL_UNENGAGED.bit());
        Condition needsEngaged = new Condition(Condition.ANY_SCORE, Condition.ANY_SCORE, Condition.ANY_SCORE,
                Condition.ANY_SCORE, Condition.ANY_SCORE, 1, 5, java.util.EnumSet.allOf(LifecycleStage.class),
                Flag.HIGH_RETURN_RATE.bit(), Flag.EMAIL_UNENGAGED.bit(), false, Condition.ANY_CLUSTER);

        assertEquals(List.of(new Failure("high_return_rate", "yes", "no", 0), new Failure("email_unengaged", "no", "yes", 0)),
                RuleTrace.failures(needsEngaged, unengaged));
    }

    /**
     * Over every score cell and stage, without flags, with each flag and with all: the trace matches the segment the refresh's table
     * gives, every earlier condition set has a failure, and every failure names a criterion that
     * is false for the inputs (checked here against the condition's fields, not through matches).
     */
    @Test
    void everyTraceAgreesWithThePlacementAndNamesOnlyFalseCriteria() {
        for (ConfigBundle config : List.of(DEFAULTS, ConfigTexts.classic())) {
            SegmentRules rules = config.segments();
            SegmentTable table = new SegmentTable(rules, config.pipeline().scoring());
            int traced = 0;
            for (int[] cell : SegmentTable.cells(rules)) {
                for (LifecycleStage stage : LifecycleStage.values()) {
                    if (stage == LifecycleStage.PROSPECT) {
                        continue;
                    }
                    for (int flags : new int[] {0, 1, 2, 4, 8, Flag.MASKS - 1}) {
                        Inputs in = scored(cell[0], cell[1], cell[2], cell[3], cell[4], stage, flags);
                        Trace trace = RuleTrace.of(rules, in);
                        assertEquals(table.segment(cell[0], cell[1], cell[2], cell[3], cell[4], stage, flags,
                                Condition.NO_CLUSTER), trace.matched().index());
                        for (RuleTrace.Miss miss : trace.earlier()) {
                            assertEquals(miss.segment().when().size(), miss.conditionSets().size());
                            for (int k = 0; k < miss.conditionSets().size(); k++) {
                                List<Failure> set = miss.conditionSets().get(k);
                                assertFalse(set.isEmpty());
                                for (Failure f : set) {
                                    assertTrue(reallyFalse(miss.segment().when().get(k), f, in), f + " for " + in);
                                    traced++;
                                }
                            }
                        }
                    }
                }
            }
            assertTrue(traced > 10_000, "traced " + traced + " failures");
        }
    }

    private static boolean reallyFalse(Condition c, Failure f, Inputs in) {
        return switch (f.criterion()) {
            case "r" -> (c.rScores() & (1 << in.r())) == 0 && f.actual().equals(String.valueOf(in.r()));
            case "f" -> (c.fScores() & (1 << in.f())) == 0 && f.actual().equals(String.valueOf(in.f()));
            case "m" -> (c.mScores() & (1 << in.m())) == 0 && f.actual().equals(String.valueOf(in.m()));
            case "lifetime_f" -> (c.lfScores() & (1 << in.lifetimeF())) == 0;
            case "lifetime_m" -> (c.lmScores() & (1 << in.lifetimeM())) == 0;
            case "composite" -> in.composite() < c.compositeMin() || in.composite() > c.compositeMax();
            case "lifecycle" -> !c.lifecycle().contains(in.stage()) && f.actual().equals(in.stage().label());
            default -> {
                Flag flag = Flag.parse(f.criterion());
                yield flag != null && (flag.in(c.flagsSet()) ? !flag.in(in.flags()) : flag.in(in.flags()));
            }
        };
    }
}
