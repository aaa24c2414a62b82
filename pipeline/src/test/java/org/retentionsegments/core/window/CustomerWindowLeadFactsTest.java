package org.retentionsegments.core.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.EngagementType;

/** The facts lead scoring reads: decayed engagement counts, signup day and email consent. */
class CustomerWindowLeadFactsTest {

    private static DayActivity day(int day) {
        DayActivity d = new DayActivity();
        d.customerId = "c";
        d.day = day;
        return d;
    }

    @Test
    void engagementDecaysByAgeWithinNinetyDaysAndSignupAndConsentAreKept() {
        CustomerWindow window = new CustomerWindow(365, 10.0);
        CustomerHistory history = new CustomerHistory();
        TreeMap<Integer, WindowBucket> buckets = new TreeMap<>();
        DayActivity signup = day(100);
        signup.signedUp = true;
        signup.emailConsent = 1;
        signup.country = "GB";
        DayActivity visits = day(110);
        visits.engagement[EngagementType.SITE_VISIT.ordinal()] = 4;
        visits.engagementEvents = 4;
        DayActivity bounce = day(115);
        bounce.engagement[EngagementType.EMAIL_BOUNCE.ordinal()] = 1;
        bounce.engagementEvents = 1;
        bounce.emailConsent = 0;
        for (DayActivity d : new DayActivity[] {signup, visits, bounce}) {
            history.fold(d);
            buckets.put(d.day, WindowBucket.of(d));
        }
        // as of day 120: the visits are 10 days old (one half-life), the bounce 5
        CustomerFacts at120 = window.facts("c", 120, history, buckets.values().toArray(new WindowBucket[0]));
        assertEquals(2.0, at120.engagementDecayed(EngagementType.SITE_VISIT, 120, 10.0), 1e-9);
        assertEquals(Math.pow(0.5, 0.5), at120.engagementDecayed(EngagementType.EMAIL_BOUNCE, 120, 10.0), 1e-9);
        assertEquals(100, at120.signupDay());
        assertEquals(0, at120.emailConsent(), "the latest consent wins");
        assertEquals("GB", at120.country(), "a day without a country keeps the one before");
        assertEquals(EngagementType.SITE_VISIT, at120.topEngagement());
        // facts aged to day 130 agree with facts computed on day 130
        CustomerFacts at130 = window.facts("c", 130, history, buckets.values().toArray(new WindowBucket[0]));
        assertEquals(at130.engagementDecayed(EngagementType.SITE_VISIT, 130, 10.0),
                at120.engagementDecayed(EngagementType.SITE_VISIT, 130, 10.0), 1e-9);
        assertEquals(1.0, at130.engagementDecayed(EngagementType.SITE_VISIT, 130, 10.0), 1e-9);
        // 91 days after the visits they no longer count (nor in engagement90)
        CustomerFacts at201 = window.facts("c", 201, history, buckets.values().toArray(new WindowBucket[0]));
        assertEquals(0.0, at201.engagementDecayed(EngagementType.SITE_VISIT, 201, 10.0));
        assertEquals(0, at201.engagement90(EngagementType.SITE_VISIT));
        CustomerFacts at200 = window.facts("c", 200, history, buckets.values().toArray(new WindowBucket[0]));
        assertEquals(4 * Math.pow(0.5, 9.0), at200.engagementDecayed(EngagementType.SITE_VISIT, 200, 10.0), 1e-9);
    }

    @Test
    void anUnknownEventTypeIsOtherAndBounceIsItsOwnType() {
        assertEquals(EngagementType.EMAIL_BOUNCE, EngagementType.of("email_bounce"));
        assertEquals(EngagementType.OTHER, EngagementType.of("webinar"));
    }
}
