package org.retentionsegments.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValuesTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final LocalDateTime NOON = LocalDateTime.of(2011, 12, 9, 12, 50);

    @Test
    void rewritesSpreadsheetTimestampsToIsoAndLeavesTheRestAlone() {
        assertEquals("2010-12-01 08:26", Values.isoFromSpreadsheet("12/1/2010 8:26"));
        assertEquals("2011-01-09 12:50:07", Values.isoFromSpreadsheet("1/9/2011 12:50:07"));
        assertEquals(LocalDateTime.of(2010, 12, 1, 8, 26), Values.timestampUtc(Values.isoFromSpreadsheet("12/1/2010 8:26"), UTC));
        assertEquals("2011-02-30 10:00", Values.isoFromSpreadsheet("2/30/2011 10:00"), "digits untouched");
        assertNull(Values.timestampUtc(Values.isoFromSpreadsheet("2/30/2011 10:00"), UTC), "still impossible");
        assertEquals("2010-12-01 08:26:00", Values.isoFromSpreadsheet("2010-12-01 08:26:00"));
        assertEquals("12/1/10 8:26", Values.isoFromSpreadsheet("12/1/10 8:26"), "two-digit years are not guessed");
        assertEquals("junk", Values.isoFromSpreadsheet("junk"));
        assertNull(Values.isoFromSpreadsheet(null));
    }

    @Test
    void acceptsTheIsoShapesOfTheContract() {
        assertEquals(NOON, Values.timestampUtc("2011-12-09T12:50:00", UTC));
        assertEquals(NOON, Values.timestampUtc("2011-12-09 12:50:00", UTC));
        assertEquals(NOON, Values.timestampUtc("2011-12-09T12:50:00Z", UTC));
        assertEquals(NOON, Values.timestampUtc("2011-12-09T13:50:00+01:00", UTC));
        assertEquals(NOON, Values.timestampUtc("2011-12-09T12:50", UTC));
        assertEquals(NOON.plusNanos(123_000_000), Values.timestampUtc("2011-12-09T12:50:00.123Z", UTC));
        assertEquals(LocalDateTime.of(2011, 12, 9, 0, 0), Values.timestampUtc("2011-12-09", UTC));
    }

    @Test
    void readsTimestampsWithoutOffsetInTheConfiguredZone() {
        assertEquals(NOON, Values.timestampUtc("2011-12-09T13:50:00", ZoneId.of("Europe/Paris")));
        assertEquals(NOON, Values.timestampUtc("2011-12-09T12:50:00Z", ZoneId.of("Europe/Paris")),
                "an explicit offset wins over the zone");
    }

    @Test
    void rejectsImpossibleAndMalformedTimestamps() {
        assertNull(Values.timestampUtc("2011-02-30T10:00:00", UTC));
        assertNull(Values.timestampUtc("2011-02-30", UTC));
        assertNull(Values.timestampUtc("2011-13-01T10:00:00Z", UTC));
        assertNull(Values.timestampUtc("2011-12-09T25:00:00", UTC));
        assertNull(Values.timestampUtc("yesterday", UTC));
        assertNull(Values.timestampUtc("12/9/2011 12:50", UTC));
        assertNull(Values.timestampUtc("", UTC));
        assertNull(Values.timestampUtc(null, UTC));
    }

    @Test
    void numbersMustBeFinite() {
        assertEquals(12.5, Values.number(" 12.5 "));
        assertEquals(-40.0, Values.number("-40"));
        assertEquals(1e3, Values.number("1E3"));
        assertNull(Values.number("NaN"));
        assertNull(Values.number("Infinity"));
        assertNull(Values.number("abc"));
        assertNull(Values.number("1,5"));
        assertNull(Values.number(""));
        assertEquals(3L, Values.integer("3"));
        assertNull(Values.integer("3.5"));
        assertEquals(Boolean.TRUE, Values.bool("yes"));
        assertEquals(Boolean.FALSE, Values.bool("0"));
        assertNull(Values.bool("maybe"));
    }
}
