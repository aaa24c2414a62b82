package org.retentionsegments.warehouse;

/** The warehouse engines every warehouse test runs on. */
public enum Engine {
    DUCKDB,
    POSTGRES
}
