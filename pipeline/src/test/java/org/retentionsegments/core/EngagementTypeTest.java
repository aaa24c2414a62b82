package org.retentionsegments.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.retentionsegments.core.window.CustomerHistory;
import org.retentionsegments.core.window.CustomerWindow;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.core.window.WindowBucket;

/** Engagement types, and the one shared array of zeros that stands for no engagement. */
class EngagementTypeTest {

    @Test
    void anyEventTypeMapsOntoAKnownType() {
        assertEquals(EngagementType.EMAIL_OPEN, EngagementType.of(" email_open "));
        assertEquals(EngagementType.OTHER, EngagementType.of("webinar"));
        assertEquals(EngagementType.OTHER, EngagementType.of(null));
    }

    @Test
    void countsOfZerosShareOneArrayAndOthersKeepTheirs() {
        int[] zeros = new int[EngagementType.COUNT];
        int[] shared = EngagementType.sharedIfNone(zeros);
        assertNotSame(zeros, shared);
        assertArrayEquals(zeros, shared);
        assertSame(shared, EngagementType.sharedIfNone(new int[EngagementType.COUNT]));
        int[] some = new int[EngagementType.COUNT];
        some[EngagementType.SITE_VISIT.ordinal()] = 2;
        assertSame(some, EngagementType.sharedIfNone(some));
        int[] shorter = new int[3];
        assertSame(shorter, EngagementType.sharedIfNone(shorter));
        assertNull(EngagementType.sharedIfNone((int[]) null));
    }

    @Test
    void valuesShareOnlyWhenEveryBitIsZero() {
        double[] zeros = new double[EngagementType.COUNT];
        assertSame(EngagementType.sharedIfNone(new double[EngagementType.COUNT]), EngagementType.sharedIfNone(zeros));
        double[] negativeZero = new double[EngagementType.COUNT];
        negativeZero[4] = -0.0;
        assertSame(negativeZero, EngagementType.sharedIfNone(negativeZero));
    }

    @Test
    void anOrdersOnlyCustomersDaysAndFactsShareTheArraysOfZeros() {
        DayActivity day = new DayActivity();
        day.customerId = "c1";
        day.day = 20_000;
        day.orders = 1;
        day.revenue = 25.0;
        day.gross = 25.0;
        WindowBucket bucket = WindowBucket.of(day);
        WindowBucket other = WindowBucket.of(day);
        assertSame(bucket.engagement, other.engagement);
        assertNotSame(day.engagement, bucket.engagement);

        CustomerHistory history = new CustomerHistory();
        history.fold(day);
        WindowBucket[] buckets = {bucket};
        CustomerFacts facts = new CustomerWindow(365).facts("c1", day.day + 1, history, buckets);
        CustomerFacts later = new CustomerWindow(365).facts("c1", day.day + 2, history, buckets);
        assertEquals(1, facts.frequency());
        assertSame(facts.engagement30(), later.engagement30());
        assertSame(facts.engagement30(), facts.engagement90());
        assertSame(facts.engagementDecayed(), later.engagementDecayed());

        day.engagement[EngagementType.EMAIL_CLICK.ordinal()] = 1;
        WindowBucket engaged = WindowBucket.of(day);
        assertNotSame(bucket.engagement, engaged.engagement);
        assertEquals(0, bucket.engagement[EngagementType.EMAIL_CLICK.ordinal()], "the shared zeros are untouched");
    }
}
