package org.retentionsegments.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.config.SegmentContract.Range;

/** The {@code expect:} key of segments.yaml: what parses to which contracts, and one-line errors for the rest. */
class SegmentContractTest {

    /** Two segments; {@code EXPECT} is replaced by line 5, the New rule's expect. */
    private static final String YAML = """
            segments:
              - name: New
                engagement_rank: 2
                description: first order lately
                EXPECT
                when: { lifecycle: new }
              - name: Rest
                engagement_rank: 0
                description: everyone else
            """;

    private static List<SegmentContract> contracts(String expect) {
        String text = YAML.replace("EXPECT", expect);
        return SegmentRules.parse(YamlNode.parse("segments.yaml", text)).contracts();
    }

    @Test
    void aMappingWithAConditionAndAShare() {
        SegmentContract c = contracts("expect: { lifecycle: new, share_at_least: 0.9 }").get(0);
        assertEquals("New", c.segment());
        assertFalse(c.sizeContract());
        assertEquals(Set.of(LifecycleStage.NEW), c.lifecycle());
        assertEquals(0.9, c.shareAtLeast());
        assertNull(c.recencyDays());
        assertEquals("lifecycle new", c.condition());
    }

    @Test
    void aMinimumSize() {
        SegmentContract c = contracts("expect: { min_size: 1000 }").get(0);
        assertTrue(c.sizeContract());
        assertEquals(1000, c.minSize());
        assertEquals("", c.condition());
    }

    @Test
    void aListOfContractsWithRangesFlagsAndTheDefaultShareOfAll() {
        List<SegmentContract> list = contracts("""
                expect:
                      - { recency_days: "0-120", frequency: 2+, monetary: 99.5-1000 }
                      - { lifecycle: [active, new], flags: { high_return_rate: false, single_channel: true } }
                      - min_size: 5
                        share_at_least: 0.5
                        monetary: 10""");
        assertEquals(4, list.size(), "the last mapping gives a size and a condition contract: " + list);
        SegmentContract ranges = list.get(0);
        assertEquals(new Range(0, 120), ranges.recencyDays());
        assertEquals(new Range(2, Double.POSITIVE_INFINITY), ranges.frequency());
        assertEquals(new Range(99.5, 1000), ranges.monetary());
        assertEquals(1.0, ranges.shareAtLeast(), "every customer unless share_at_least says otherwise");
        assertEquals("recency 0-120 days and frequency 2+ and monetary 99.5-1000", ranges.condition());
        SegmentContract flags = list.get(1);
        assertEquals("lifecycle new or active and high_return_rate false and single_channel true", flags.condition());
        assertEquals(Flag.SINGLE_CHANNEL.bit(), flags.flagsSet());
        assertEquals(Flag.HIGH_RETURN_RATE.bit(), flags.flagsClear());
        assertEquals(5, list.get(2).minSize());
        assertEquals(new Range(10, 10), list.get(3).monetary());
        assertEquals("monetary 10", list.get(3).condition());
        assertEquals(0.5, list.get(3).shareAtLeast());
    }

    @Test
    void matchesIsTheConditionOnOneCustomer() {
        SegmentContract c = contracts("expect: { lifecycle: [new, active], recency_days: 0-30, frequency: 1-3,"
                + " monetary: 10+, flags: { email_unengaged: false } }").get(0);
        assertTrue(c.matches(LifecycleStage.NEW, 30, 3, 10.0, Flag.HIGH_RETURN_RATE.bit()), "ends included");
        assertFalse(c.matches(LifecycleStage.LAPSED, 10, 2, 50.0, 0));
        assertFalse(c.matches(LifecycleStage.NEW, 31, 2, 50.0, 0));
        assertFalse(c.matches(LifecycleStage.NEW, null, 2, 50.0, 0), "no recency (a prospect) never meets a range");
        assertFalse(c.matches(LifecycleStage.NEW, 10, 4, 50.0, 0));
        assertFalse(c.matches(LifecycleStage.NEW, 10, 2, 9.99, 0));
        assertFalse(c.matches(LifecycleStage.NEW, 10, 2, 50.0, Flag.EMAIL_UNENGAGED.bit()));
    }

    @Test
    void noExpectNoContracts() {
        assertEquals(List.of(), contracts(""));
        assertEquals(List.of(), ConfigBundle.loadDefault().segments().segments().get(0).expect());
    }

    static Stream<Arguments> invalid() {
        String at = "segments.yaml: line 5: segment 'New': ";
        return Stream.of(
                Arguments.of("expect: { lifecycle: sleepy }",
                        at + "expect: lifecycle 'sleepy' is not one of prospect, new, active, lapsing, lapsed, reactivated"),
                Arguments.of("expect: { min_size: 10, colour: red }",
                        at + "expect: unknown key 'colour' (expected one of: min_size, share_at_least, lifecycle,"
                                + " recency_days, frequency, monetary, flags)"),
                Arguments.of("expect: { share_at_least: 0.9 }",
                        at + "expect: share_at_least needs a condition on the customers (lifecycle, recency_days,"
                                + " frequency, monetary, flags)"),
                Arguments.of("expect: { lifecycle: new, share_at_least: 1.5 }",
                        at + "expect: share_at_least 1.5 is out of range 0..1"),
                Arguments.of("expect: { lifecycle: new, share_at_least: 90% }",
                        at + "expect: share_at_least must be a number, not '90%'"),
                Arguments.of("expect: { min_size: -1 }", at + "expect: min_size -1 is out of range 0..2147483647"),
                Arguments.of("expect: { min_size: lots }", at + "expect: min_size must be a whole number, not 'lots'"),
                Arguments.of("expect: { min_size: }",
                        at + "expect: min_size has no value: write one, or delete the line for the default"),
                Arguments.of("expect: {}",
                        at + "expect: nothing to check: write min_size or a condition (lifecycle,"
                                + " recency_days, frequency, monetary, flags)"),
                Arguments.of("expect: []", at + "expect is an empty list; omit it for no contract"),
                Arguments.of("expect: 1000", at + "expect must be a mapping of keys to values, not '1000'"),
                Arguments.of("expect: [ { min_size: 1 }, 5 ]",
                        at + "expect 2: expected a mapping of keys to values, not '5'"),
                Arguments.of("expect: [ { min_size: 1 }, { lifecycle: old } ]",
                        at + "expect 2: lifecycle 'old' is not one of prospect, new, active, lapsing, lapsed, reactivated"),
                Arguments.of("expect: { recency_days: 120-0 }",
                        at + "expect: recency_days range 120-0 is empty (low end above high end)"),
                Arguments.of("expect: { recency_days: 0-12.5 }",
                        at + "expect: recency_days '0-12.5' is not a range like 0-120, 2+ or 30 (whole numbers, 0 or more)"),
                Arguments.of("expect: { frequency: -2 }",
                        at + "expect: frequency '-2' is not a range like 0-120, 2+ or 30 (whole numbers, 0 or more)"),
                Arguments.of("expect: { frequency: 1-2-3 }",
                        at + "expect: frequency '1-2-3' is not a range like 0-120, 2+ or 30 (whole numbers, 0 or more)"),
                Arguments.of("expect: { monetary: 1+5 }",
                        at + "expect: monetary '1+5' is not a range like 100-500, 100+ or 250 (numbers, 0 or more)"),
                Arguments.of("expect: { monetary: [1, 5] }",
                        at + "expect: monetary must be a range like 100-500, 100+ or 250, not a list"),
                Arguments.of("expect: { frequency: true }",
                        at + "expect: frequency must be a range like 0-120, 2+ or 30, not 'true'"),
                Arguments.of("expect: { flags: { vip: true } }",
                        at + "expect: unknown flag 'vip' (expected one of: high_return_rate, single_channel,"
                                + " discount_dependent, email_unengaged)"),
                Arguments.of("expect: { flags: { single_channel: often } }",
                        at + "expect: single_channel must be true or false, not 'often'"),
                Arguments.of("expect: { flags: {} }",
                        at + "expect: flags is an empty mapping; omit it for no condition on flags"),
                Arguments.of("expect: { cluster: Reward }",
                        at + "expect: unknown key 'cluster' (expected one of: min_size, share_at_least, lifecycle,"
                                + " recency_days, frequency, monetary, flags)"));
    }

    @ParameterizedTest
    @MethodSource
    void invalid(String expect, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> contracts(expect));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aListItemIsNamedByItsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> contracts("""
                expect:
                      - { min_size: 1 }
                      - { recency_days: soon }"""));
        assertEquals("segments.yaml: line 7: segment 'New': expect 2: recency_days 'soon' is not a range like 0-120,"
                + " 2+ or 30 (whole numbers, 0 or more)", e.getMessage());
    }
}
