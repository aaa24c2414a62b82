package org.retentionsegments.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The numbers a replay and the live demo print: pace, events a second, consumer lag. */
class ReplayArithmeticTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);
    private static final TopicPartition P2 = new TopicPartition("engagement", 0);

    @Test
    void aPacedReplayWaitsUntilEachRecordIsDue() {
        Pace pace = new Pace(1000);
        assertEquals(0, pace.waitNanos(0, 0), "the first record at once");
        assertEquals(500_000_000L, pace.waitNanos(500, 0), "500 records at 1000/s take half a second");
        assertEquals(0, pace.waitNanos(500, 600_000_000L), "behind the pace: no wait");
        assertEquals(0, new Pace(0).waitNanos(1_000_000, 0), "rate 0: unthrottled");
    }

    @Test
    void eventsPerSecondAreThoseSinceThePreviousLine() {
        Replay replay = new Replay(new Replay.Options("x:1", "", 1, 0, Map.of()), java.util.List.of());
        ReplayProgress progress = new ReplayProgress(replay, 0);
        assertEquals(2500.0, ReplayProgress.perSecond(5000, 2_000_000_000L));
        assertEquals(0.0, ReplayProgress.perSecond(5000, 0), "no time passed: no rate");
        assertEquals("sent 0 of 0 events (100%), 0 events/s, event time -", progress.line(2_000_000_000L));
        long at = Instant.parse("2026-03-04T13:05:59Z").toEpochMilli();
        assertEquals("sent 1,500 of 6,000 events (25%), 750 events/s, event time 2026-03-04 13:05",
                ReplayProgress.line(1500, 6000, 750.4, at));
    }

    @Test
    void lagIsLatestMinusCommittedOrEarliestWhereNothingIsCommitted() {
        Map<TopicPartition, Long> latest = Map.of(P0, 100L, P1, 50L, P2, 30L);
        Map<TopicPartition, Long> earliest = Map.of(P0, 0L, P1, 10L, P2, 0L);
        assertEquals(100 + 40 + 30, ConsumerLag.of(latest, earliest, Map.of()), "nothing committed");
        assertEquals(20 + 40 + 0, ConsumerLag.of(latest, earliest, Map.of(P0, 80L, P2, 30L)));
        assertEquals(0, ConsumerLag.of(latest, earliest, Map.of(P0, 100L, P1, 60L, P2, 30L)),
                "a committed offset beyond the end (records deleted) is no negative lag");
    }
}
