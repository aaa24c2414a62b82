package org.retentionsegments.warehouse;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Where the column values of staged rows go, one row at a time, in the table's column order:
 * DuckDB's appender ({@link AppenderSink}) or a PostgreSQL binary {@code COPY} stream
 * ({@link CopyBinarySink}). Nullable arguments write SQL NULL when null.
 */
interface ColumnSink {

    void beginRow() throws SQLException;

    void endRow() throws SQLException;

    /** VARCHAR, nullable. */
    void text(String value) throws SQLException;

    /** INTEGER, nullable. */
    void int4(Integer value) throws SQLException;

    /** BIGINT, nullable. */
    void int8(Long value) throws SQLException;

    /** DOUBLE PRECISION, nullable. */
    void float8(Double value) throws SQLException;

    /** BOOLEAN, nullable. */
    void bool(Boolean value) throws SQLException;

    /** DECIMAL(18, 2), nullable: a value of scale 2 (see {@link RowTables#money}). */
    void decimal(BigDecimal value) throws SQLException;

    /** DATE, nullable. */
    void date(LocalDate value) throws SQLException;

    /** TIMESTAMP, nullable. */
    void timestamp(LocalDateTime value) throws SQLException;
}
