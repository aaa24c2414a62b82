package org.retentionsegments.warehouse;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.duckdb.DuckDBAppender;

/** Column values straight into a DuckDB appender, no intermediate objects. */
final class AppenderSink implements ColumnSink {

    private final DuckDBAppender appender;

    AppenderSink(DuckDBAppender appender) {
        this.appender = appender;
    }

    @Override
    public void beginRow() throws SQLException {
        appender.beginRow();
    }

    @Override
    public void endRow() throws SQLException {
        appender.endRow();
    }

    @Override
    public void text(String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    @Override
    public void int4(Integer value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.intValue());
        }
    }

    @Override
    public void int8(Long value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.longValue());
        }
    }

    @Override
    public void float8(Double value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.doubleValue());
        }
    }

    @Override
    public void bool(Boolean value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.booleanValue());
        }
    }

    @Override
    public void decimal(BigDecimal value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    @Override
    public void date(LocalDate value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    @Override
    public void timestamp(LocalDateTime value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }
}
