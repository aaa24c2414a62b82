package org.retentionsegments.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;

class SegmentRulesTest {

    private static final String YAML = """
            segments:
              - name: Returners
                engagement_rank: 1
                description: return a lot
                when: { flags: { high_return_rate: true } }
              - name: Top
                engagement_rank: 5
                description: best composite
                when: { composite: "4.5-5" }
              - name: Early
                engagement_rank: 4
                description: early
                when:
                  - { r: [4, 5], f: 1, lifecycle: [new, reactivated] }
                  - { r: 5, m: 1-2, flags: { email_unengaged: false } }
              - name: Rest
                engagement_rank: 0
                description: everyone else
            """;

    private final SegmentRules rules = SegmentRules.parse(YamlNode.parse("segments.yaml", YAML));
    private final ScoringConfig scoring = ConfigBundle.loadDefault().pipeline().scoring();

    private String match(int r, int f, int m, LifecycleStage stage, int flags) {
        return rules.get(rules.match(r, f, m, scoring.composite(r, f, m), stage, flags)).name();
    }

    @Test
    void firstMatchingRuleWins() {
        int returns = Flag.HIGH_RETURN_RATE.bit();
        assertEquals("Returners", match(5, 5, 5, LifecycleStage.ACTIVE, returns));
        assertEquals("Top", match(5, 5, 5, LifecycleStage.ACTIVE, 0));
    }

    @Test
    void compositeRangeIsInclusive() {
        assertEquals("Top", match(5, 5, 4, LifecycleStage.ACTIVE, 0)); // 4.67
        assertEquals("Top", match(5, 4, 5, LifecycleStage.ACTIVE, 0));
        assertEquals("Rest", match(4, 4, 4, LifecycleStage.ACTIVE, 0)); // 4.0
    }

    @Test
    void listsRangesLifecycleAndFlagConditions() {
        assertEquals("Early", match(4, 1, 3, LifecycleStage.NEW, 0));
        assertEquals("Early", match(4, 1, 3, LifecycleStage.REACTIVATED, 0));
        assertEquals("Rest", match(4, 1, 3, LifecycleStage.ACTIVE, 0));
        assertEquals("Rest", match(3, 1, 3, LifecycleStage.NEW, 0));
        assertEquals("Early", match(5, 3, 2, LifecycleStage.ACTIVE, 0));
        assertEquals("Rest", match(5, 3, 2, LifecycleStage.ACTIVE, Flag.EMAIL_UNENGAGED.bit()));
        assertEquals("Rest", match(5, 3, 3, LifecycleStage.ACTIVE, 0));
    }

    @Test
    void scoreConditionsNeverMatchProspects() {
        int none = rules.match(null, null, null, null, LifecycleStage.PROSPECT, 0);
        assertEquals("Rest", rules.get(none).name());
        int returns = rules.match(null, null, null, null, LifecycleStage.PROSPECT,
                Flag.HIGH_RETURN_RATE.bit());
        assertEquals("Returners", rules.get(returns).name());
    }

    @Test
    void definitionsKeepOrderRankAndText() {
        assertEquals(4, rules.size());
        assertEquals(2, rules.indexOf("Early"));
        assertEquals(-1, rules.indexOf("Nobody"));
        assertEquals(4, rules.get(2).engagementRank());
        assertEquals(2, rules.get(2).when().size());
        assertEquals(true, rules.get(3).catchAll());
    }
}
