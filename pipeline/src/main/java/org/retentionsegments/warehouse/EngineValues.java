package org.retentionsegments.warehouse;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.Record;

/** A fetched row as plain Java values, the same types on DuckDB and PostgreSQL. */
final class EngineValues {

    private EngineValues() {}

    /** Column name (lower case) to {@link #plain} value, in the row's column order. */
    static Map<String, Object> byName(Record r) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < r.size(); i++) {
            columns.put(r.field(i).getName().toLowerCase(Locale.ROOT), plain(r.get(i)));
        }
        return columns;
    }

    /** Decimals and floats as double, small integers as int, SQL dates and times as java.time. */
    static Object plain(Object value) {
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }
}
