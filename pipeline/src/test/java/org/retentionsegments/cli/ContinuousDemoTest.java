package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.config.StreamTiming;
import org.retentionsegments.warehouse.LiveWarehouse;

/** The live demo's arithmetic: the last day of the business it replays, and its progress line. */
class ContinuousDemoTest {

    private static final StreamTiming ONE_HOUR_LATE = new StreamTiming(Duration.ofHours(1), Duration.ofMinutes(1),
            StreamTiming.LateRecords.REJECT);

    @Test
    void theBusinessEndsTheDayBeforeTheOneTheClockDrivenWatermarkIsIn() {
        assertEquals(LocalDate.of(2026, 12, 2),
                ContinuousDemo.lastDay(ZonedDateTime.parse("2026-12-03T02:00:00Z"), ONE_HOUR_LATE));
        // before 01:00 the watermark (now - 1 h) is still in yesterday: the business ends the day before
        assertEquals(LocalDate.of(2026, 12, 1),
                ContinuousDemo.lastDay(ZonedDateTime.parse("2026-12-03T00:30:00Z"), ONE_HOUR_LATE));
        assertEquals(LocalDate.of(2026, 12, 2),
                ContinuousDemo.lastDay(ZonedDateTime.parse("2026-12-03T03:30:00+02:00"), ONE_HOUR_LATE),
                "days are UTC days");
    }

    @Test
    void theProgressLineSaysWhatWasSentAndWhereTheJobIs() {
        assertEquals("  12 s  sent 5 of 10 events (50%) | job: lag 1,234, refreshed 2026-06-29, 1,372 customers,"
                + " 3,089 moved", ContinuousDemo.line(12, "sent 5 of 10 events (50%)", 1234,
                        new LiveWarehouse.Progress(LocalDate.of(2026, 6, 29), 1372, 3089)));
        assertEquals("   5 s  sent | job: lag 0, refreshed -, 0 customers, 0 moved",
                ContinuousDemo.line(5, "sent", 0, new LiveWarehouse.Progress(null, 0, 0)));
    }
}
