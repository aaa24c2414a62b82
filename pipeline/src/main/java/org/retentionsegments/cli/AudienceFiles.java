package org.retentionsegments.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retentionsegments.core.audience.AudienceRow;
import org.retentionsegments.core.audience.Member;

/**
 * Writes an audience's files: the whole list, and its changes since the previous export (a
 * {@code change} column first: add or remove). CSV (RFC 4180, a header line) or JSON lines, UTF-8.
 * Contacts are the hashes; the clear email and phone only when {@code clear} gives them.
 */
final class AudienceFiles {

    /** The columns of a list file, in order; {@code email} and {@code phone} only with clear contacts. */
    static final List<String> COLUMNS = List.of("row_key", "customer_id", "segment", "strategy", "channel",
            "membership", "reason", "email_sha256", "phone_sha256", "arm", "as_of", "updated_at");

    /** The clear contacts of a customer, from the customers file read at export time. */
    record Clear(String email, String phone) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String format;
    private final Map<String, Clear> clear;

    /** @param clear customer id to clear contacts; null for hashes only */
    AudienceFiles(String format, Map<String, Clear> clear) {
        this.format = format;
        this.clear = clear;
    }

    void list(Path file, List<AudienceRow> rows) throws IOException {
        List<List<String>> values = new ArrayList<>();
        for (AudienceRow r : rows) {
            values.add(values(r));
        }
        write(file, columns(false), values);
    }

    void changes(Path file, List<AudienceRow> added, List<Member> removed) throws IOException {
        List<List<String>> values = new ArrayList<>();
        for (AudienceRow r : added) {
            List<String> v = new ArrayList<>();
            v.add("add");
            v.addAll(values(r));
            values.add(v);
        }
        int width = columns(false).size();
        for (Member m : removed) {
            List<String> v = new ArrayList<>(java.util.Collections.nCopies(width + 1, (String) null));
            v.set(0, "remove");
            v.set(1 + COLUMNS.indexOf("customer_id"), m.customerId());
            v.set(1 + COLUMNS.indexOf("email_sha256"), m.emailSha256());
            v.set(1 + COLUMNS.indexOf("phone_sha256"), m.phoneSha256());
            values.add(v);
        }
        write(file, columns(true), values);
    }

    private List<String> columns(boolean change) {
        List<String> columns = new ArrayList<>();
        if (change) {
            columns.add("change");
        }
        columns.addAll(COLUMNS);
        if (clear != null) {
            columns.add("email");
            columns.add("phone");
        }
        return columns;
    }

    private List<String> values(AudienceRow r) {
        List<String> v = new ArrayList<>(List.of(r.rowKey(), r.customerId(), r.segment()));
        v.add(r.strategy());
        v.add(r.channel());
        v.add(r.membership());
        v.add(r.reason());
        v.add(r.emailSha256());
        v.add(r.phoneSha256());
        v.add(r.arm());
        v.add(r.asOf() == null ? null : r.asOf().toString());
        v.add(r.updatedAt() == null ? null : r.updatedAt().toString());
        if (clear != null) {
            Clear c = clear.get(r.customerId());
            v.add(c == null ? null : c.email());
            v.add(c == null ? null : c.phone());
        }
        return v;
    }

    private void write(Path file, List<String> columns, List<List<String>> rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (format.equals("csv")) {
                out.write(csvLine(columns));
                for (List<String> row : rows) {
                    out.write(csvLine(row));
                }
                return;
            }
            for (List<String> row : rows) {
                java.io.StringWriter line = new java.io.StringWriter();
                try (JsonGenerator g = JSON.getFactory().createGenerator(line)) {
                    g.writeStartObject();
                    for (int i = 0; i < columns.size(); i++) {
                        g.writeStringField(columns.get(i), row.get(i));
                    }
                    g.writeEndObject();
                }
                out.write(line.toString());
                out.write('\n');
            }
        }
    }

    /** One CSV line: a field with a comma, quote or line break is quoted, quotes doubled; null is empty. */
    static String csvLine(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String f = fields.get(i);
            if (f == null) {
                continue;
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                line.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                line.append(f);
            }
        }
        return line.append('\n').toString();
    }
}
