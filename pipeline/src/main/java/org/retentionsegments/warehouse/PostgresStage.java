package org.retentionsegments.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads rows into a temporary copy of a table with {@code COPY ... FROM STDIN} (binary format, see
 * {@link CopyBinarySink}), so that one typed {@code INSERT ... SELECT ... ON CONFLICT} moves them.
 * The copy is made once per connection and emptied at every commit ({@code ON COMMIT DELETE
 * ROWS}); a rolled-back call takes its rows, and a copy it made, with it.
 */
final class PostgresStage {

    private PostgresStage() {}

    /** Creates {@code pg_temp.stage_TABLE} if needed, copies the rows in, returns the table. */
    static <T> Table<?> load(DSLContext dsl, Connection connection, RowTable<T> rows, Collection<T> unique,
            RowTable.Stamp stamp) throws SQLException {
        Table<?> table = rows.table();
        Table<?> stage = DSL.table(DSL.name("stage_" + table.getName()));
        dsl.execute("create temporary table if not exists {0} on commit delete rows as select * from {1} limit 0",
                stage, table);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + dsl.render(stage) + " FROM STDIN (FORMAT binary)");
        try {
            CopyBinarySink sink = new CopyBinarySink(copy, table.fields().length);
            rows.writeAll(unique, stamp, sink);
            sink.finish();
        } catch (SQLException | RuntimeException e) {
            cancel(copy, e);
            throw e;
        }
        return stage;
    }

    private static void cancel(CopyIn copy, Exception cause) {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
