package org.retentionsegments.input.prepare;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;

/**
 * The staging tables of {@code sql/flink/staging} written as the Flink SQL stage writes them: one
 * JSON object per line in one file per table ({@code customer_day}, {@code treatments},
 * {@code rejected}, {@code input_counts}), dates as {@code yyyy-MM-dd} and times as
 * {@code yyyy-MM-dd HH:mm:ss[.fraction]}.
 */
final class StagingFiles implements AutoCloseable {

    static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();

    private final JsonGenerator days;
    private final JsonGenerator treatments;
    private final JsonGenerator rejected;
    private final JsonGenerator counts;
    private final List<JsonGenerator> all = new ArrayList<>();

    StagingFiles(Path staging) throws IOException {
        // doubles written by Schubfach (the shortest text that reads back to the same double), not
        // Java 17's Double.toString: the same values, a fraction of the time (5.8M days at a million customers)
        JsonFactory json = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
        days = open(json, staging, "customer_day");
        treatments = open(json, staging, "treatments");
        rejected = open(json, staging, "rejected");
        counts = open(json, staging, "input_counts");
    }

    private JsonGenerator open(JsonFactory json, Path staging, String table) throws IOException {
        Path dir = Files.createDirectories(staging.resolve(table));
        JsonGenerator generator = json.createGenerator(dir.resolve("part-0.json").toFile(), JsonEncoding.UTF8);
        generator.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        all.add(generator);
        return generator;
    }

    void rejected(String source, String file, long line, String raw, String reason) throws IOException {
        rejected.writeStartObject();
        rejected.writeStringField("source", source);
        rejected.writeStringField("input_file", file);
        rejected.writeNumberField("input_line", line);
        rejected.writeStringField("raw_line", raw);
        rejected.writeStringField("reject_reason", reason);
        rejected.writeEndObject();
    }

    void treatment(Preparation.Treatment t) throws IOException {
        treatments.writeStartObject();
        treatments.writeStringField("program_id", t.programId());
        treatments.writeStringField("customer_id", t.customerId());
        treatments.writeStringField("treated_ts", t.ts().format(TIMESTAMP));
        treatments.writeStringField("arm", t.arm());
        treatments.writeStringField("channel", t.channel());
        if (t.cost() == null) {
            treatments.writeNullField("cost");
        } else {
            treatments.writeNumberField("cost", t.cost());
        }
        treatments.writeEndObject();
    }

    void inputCounts(String source, Preparation.Counts c) throws IOException {
        counts.writeStartObject();
        counts.writeStringField("source", source);
        counts.writeNumberField("read_rows", c.read());
        counts.writeNumberField("rejected", c.rejected());
        counts.writeNumberField("duplicates", c.duplicates());
        counts.writeStringField("last_ts", c.lastEvent() == null ? null : c.lastEvent().format(TIMESTAMP));
        counts.writeEndObject();
    }

    void day(Preparation.Day d) throws IOException {
        JsonGenerator g = days;
        Preparation.Midnight m = d.midnight;
        Preparation.Signup s = d.signup;
        g.writeStartObject();
        g.writeStringField("customer_id", d.customerId);
        g.writeStringField("activity_date", LocalDate.ofEpochDay(d.day).toString());
        g.writeNumberField("orders", d.orders);
        g.writeNumberField("return_orders", d.returnOrders);
        g.writeNumberField("revenue", d.revenue);
        g.writeNumberField("gross", d.gross);
        g.writeNumberField("return_amount", d.returnAmount);
        g.writeNumberField("discounted_orders", d.discountedOrders);
        g.writeNumberField("midnight_orders", m == null ? 0 : m.orders);
        g.writeNumberField("midnight_revenue", m == null ? 0.0 : m.revenue);
        g.writeNumberField("midnight_gross", m == null ? 0.0 : m.gross);
        g.writeNumberField("midnight_return_amount", m == null ? 0.0 : m.returnAmount);
        g.writeStringField("channel_orders", Tally.packed(d.channelOrders, true));
        g.writeStringField("category_spend", Tally.packed(d.categorySpend, false));
        g.writeNumberField("engagement_events", d.engagementEvents);
        g.writeStringField("event_counts", Tally.packed(d.eventCounts, true));
        g.writeNumberField("signed_up", s != null ? 1 : 0);
        if (s == null || s.emailConsent == null) {
            g.writeNullField("email_consent");
        } else {
            g.writeNumberField("email_consent", s.emailConsent);
        }
        g.writeStringField("country", s == null ? null : s.country);
        g.writeStringField("email_sha256", s == null ? null : s.emailSha256);
        g.writeStringField("phone_sha256", s == null ? null : s.phoneSha256);
        g.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (JsonGenerator g : all) {
            try {
                g.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
