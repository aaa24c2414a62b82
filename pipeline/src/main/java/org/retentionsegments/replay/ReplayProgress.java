package org.retentionsegments.replay;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A replay's progress as one line, asked for every few seconds: events sent of the total, events
 * a second since the previous line, and the event time the replay has reached.
 */
public final class ReplayProgress {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Replay replay;
    private long lastSent;
    private long lastNanos;

    /** Counting from {@code nowNanos} ({@link System#nanoTime()}). */
    public ReplayProgress(Replay replay, long nowNanos) {
        this.replay = replay;
        this.lastNanos = nowNanos;
    }

    /** The line at {@code nowNanos}, with the rate since the previous line (or the start). */
    public String line(long nowNanos) {
        long sent = replay.sent();
        double perSecond = perSecond(sent - lastSent, nowNanos - lastNanos);
        lastSent = sent;
        lastNanos = nowNanos;
        return line(sent, replay.total(), perSecond, replay.eventMs());
    }

    static double perSecond(long events, long nanos) {
        return nanos <= 0 ? 0 : events * 1e9 / nanos;
    }

    static String line(long sent, long total, double perSecond, long eventMs) {
        String time = eventMs == TopicRecords.NO_TIME ? "-" : MINUTE.format(Instant.ofEpochMilli(eventMs));
        return String.format(Locale.ROOT, "sent %,d of %,d events (%d%%), %,.0f events/s, event time %s",
                sent, total, total == 0 ? 100 : sent * 100 / total, perSecond, time);
    }
}
