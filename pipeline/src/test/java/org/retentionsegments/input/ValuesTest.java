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

    /** Random text from an alphabet that makes many near-misses of each shape. */
    private static String random(java.util.Random r, String alphabet, int maxLength) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(maxLength + 1); i > 0; i--) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void theNumberScannerAcceptsWhatThePatternAccepts() {
        java.util.Random r = new java.util.Random(7);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            String s = random(r, "0123456789+-.eE x٣", 7);
            boolean pattern = Values.NUMBER.matcher(s).matches();
            assertEquals(pattern, Values.isNumber(s), "'" + s + "'");
            accepted += pattern ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(accepted > 10_000, "the sample holds numbers: " + accepted);
    }

    @Test
    void theSpreadsheetRewriteWithoutThePatternGivesWhatThePatternGives() {
        java.util.Random r = new java.util.Random(11);
        int rewritten = 0;
        for (int i = 0; i < 300_000; i++) {
            String s = i % 2 == 0 ? random(r, "0123456789/: ", 19)
                    : (1 + r.nextInt(12)) + "/" + (1 + r.nextInt(31)) + "/" + (1990 + r.nextInt(40)) + " "
                            + r.nextInt(24) + ":" + random(r, "0123456789:", 5);
            java.util.regex.Matcher m = Values.SPREADSHEET_TS.matcher(s.strip());
            String expected = !m.matches() ? s : m.group(3) + "-" + pad(m.group(1)) + "-" + pad(m.group(2)) + " "
                    + pad(m.group(4)) + ":" + m.group(5) + (m.group(6) == null ? "" : m.group(6));
            assertEquals(expected, Values.isoFromSpreadsheet(s), "'" + s + "'");
            rewritten += m.matches() ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(rewritten > 10_000, "the sample holds spreadsheet times: " + rewritten);
    }

    @Test
    void theFastTimestampShapesGiveWhatTheFormatterGives() {
        java.util.Random r = new java.util.Random(13);
        ZoneId[] zones = {UTC, ZoneId.of("Europe/Paris"), ZoneOffset.ofHours(-5), ZoneId.of("UTC")};
        int parsed = 0;
        int fractions = 0;
        for (int i = 0; i < 300_000; i++) {
            String s = String.format("%04d-%02d-%02d%s%02d:%02d:%02d", 1990 + r.nextInt(50), r.nextInt(14),
                    r.nextInt(33), r.nextInt(8) == 0 ? " " : "T", r.nextInt(26), r.nextInt(61), r.nextInt(62));
            s = switch (r.nextInt(4)) {
                case 0 -> s + "." + random(r, "0123456789", 11) + (r.nextBoolean() ? "Z" : "");
                case 1 -> s + random(r, "0123456789.Zz+:-", 6);
                case 2 -> s + "Z";
                default -> s;
            };
            if (r.nextInt(20) == 0) { // now and then a character anywhere changed
                int at = r.nextInt(s.length());
                s = s.substring(0, at) + "0.:-TZ x".charAt(r.nextInt(8)) + s.substring(at + 1);
            }
            ZoneId zone = zones[r.nextInt(zones.length)];
            LocalDateTime expected = s.strip().length() < 10 ? null : Values.byFormatter(s.strip(), zone);
            assertEquals(expected, Values.timestampUtc(s, zone), "'" + s + "' in " + zone);
            parsed += expected != null ? 1 : 0;
            fractions += expected != null && expected.getNano() != 0 ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(parsed > 30_000 && fractions > 10_000,
                "the sample holds valid times, with fractions: " + parsed + ", " + fractions);
    }

    private static String pad(String digits) {
        return digits.length() == 1 ? "0" + digits : digits;
    }

    @Test
    void minutesWithoutSecondsAndFixedOffsetZones() {
        assertEquals(NOON, Values.timestampUtc("2011-12-09 12:50", UTC));
        assertEquals(NOON, Values.timestampUtc("2011-12-09T12:50", ZoneId.of("UTC")));
        assertEquals(NOON, Values.timestampUtc("2011-12-09 14:50", ZoneOffset.ofHours(2)));
        assertEquals(NOON, Values.timestampUtc("2011-12-09 13:50", ZoneId.of("Europe/Paris")));
        assertNull(Values.timestampUtc("2011-12-09 25:50", UTC));
        assertNull(Values.timestampUtc("2011-02-30 12:50", UTC));
    }
}
