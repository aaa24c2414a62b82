package org.retentionsegments.warehouse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.retentionsegments.core.audience.Audience;
import org.retentionsegments.core.audience.AudienceRow;
import org.retentionsegments.core.audience.Member;

/**
 * The reads and writes of {@code ./segments audiences export}: the audiences of the
 * {@code audience} view, their rows, the membership their previous export sent, and the record of
 * an export. Every statement is a file of {@code warehouse-models/queries/audiences}; keys, ids
 * and names reach them only as bind values.
 */
public final class AudienceStore {

    static final String FOLDER = "warehouse-models/queries/audiences";

    private static final SqlFiles.Queries SQL = SqlFiles.queries(FOLDER);

    /** One audience of an export as {@code audience_export} records it. */
    public record Exported(Audience audience, String format, LocalDate asOf, int total, int added, int removed) {}

    private final Warehouse w;

    public AudienceStore(Warehouse w) {
        this.w = w;
    }

    /** The audiences the view holds now or an export sent before, by key. */
    public List<Audience> audiences() {
        return fetch(w.dsl(), "audience_lists").stream()
                .map(r -> new Audience(r.get("audience_key", String.class), r.get("segment", String.class),
                        r.get("channel", String.class), r.get("membership", String.class)))
                .toList();
    }

    /** The rows of one segment's audiences now: audience key to its rows, by customer id. */
    public Map<String, List<AudienceRow>> rows(String segment) {
        Map<String, List<AudienceRow>> byAudience = new HashMap<>();
        for (Record r : fetch(w.dsl(), "audience_rows", segment)) {
            byAudience.computeIfAbsent(r.get("audience_key", String.class), k -> new java.util.ArrayList<>())
                    .add(new AudienceRow(r.get("row_key", String.class), r.get("customer_id", String.class),
                        r.get("segment", String.class), r.get("strategy", String.class),
                        r.get("channel", String.class), r.get("membership", String.class),
                        r.get("reason", String.class), r.get("email_sha256", String.class),
                        r.get("phone_sha256", String.class), r.get("arm", String.class),
                        r.get("as_of", LocalDate.class), r.get("updated_at", LocalDateTime.class)));
        }
        return byAudience;
    }

    /** The members of one audience as its latest export sent them, by customer id (empty before a first export). */
    public Map<String, Member> previous(String audienceKey) {
        Map<String, Member> members = new HashMap<>();
        for (Record r : fetch(w.dsl(), "audience_previous_members", audienceKey)) {
            Member m = new Member(r.get("customer_id", String.class), r.get("email_sha256", String.class),
                    r.get("phone_sha256", String.class));
            members.put(m.customerId(), m);
        }
        return members;
    }

    /**
     * Records an export in one transaction: a row of {@code audience_export} per audience, and
     * each audience's membership now in place of its previous one.
     */
    public void record(String exportId, LocalDateTime at, String configVersion, boolean clearContacts,
            List<Exported> audiences, Map<String, List<AudienceRow>> rows) {
        try {
            w.dsl().transaction(cfg -> {
                DSLContext tx = DSL.using(cfg);
                for (Exported e : audiences) {
                    Audience a = e.audience();
                    tx.execute(SQL.sql("audience_export_insert"), exportId, a.key(), at.toString().replace('T', ' '),
                            a.segment(), a.channel(), a.membership(), e.format(),
                            e.asOf() == null ? null : e.asOf().toString(), configVersion, (long) e.total(),
                            (long) e.added(), (long) e.removed(), clearContacts);
                    tx.execute(SQL.sql("audience_export_member_delete"), a.key());
                    List<AudienceRow> members = rows.get(a.key());
                    if (!members.isEmpty()) {
                        Object[][] binds = members.stream()
                                .map(r -> new Object[] {a.key(), r.customerId(), exportId, r.emailSha256(),
                                    r.phoneSha256()})
                                .toArray(Object[][]::new);
                        tx.batch(SQL.sql("audience_export_member_insert"), binds).execute();
                    }
                }
            });
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot record the export in " + w.url() + ": "
                    + Warehouse.firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    private List<Record> fetch(DSLContext dsl, String name, Object... binds) {
        try {
            return dsl.resultQuery(SQL.sql(name), binds).fetch();
        } catch (DataAccessException e) {
            String message = Warehouse.firstLine(String.valueOf(e.getMessage()));
            if (message.toLowerCase(java.util.Locale.ROOT).contains("audience")
                    && !message.toLowerCase(java.util.Locale.ROOT).contains("audience_export")) {
                throw new WarehouseException("the warehouse " + w.url() + " has no audience view (written before"
                        + " audiences existed): run ./segments models apply --warehouse ... first", e);
            }
            throw new WarehouseException("cannot read " + name + " from " + w.url() + ": " + message, e);
        }
    }
}
