package org.retentionsegments.warehouse;

import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * On DuckDB, the tables that grow with customers times days keep their natural keys in the writer
 * only, without a primary-key constraint. DuckDB enforces a primary key with an in-memory ART index
 * that every insert updates and every commit merges into: measured on 1.29 million
 * {@code segment_snapshot} rows in batches of 322,000 (the same rows, the same anti-join insert),
 * inserting and committing took about twice as long with the key as without, and the index stays in
 * memory for as long as the file is open. Every write to these tables goes through
 * {@link WarehouseWriter}, which inserts only the rows whose key is new and updates the others (an
 * anti-join on the key, within one transaction, by the file's only writer), so the key is kept
 * without the index; the writer bounds both statements to the staged rows' dates, so they read the
 * row groups of those dates only, not the whole table. PostgreSQL keeps its constraints: its upsert
 * needs them. {@code audience_export_member} keeps its key: its rows are replaced per audience
 * outside the writer, and it holds one row per audience and customer, not per day.
 *
 * <p>Tried on 2026-12-04 without the bound to the staged dates, this made the 100K-customer run
 * slower (the update and the anti-join read whole tables); with the bound, measured 2026-12-05 on
 * the same file, it is faster (bench/HISTORY.md).
 *
 * <p>The migrations declare every table with its key (the one schema, which jOOQ reads); after they
 * have run, {@link #dropFromGrowingTables} rebuilds each of {@link #GROWING} that still has a
 * primary key as the same columns, types, {@code NOT NULL}s, rows and comments without the
 * constraint (DuckDB cannot drop a constraint in place). A warehouse made before this change is
 * rebuilt once, when it is next opened.
 */
final class DuckDbKeys {

    /** The tables with a row per customer and day, refresh, treatment or model run. */
    static final Set<String> GROWING = Set.of("segment_snapshot", "activity_daily", "segment_transition",
            "treatment", "customer_prediction", "cluster_assignment");

    private static final SqlFiles.Queries SQL = SqlFiles.queries("warehouse-models/queries/duckdb");

    private DuckDbKeys() {}

    /** Rebuilds each growing table that still has a primary key without it; returns their names. */
    static List<String> dropFromGrowingTables(DSLContext dsl) {
        List<String> keyed = keyedTables(dsl).stream().filter(GROWING::contains).toList();
        if (!keyed.isEmpty()) {
            dsl.transaction(tx -> {
                for (String table : keyed) {
                    rebuild(tx.dsl(), table);
                }
            });
        }
        return keyed;
    }

    /** The tables of the current schema that carry a primary-key constraint, by name. */
    static List<String> keyedTables(DSLContext dsl) {
        return dsl.fetch(SQL.sql("keyed_tables")).getValues(0, String.class);
    }

    private static void rebuild(DSLContext dsl, String table) {
        Name name = DSL.name(table);
        Name copy = DSL.name(table + "__without_key");
        String tableComment = dsl.fetchOptional(SQL.sql("table_comment"), table).map(r -> r.get(0, String.class))
                .orElse(null);
        List<Record> columns = dsl.fetch(SQL.sql("table_columns"), table);
        dsl.dropTableIfExists(copy).execute();
        dsl.createTable(copy).as(DSL.selectFrom(DSL.table(name))).execute();
        for (Record c : columns) {
            if (!c.get("is_nullable", Boolean.class)) {
                dsl.alterTable(copy).alterColumn(DSL.name(c.get("column_name", String.class))).setNotNull().execute();
            }
        }
        dsl.dropTable(name).execute();
        dsl.alterTable(copy).renameTo(name).execute();
        if (tableComment != null) {
            dsl.commentOnTable(name).is(tableComment).execute();
        }
        for (Record c : columns) {
            String comment = c.get("comment", String.class);
            if (comment != null) {
                dsl.commentOnColumn(DSL.name(table, c.get("column_name", String.class))).is(comment).execute();
            }
        }
    }
}
