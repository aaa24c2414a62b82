package org.retentionsegments.flink;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.fixtures.TableChecksums;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.replay.TopicRecords;

/**
 * A generated retailer's files as topic records, and the tables on which a continuous job and a
 * bounded run on the same records must agree: what the tests of the continuous job share.
 */
public final class GeneratedTopics {

    /** The tables a continuous job and a bounded run must agree on (snapshots differ: a bounded run keeps its last). */
    public static final List<String> COMPARED = List.of(
            "customer_segment", "customer_segment.traits", "customer_segment.lifetime", "customer_segment.contacts",
            "segment_transition", "score_boundary",
            "score_boundary.lifetime", "activity_daily",
            "treatment");

    private GeneratedTopics() {}

    /** Each row of the CSV file as a topic record (key, JSON value), in time order ({@link TopicRecords}). */
    public static List<String[]> jsonRecords(Path csv, InputKind kind) throws Exception {
        return TopicRecords.read(csv, kind, ZoneOffset.UTC).stream().map(r -> new String[] {r.key(), r.value()})
                .toList();
    }

    /** The latest event time of the CSV file. */
    public static LocalDateTime lastTime(Path csv, InputKind kind) throws Exception {
        long ms = TopicRecords.read(csv, kind, ZoneOffset.UTC).stream().mapToLong(TopicRecords.TopicRecord::eventMs)
                .max().orElseThrow();
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC);
    }

    /** The checksums of the {@link #COMPARED} tables. */
    public static Map<String, String> compared(String url) throws Exception {
        Map<String, String> all = TableChecksums.of(url);
        Map<String, String> out = new LinkedHashMap<>();
        for (String table : COMPARED) {
            out.put(table, all.get(table));
        }
        return out;
    }

    /** The {@link #compared} checksums once they equal {@code expected}, or as they are after {@code timeout}. */
    public static Map<String, String> awaitEqual(String url, Map<String, String> expected, Duration timeout)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Map<String, String> actual = compared(url);
        while (!actual.equals(expected) && System.nanoTime() < end) {
            Thread.sleep(1000);
            actual = compared(url);
        }
        return actual;
    }
}
