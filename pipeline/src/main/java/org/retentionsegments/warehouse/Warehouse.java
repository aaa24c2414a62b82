package org.retentionsegments.warehouse;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.SingleConnectionDataSource;

/**
 * An open warehouse: one JDBC connection to DuckDB (embedded, the default) or PostgreSQL, migrated
 * to the current schema by Flyway, with a jOOQ {@link DSLContext} on it. Not thread-safe: use one
 * per writer thread (DuckDB allows a single writing process anyway).
 */
public final class Warehouse implements AutoCloseable {

    /** The default warehouse: a DuckDB file in the working directory. */
    public static final String DEFAULT_URL = "jdbc:duckdb:./segments.duckdb";

    /** Where the migrations are on the class path (the pom ships ../warehouse-models there). */
    public static final String MIGRATIONS = "classpath:warehouse-models/migrations";

    private final String url;
    private final SQLDialect dialect;
    private final Connection connection;
    private final DSLContext dsl;

    private Warehouse(String url, SQLDialect dialect, Connection connection) {
        this.url = url;
        this.dialect = dialect;
        this.connection = connection;
        this.dsl = DSL.using(connection, dialect);
    }

    /** Opens {@link #DEFAULT_URL}. */
    public static Warehouse open() {
        return open(DEFAULT_URL);
    }

    /**
     * Opens the warehouse at {@code jdbcUrl} ({@code jdbc:duckdb:PATH} or
     * {@code jdbc:postgresql://HOST:PORT/DB?user=...}) and migrates it to the current schema.
     *
     * @throws WarehouseException when the URL is not supported, the database cannot be reached or
     *     the migration fails; the message says what to do
     */
    public static Warehouse open(String jdbcUrl) {
        SQLDialect dialect = dialectOf(jdbcUrl);
        Connection connection = connect(jdbcUrl, dialect);
        Warehouse warehouse = new Warehouse(jdbcUrl, dialect, connection);
        try {
            warehouse.migrate();
            return warehouse;
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    /** The jOOQ dialect for a JDBC URL. */
    public static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:duckdb:")) {
            return SQLDialect.DUCKDB;
        }
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new WarehouseException("unsupported warehouse URL '" + jdbcUrl
                + "': pass --warehouse jdbc:duckdb:PATH or jdbc:postgresql://HOST:PORT/DATABASE");
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public String url() {
        return url;
    }

    /** The connection itself, for plain JDBC (model DDL). Owned by this warehouse: do not close. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new WarehouseException("cannot close the warehouse " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Prepares the warehouse for a long stream of writes. On DuckDB: checkpoints only once a
     * gigabyte of WAL has built up instead of DuckDB's 16 MB, because every checkpoint writes out
     * each primary-key index whole (duckdb/duckdb#24848), so with the default the cost of a write
     * grows with the size of the tables. The data is no less durable: the WAL is on disk and is
     * checkpointed when the warehouse is closed. Nothing to do on PostgreSQL.
     */
    public void prepareForBulkWrites() {
        if (dialect == SQLDialect.DUCKDB) {
            try {
                dsl.execute("SET checkpoint_threshold = '1GB'");
            } catch (DataAccessException e) {
                throw new WarehouseException("cannot configure the warehouse " + url + ": " + firstLine(e.getMessage()), e);
            }
        }
    }

    private void migrate() {
        try {
            Flyway.configure(Warehouse.class.getClassLoader())
                    // Flyway closes the connections it is given: jOOQ's data source hands out
                    // wrappers whose close() does nothing, so the warehouse's connection stays open.
                    .dataSource(new SingleConnectionDataSource(connection))
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new WarehouseException("cannot migrate the warehouse " + url + ": "
                    + firstLine(e.getMessage()) + " (see warehouse-models/migrations)", e);
        }
    }

    private static Connection connect(String url, SQLDialect dialect) {
        if (dialect == SQLDialect.DUCKDB) {
            return connectDuckDb(url);
        }
        Properties defaults = new Properties();
        defaults.setProperty("connectTimeout", "10"); // the URL's own settings take precedence
        try {
            return DriverManager.getConnection(url, defaults);
        } catch (SQLException e) {
            throw new WarehouseException(postgresProblem(url, e), e);
        }
    }

    private static Connection connectDuckDb(String url) {
        String path = url.substring("jdbc:duckdb:".length());
        int options = path.indexOf('?');
        Path file = Path.of(options < 0 ? path : path.substring(0, options));
        Path parent = file.toAbsolutePath().getParent();
        if (!path.isEmpty() && !path.startsWith(":memory:") && parent != null && !Files.isDirectory(parent)) {
            throw new WarehouseException("cannot open DuckDB file " + file + ": directory " + parent
                    + " does not exist; create it or pass --warehouse jdbc:duckdb:PATH");
        }
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            String detail = firstLine(e.getMessage());
            String hint = detail.contains("lock")
                    ? "another process has it open (DuckDB allows one writer): stop it or use another file"
                    : "check the path and permissions or pass --warehouse";
            throw new WarehouseException("cannot open DuckDB file " + file + " (" + detail + "): " + hint, e);
        }
    }

    private static String postgresProblem(String url, SQLException e) {
        Properties parsed = org.postgresql.Driver.parseURL(url, null);
        if (parsed == null) {
            return "malformed PostgreSQL URL '" + url
                    + "': use jdbc:postgresql://HOST:PORT/DATABASE?user=USER";
        }
        String where = parsed.getProperty("PGHOST", "localhost") + ":" + parsed.getProperty("PGPORT", "5432");
        String database = parsed.getProperty("PGDBNAME", "");
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)
                || state.startsWith("08")) {
            String why = hasCause(e, UnknownHostException.class) ? "unknown host"
                    : hasCause(e, ConnectException.class) ? "connection refused" : firstLine(e.getMessage());
            return "cannot reach PostgreSQL at " + where + " (" + why
                    + "): start it with infra/start-postgres.sh or pass --warehouse";
        }
        if (state.equals("3D000")) {
            return "database '" + database + "' does not exist on PostgreSQL at " + where
                    + ": create it (createdb " + database + ") or pass --warehouse";
        }
        if (state.startsWith("28")) {
            return "PostgreSQL at " + where + " refused the login (" + firstLine(e.getMessage())
                    + "): put user=... and password=... in the --warehouse URL";
        }
        return "cannot open PostgreSQL at " + where + " (" + firstLine(e.getMessage())
                + "): check the --warehouse URL";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
