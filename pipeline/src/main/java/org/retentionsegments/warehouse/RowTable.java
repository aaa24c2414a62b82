package org.retentionsegments.warehouse;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * How one kind of pipeline row lands in one table: its natural key, which of two rows with the
 * same key a call keeps, and its column values in the table's column order, written straight to
 * a {@link ColumnSink} without building jOOQ records.
 *
 * @param key the natural key of a row (equal keys, equal rows of the table); null for a table
 *     without a key, whose rows are plain inserts
 * @param keep of an earlier and a later row with the same key, the one to write
 * @param when an extra condition for updating a stored row (besides "a column differs"), given the incoming row
 * @param frontier the key's date or time column, for a table whose rows arrive in its order; null for none
 */
record RowTable<T>(Table<?> table, Function<T, Object> key, BinaryOperator<T> keep, Function<Incoming, Condition> when,
        Columns<T> columns, Frontier<T, ?> frontier) {

    RowTable(Table<?> table, Function<T, Object> key, BinaryOperator<T> keep, Function<Incoming, Condition> when,
            Columns<T> columns) {
        this(table, key, keep, when, columns, null);
    }

    /**
     * A date or time column of the key and its value in a row. A stored row with the key of an
     * incoming row holds the incoming row's value in it, so an incoming row whose value is past
     * every stored one has a new key: the writer appends such rows without looking for them.
     */
    record Frontier<T, V extends Comparable<? super V>>(Field<V> column, Function<T, V> value) {}

    /** This table with the key's date or time column ({@link Frontier}). */
    <V extends Comparable<? super V>> RowTable<T> orderedBy(Field<V> column, Function<T, V> value) {
        if (key == null || !List.of(table.getPrimaryKey().getFieldsArray()).contains(column)) {
            throw new IllegalArgumentException(column + " is not in the key of " + table.getName());
        }
        return new RowTable<>(table, key, keep, when, columns, new Frontier<>(column, value));
    }

    /**
     * The incoming row's value of a column: {@code excluded.column} in an {@code ON CONFLICT}
     * update, the stage table's column in an {@code UPDATE ... FROM}.
     */
    interface Incoming {
        <V> Field<V> of(Field<V> column);
    }

    /** No condition beyond "a column differs". */
    static final Function<Incoming, Condition> ALWAYS = incoming -> DSL.noCondition();

    /** Writes one row's values, in the table's column order. */
    @FunctionalInterface
    interface Columns<T> {
        void write(T row, Stamp stamp, ColumnSink out) throws SQLException;
    }

    /**
     * What a write adds to the rows it sends.
     *
     * @param now the time of the write ({@code updated_at})
     * @param configVersion the digest of the configuration that produced the rows, or null when
     *     the writer was given none
     */
    record Stamp(LocalDateTime now, String configVersion) {}

    /** A later row with the same key replaces an earlier one. */
    static <T> BinaryOperator<T> later() {
        return (earlier, later) -> later;
    }

    boolean upserts() {
        return key != null;
    }

    /** The rows to write: one per key (see {@link #keep}), or all of them for a table without a key. */
    Collection<T> unique(List<T> rows) {
        if (key == null) {
            return rows;
        }
        Map<Object, T> byKey = new LinkedHashMap<>(rows.size() * 4 / 3 + 1);
        for (T row : rows) {
            byKey.merge(key.apply(row), row, keep);
        }
        return byKey.values();
    }

    /** Writes every row to the sink, each between beginRow and endRow. */
    void writeAll(Collection<T> rows, Stamp stamp, ColumnSink out) throws SQLException {
        for (T row : rows) {
            out.beginRow();
            columns.write(row, stamp, out);
            out.endRow();
        }
    }
}
