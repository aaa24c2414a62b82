package org.retentionsegments.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.FactsBuilder.DAY0;
import static org.retentionsegments.core.fixtures.FactsBuilder.customer;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.EngagementType;
import org.retentionsegments.core.config.LeadScoring.LeadClass;
import org.retentionsegments.core.fixtures.ConfigTexts;

/** Known answers of the lead score, its decay and classes, and one-line errors for a bad file. */
class LeadScoringTest {

    private static final String DEFAULT = ConfigBundle.classpath(LeadScoring.FILE);

    private static LeadScoring parse(String text) {
        return LeadScoring.parse(YamlNode.parse(LeadScoring.FILE, text));
    }

    private static final LeadScoring SMALL = parse("""
            score: prospects
            decay: { half_life_days: 10 }
            signals:
              - { name: Visits, category: Behavioral, event: site_visit, points_each: 10, max_points: 30 }
              - { name: Opens, category: Engagement, event: email_open, points: 20, min_events: 2 }
              - { name: Consent, category: Profile, email_consent: true, points: 15 }
              - { name: New, category: Profile, signed_up_within_days: 7, points: 5 }
              - { name: Unsubscribed, category: Negative, unsubscribed: true, points: -40 }
              - { name: Inactive, category: Negative, inactive_days: 30, points: -10 }
            thresholds: { warm: 20, hot: 40, sales_ready: 60 }
            """);

    @Test
    void theDefaultFileIsTheSeedsThresholdsAndScoresProspects() {
        LeadScoring d = parse(DEFAULT);
        assertEquals(LeadScoring.Scope.PROSPECTS, d.scope());
        assertEquals(30.0, d.halfLifeDays());
        assertEquals(31, d.warm());
        assertEquals(51, d.hot());
        assertEquals(81, d.salesReady());
        assertEquals(LeadClass.COLD, d.classOf(30));
        assertEquals(LeadClass.WARM, d.classOf(31));
        assertEquals(LeadClass.WARM, d.classOf(50));
        assertEquals(LeadClass.HOT, d.classOf(51));
        assertEquals(LeadClass.HOT, d.classOf(80));
        assertEquals(LeadClass.SALES_READY, d.classOf(81));
        assertTrue(d.signals().stream().anyMatch(s -> s.points() < 0), "has negative signals");
        assertEquals(d, ConfigTexts.withPipeline(ConfigTexts.PIPELINE).leadScoring(), "the bundle loads it");
    }

    @Test
    void pointsAddUpWithCapsAndThresholdsOnDecayedCounts() {
        // 2.5 decayed visits = 25 points (cap 30); 2 decayed opens reach min_events 2: 20; consent 15;
        // signed up 3 days ago: 5. Engaged yesterday, so not inactive. 65 = sales ready.
        CustomerFacts f = customer("p").decayed(EngagementType.SITE_VISIT, 2.5)
                .decayed(EngagementType.EMAIL_OPEN, 2.0).engagement(EngagementType.SITE_VISIT, 3, 3, -1)
                .emailConsent(1).signedUp(-3).build();
        assertEquals(new LeadScoring.Lead(65, LeadClass.SALES_READY), SMALL.score(f, DAY0));
        // Ten decayed visits are capped at 30.
        CustomerFacts many = customer("q").decayed(EngagementType.SITE_VISIT, 10)
                .engagement(EngagementType.SITE_VISIT, 10, 10, -1).build();
        assertEquals(new LeadScoring.Lead(30, LeadClass.WARM), SMALL.score(many, DAY0));
    }

    @Test
    void countsAgeByTheHalfLifeUntilTheNextFacts() {
        // facts as of DAY0: 4 decayed visits; 10 days later (one half-life) they count as 2 = 20 points,
        // 1.9 opens are below min_events 2.
        CustomerFacts f = customer("p").decayed(EngagementType.SITE_VISIT, 4)
                .decayed(EngagementType.EMAIL_OPEN, 1.9).engagement(EngagementType.SITE_VISIT, 4, 4, -1).build();
        assertEquals(2.0, f.engagementDecayed(EngagementType.SITE_VISIT, DAY0 + 10, 10), 1e-12);
        assertEquals(4.0, f.engagementDecayed(EngagementType.SITE_VISIT, DAY0, 10), 1e-12);
        assertEquals(30, SMALL.score(f, DAY0).score(), "4 visits capped at 30; opens 1.9 < 2");
        assertEquals(20, SMALL.score(f, DAY0 + 10).score());
    }

    @Test
    void negativeSignalsAndTheFloorAtZero() {
        CustomerFacts unsubscribed = customer("u").unsubscribed().emailConsent(1)
                .engagement(EngagementType.UNSUBSCRIBE, 1, 1, -2).build();
        // consent 15 - unsubscribed 40 = -25, kept at 0
        assertEquals(new LeadScoring.Lead(0, LeadClass.COLD), SMALL.score(unsubscribed, DAY0));
        // never engaged nor ordered: inactive (-10); consent 15 + signed up 7 days ago 5 = 10
        CustomerFacts quiet = customer("q").emailConsent(1).signedUp(-7).build();
        assertEquals(10, SMALL.score(quiet, DAY0).score());
        // last engaged 30 days ago: inactive; 29 days ago: not
        CustomerFacts month = customer("m").emailConsent(1).engagement(EngagementType.SITE_VISIT, 0, 1, -30).build();
        assertEquals(5, SMALL.score(month, DAY0).score());
        CustomerFacts recent = customer("r").emailConsent(1).engagement(EngagementType.SITE_VISIT, 1, 1, -29).build();
        assertEquals(15, SMALL.score(recent, DAY0).score());
        // an order counts as activity too
        CustomerFacts buyer = customer("b").emailConsent(1).ordered(-5, -5).build();
        assertEquals(15, SMALL.score(buyer, DAY0).score());
    }

    @Test
    void aCountrySignalMatchesTheCustomersCountryInAnyCase() {
        LeadScoring s = parse(SMALL_WITH_COUNTRY);
        assertEquals(LeadScoring.Kind.COUNTRY, s.signals().get(0).kind());
        assertEquals(java.util.List.of("GB", "IE"), s.signals().get(0).countries());
        assertEquals("country GB, IE", s.signals().get(0).rule());
        assertEquals(12, s.score(customer("a").country("gb ").build(), DAY0).score());
        assertEquals(12, s.score(customer("b").country("IE").build(), DAY0).score());
        assertEquals(0, s.score(customer("c").country("US").build(), DAY0).score());
        assertEquals(0, s.score(customer("d").build(), DAY0).score());
    }

    private static final String SMALL_WITH_COUNTRY = """
            signals:
              - { name: Home market, category: Profile, country: [gb, ' IE'], points: 12 }
            """;

    @Test
    void scopeProspectsSkipsBuyersAndAllScoresEveryone() {
        CustomerFacts buyer = customer("b").ordered(-5, -5).build();
        CustomerFacts prospect = customer("p").build();
        assertFalse(SMALL.scores(buyer));
        assertTrue(SMALL.scores(prospect));
        LeadScoring all = parse(DEFAULT.replace("score: prospects", "score: all"));
        assertTrue(all.scores(buyer));
    }

    static Stream<Arguments> invalid() {
        String signal = "  - { name: Product usage,      category: Behavioral, event: product_usage, points_each: 15, max_points: 30 }";
        return Stream.of(
                Arguments.of(DEFAULT.replace("score: prospects", "score: buyers"),
                        "lead_scoring.yaml: line 10: score must be 'prospects' (customers who never ordered) or 'all'"
                                + " (every customer), not 'buyers'"),
                Arguments.of(DEFAULT.replace(signal, "  - { name: Product usage, event: product_use, points: 10 }"),
                        "lead_scoring.yaml: line 31: signal 'Product usage': event 'product_use' is not a known"
                                + " engagement type (one of: email_open, email_click, site_visit, app_session,"
                                + " product_usage, push_open, sms_click, support_ticket, unsubscribe, email_bounce);"
                                + " other types are counted together and cannot be scored"),
                Arguments.of(DEFAULT.replace(signal, "  - { name: Product usage, event: product_usage }"),
                        "lead_scoring.yaml: line 31: signal 'Product usage': needs points (the points it gives;"
                                + " negative for a negative signal)"),
                Arguments.of(DEFAULT.replace(signal, "  - { name: Product usage, points: 5 }"),
                        "lead_scoring.yaml: line 31: signal 'Product usage': a signal needs exactly one of event,"
                                + " email_consent, signed_up_within_days, unsubscribed, inactive_days, country"),
                Arguments.of(DEFAULT.replace(signal, "  - { name: Product usage, country: [], points: 5 }"),
                        "lead_scoring.yaml: line 31: signal 'Product usage': country needs at least one country,"
                                + " e.g. country: [GB, IE]"),
                Arguments.of(DEFAULT.replace(signal,
                                "  - { name: Product usage, event: site_visit, unsubscribed: true, points: 5 }"),
                        "lead_scoring.yaml: line 31: signal 'Product usage': a signal needs exactly one of event,"
                                + " email_consent, signed_up_within_days, unsubscribed, inactive_days, country (it has"
                                + " event and unsubscribed)"),
                Arguments.of(DEFAULT.replace(signal,
                                "  - { name: Product usage, event: site_visit, points_each: 5, min_events: 2 }"),
                        "lead_scoring.yaml: line 31: signal 'Product usage': points_each counts every event: it does"
                                + " not go with points or min_events (use points with min_events for a one-off bonus)"),
                Arguments.of(DEFAULT.replace(signal, "  - { name: Product usage, event: site_visit, points: 0 }"),
                        "lead_scoring.yaml: line 31: signal 'Product usage': points is 0: the signal would change"
                                + " nothing"),
                Arguments.of(DEFAULT.replace(signal, "  - { name: Site visits, event: site_visit, points: 3 }"),
                        "lead_scoring.yaml: line 32: signal 'Site visits': the name 'Site visits' is used by another"
                                + " signal; names must be unique"),
                Arguments.of(DEFAULT.replace("  hot: 51", "  hot: 20"),
                        "lead_scoring.yaml: line 45: thresholds: thresholds must rise: warm (31) < hot (20) <"
                                + " sales_ready (81); a score below warm is cold"),
                Arguments.of(DEFAULT.replace("half_life_days: 30", "half_life_days: 0"),
                        "lead_scoring.yaml: line 16: decay: half_life_days 0 is out of range 1..3650"),
                Arguments.of(DEFAULT + "extra: 1\n",
                        "lead_scoring.yaml: line 49: unknown key 'extra' (expected one of: score, decay, signals,"
                                + " thresholds)"),
                Arguments.of("", "lead_scoring.yaml: the file is empty: write the signals under 'signals:', or"
                        + " delete the file to use the built-in lead scoring"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void anInvalidFileFailsWithOneLineNamingThePlace(String text, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(text));
        assertEquals(message, e.getMessage());
    }
}
