package org.retentionsegments.warehouse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Loads records into an empty temporary copy of a table through DuckDB's appender, so that one
 * typed {@code INSERT ... SELECT ... ON CONFLICT} moves them. Measured here on 20,000
 * {@code customer_segment} rows: multi-row {@code VALUES} statements reach about 2,000 rows/s on
 * DuckDB whatever the batch size (preparing a 1,000-row statement alone takes about 0.25 s, and
 * inlined literals are no faster), while the appender path reaches about 90,000 rows/s.
 */
final class DuckDbStage {

    private DuckDbStage() {}

    /** Creates (or empties) {@code temp.main.stage_TABLE}, appends the records, returns the table. */
    static Table<?> load(DSLContext dsl, Connection connection, Table<?> table, List<? extends TableRecord<?>> records) {
        String name = "stage_" + table.getName();
        Table<?> stage = DSL.table(DSL.name(name));
        dsl.execute("create or replace temp table {0} as select * from {1} limit 0", stage, table);
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", name)) {
            for (TableRecord<?> record : records) {
                appender.beginRow();
                for (int i = 0; i < record.size(); i++) {
                    append(appender, record.get(i));
                }
                appender.endRow();
            }
            appender.flush();
        } catch (SQLException e) {
            throw new DataAccessException("cannot stage rows for " + table.getName() + ": " + e.getMessage(), e);
        }
        return stage;
    }

    static void drop(DSLContext dsl, Table<?> stage) {
        dsl.execute("drop table if exists {0}", stage);
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String s) {
            appender.append(s);
        } else if (value instanceof Integer i) {
            appender.append(i.intValue());
        } else if (value instanceof Long l) {
            appender.append(l.longValue());
        } else if (value instanceof Double d) {
            appender.append(d.doubleValue());
        } else if (value instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else if (value instanceof BigDecimal d) {
            appender.append(d);
        } else if (value instanceof LocalDate d) {
            appender.append(d);
        } else if (value instanceof LocalDateTime t) {
            appender.append(t);
        } else {
            throw new IllegalArgumentException("no DuckDB appender for " + value.getClass().getName());
        }
    }
}
