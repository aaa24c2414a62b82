package org.retentionsegments.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.fixtures.TableChecksums;
import org.retentionsegments.input.InputFormat;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.InputRecord;
import org.retentionsegments.input.RecordReader;
import org.retentionsegments.input.Values;

/**
 * A generated retailer's files as topic records, and the tables on which a continuous job and a
 * bounded run on the same records must agree: what the tests of the continuous job share.
 */
public final class GeneratedTopics {

    /** The tables a continuous job and a bounded run must agree on (snapshots differ: a bounded run keeps its last). */
    public static final List<String> COMPARED = List.of(
            "customer_segment", "segment_transition", "score_boundary", "activity_daily", "treatment");

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedTopics() {}

    /**
     * Each record of the CSV file as a JSON record keyed by its customer, in time order (the
     * generator writes customer by customer; a topic carries events as they happen).
     */
    public static List<String[]> jsonRecords(Path csv, InputKind kind) throws Exception {
        List<Map.Entry<LocalDateTime, String[]>> out = new ArrayList<>();
        List<String> columns = kind.columns();
        int time = columns.indexOf(TopicInputs.timeColumn(kind));
        int customer = columns.indexOf("customer_id");
        try (InputStream in = Files.newInputStream(csv)) {
            RecordReader reader = new RecordReader(kind, InputFormat.CSV, StandardCharsets.UTF_8, csv.toString(), in);
            for (InputRecord r = reader.next(); r != null; r = reader.next()) {
                ObjectNode json = JSON.createObjectNode();
                for (int i = 0; i < columns.size(); i++) {
                    if (r.fields()[i] != null) {
                        json.put(columns.get(i), r.fields()[i]);
                    }
                }
                out.add(new AbstractMap.SimpleEntry<>(r.fields()[time] == null ? null
                        : Values.timestampUtc(r.fields()[time], ZoneOffset.UTC),
                        new String[] {r.fields()[customer], JSON.writeValueAsString(json)}));
            }
        }
        out.sort(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder())));
        return out.stream().map(Map.Entry::getValue).toList();
    }

    /** The latest event time of the CSV file. */
    public static LocalDateTime lastTime(Path csv, InputKind kind) throws Exception {
        int time = kind.columns().indexOf(TopicInputs.timeColumn(kind));
        LocalDateTime latest = LocalDateTime.MIN;
        try (InputStream in = Files.newInputStream(csv)) {
            RecordReader reader = new RecordReader(kind, InputFormat.CSV, StandardCharsets.UTF_8, csv.toString(), in);
            for (InputRecord r = reader.next(); r != null; r = reader.next()) {
                LocalDateTime ts = r.fields()[time] == null ? null : Values.timestampUtc(r.fields()[time], ZoneOffset.UTC);
                if (r.fields()[time] != null && ts != null && ts.isAfter(latest)) {
                    latest = ts;
                }
            }
        }
        return latest;
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
