package org.retentionsegments.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.generate.Generator;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.generate.ProgressListener;
import org.retentionsegments.input.InputFormat;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.InputRecord;
import org.retentionsegments.input.RecordReader;
import org.retentionsegments.input.Values;

/**
 * Input files as the records of the input topics, as the continuous job reads them: each row one
 * JSON object with the input contract's columns (those the row has, as strings), keyed by
 * {@code customer_id}, and put in event-time order (a file is written customer by customer; a
 * topic carries events as they happen, and the job rejects records far behind its watermark).
 * The records are held in memory, a few hundred bytes each.
 */
public final class TopicRecords {

    /** A record without an event time (a customer without {@code signup_ts}) sorts first. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /**
     * One topic record.
     *
     * @param eventMs the record's event time in epoch milliseconds, or {@link #NO_TIME}
     */
    public record TopicRecord(InputKind kind, long eventMs, String key, String value) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** By event time; a stable sort keeps the order of the files among records of one time. */
    private static final Comparator<TopicRecord> IN_TIME_ORDER = Comparator.comparingLong(TopicRecord::eventMs);

    private TopicRecords() {}

    /** The files a {@link Generator} writes into {@code dir}, by input. */
    public static Map<InputKind, Path> generatedFiles(Path dir) {
        Map<InputKind, Path> files = new EnumMap<>(InputKind.class);
        files.put(InputKind.ORDERS, dir.resolve(Generator.ORDERS_FILE));
        files.put(InputKind.ENGAGEMENT, dir.resolve(Generator.ENGAGEMENT_FILE));
        files.put(InputKind.TREATMENTS, dir.resolve(Generator.TREATMENTS_FILE));
        files.put(InputKind.CUSTOMERS, dir.resolve(Generator.CUSTOMERS_FILE));
        return files;
    }

    /** Generates {@code config}'s business into {@code dir} and reads its rows back in event-time order. */
    public static List<TopicRecord> generated(GeneratorConfig config, Path dir) throws IOException {
        new Generator(config).writeTo(dir, ProgressListener.NONE);
        return inTimeOrder(generatedFiles(dir), ZoneOffset.UTC);
    }

    /** The rows of a CSV file with a header (or JSON lines, by its name) of {@code kind}, in event-time order. */
    public static List<TopicRecord> read(Path file, InputKind kind, ZoneId zone) throws IOException {
        List<TopicRecord> out = new ArrayList<>();
        List<String> columns = kind.columns();
        int time = columns.indexOf(kind.timeColumn());
        int customer = columns.indexOf("customer_id");
        try (InputStream in = Files.newInputStream(file)) {
            RecordReader reader = new RecordReader(kind, InputFormat.of(file), StandardCharsets.UTF_8,
                    file.toString(), in);
            if (reader.headerProblem() != null) {
                throw new IOException(file + ": " + reader.headerProblem());
            }
            for (InputRecord r = reader.next(); r != null; r = reader.next()) {
                if (r.error() != null) {
                    throw new IOException(file + " line " + r.line() + ": " + r.error());
                }
                ObjectNode json = JSON.createObjectNode();
                for (int i = 0; i < columns.size(); i++) {
                    if (r.fields()[i] != null) {
                        json.put(columns.get(i), r.fields()[i]);
                    }
                }
                LocalDateTime ts = Values.timestampUtc(r.fields()[time], zone);
                out.add(new TopicRecord(kind, ts == null ? NO_TIME : ts.toInstant(ZoneOffset.UTC).toEpochMilli(),
                        r.fields()[customer], JSON.writeValueAsString(json)));
            }
        }
        out.sort(IN_TIME_ORDER);
        return out;
    }

    /** The rows of every file, merged in event-time order (ties: in the order of {@link InputKind}, then of the file). */
    public static List<TopicRecord> inTimeOrder(Map<InputKind, Path> files, ZoneId zone) throws IOException {
        List<TopicRecord> all = new ArrayList<>();
        for (InputKind kind : InputKind.values()) {
            if (files.containsKey(kind)) {
                all.addAll(read(files.get(kind), kind, zone));
            }
        }
        all.sort(IN_TIME_ORDER);
        return all;
    }
}
