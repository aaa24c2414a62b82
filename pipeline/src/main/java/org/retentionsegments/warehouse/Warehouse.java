package org.retentionsegments.warehouse;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
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

    private static final String POSTGRES_DRIVER = "org.postgresql.Driver";

    /** The default warehouse: a DuckDB file in the working directory. */
    public static final String DEFAULT_URL = "jdbc:duckdb:./segments.duckdb";

    /** Where the migrations are on the class path (the pom ships ../warehouse-models there). */
    public static final String MIGRATIONS = "classpath:warehouse-models/migrations";

    /**
     * The migrations for PostgreSQL alone (storage settings DuckDB does not have), numbered in
     * the one sequence with {@link #MIGRATIONS}: a DuckDB warehouse skips their numbers.
     */
    public static final String POSTGRES_MIGRATIONS = "classpath:warehouse-models/migrations-postgresql";

    /**
     * The storage format DuckDB files are written in: DuckDB 1.0's, which DuckDB 1.1 and later 1.x
     * clients (BI tools, the DuckDB CLI, older drivers) open; DuckDB 2's own format ("latest") cannot
     * be read by 1.x, and DuckDB 1.0 itself fails on the primary-key indexes DuckDB 2 writes even in
     * this format. It only decides how a new file is written: a file created before keeps its format.
     */
    public static final String DUCKDB_STORAGE_COMPATIBILITY = "v1.0.0";

    /** The table whose presence marks a warehouse (the first migration creates it). */
    private static final String EXISTING_TABLE = "customer_segment";

    private final String displayUrl;
    private final SQLDialect dialect;
    private final Connection connection;
    private final DSLContext dsl;
    /** Whether opening this warehouse changed its schema (a migration ran, a table was rebuilt). */
    private boolean schemaChanged;

    private Warehouse(String url, SQLDialect dialect, Connection connection) {
        this.displayUrl = displayUrl(url);
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
        return open(jdbcUrl, WarehouseTemplate.onClassPath());
    }

    /**
     * {@link #open(String)}, a new DuckDB file made as a copy of {@code template} (see
     * {@link WarehouseTemplate}; null: from the migrations alone).
     */
    static Warehouse open(String jdbcUrl, java.net.URL template) {
        Secrets.registerUrl(jdbcUrl);
        SQLDialect dialect = dialectOf(jdbcUrl);
        Path file = dialect == SQLDialect.DUCKDB ? duckDbFile(jdbcUrl) : null;
        boolean copied = file != null && WarehouseTemplate.copyIfNew(file, template);
        Connection connection = connect(jdbcUrl, dialect);
        Warehouse warehouse = new Warehouse(jdbcUrl, dialect, connection);
        try {
            warehouse.migrate();
            if (copied) {
                WarehouseTemplate.stampInstalledNow(warehouse.dsl);
            }
            return warehouse;
        } catch (RuntimeException e) {
            warehouse.close();
            if (copied) {
                // a template of an earlier build whose migrations were edited since: from the migrations, then
                WarehouseTemplate.delete(file);
                return open(jdbcUrl, null);
            }
            throw e;
        }
    }

    /**
     * Opens the warehouse at {@code jdbcUrl} without migrating it, for a writer inside a run whose
     * launcher has opened and migrated it and holds it open to the end (on DuckDB the connections
     * of one process share the database, so no other process can take the file in between).
     */
    public static Warehouse openMigrated(String jdbcUrl) {
        Secrets.registerUrl(jdbcUrl);
        SQLDialect dialect = dialectOf(jdbcUrl);
        return new Warehouse(jdbcUrl, dialect, connect(jdbcUrl, dialect));
    }

    /**
     * Opens a warehouse that must be there already, for the commands that read one ({@code report},
     * {@code models}, {@code cluster}, {@code config check --warehouse}, and any future reader): a
     * DuckDB file that does not exist, or a database (PostgreSQL schema, DuckDB file) without the
     * warehouse's tables, is refused with one line saying what to do, instead of becoming a new,
     * empty warehouse; nothing is created. A warehouse of an older schema is migrated as usual.
     *
     * @throws WarehouseException when there is no warehouse at {@code jdbcUrl}, or as {@link #open}
     */
    public static Warehouse openExisting(String jdbcUrl) {
        Path file = dialectOf(jdbcUrl) == SQLDialect.DUCKDB ? duckDbFile(jdbcUrl) : null;
        if (file != null && !Files.exists(file)) {
            throw noWarehouse(file.toString());
        }
        Warehouse warehouse = openMigrated(jdbcUrl);
        try {
            if (!warehouse.hasTable(EXISTING_TABLE)) {
                throw noWarehouse((file != null ? file.toString() : warehouse.url()) + " (no " + EXISTING_TABLE
                        + " table in " + (file != null ? "the file" : "the schema") + ")");
            }
            warehouse.migrate();
            return warehouse;
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    private static WarehouseException noWarehouse(String where) {
        return new WarehouseException("no warehouse at " + where + ": run `./segments run` or `./segments demo`"
                + " first, or pass --warehouse (the demo's is jdbc:duckdb:demo/segments.duckdb)");
    }

    /**
     * Whether opening this warehouse changed its schema: a migration ran or a table was rebuilt
     * (the models, views on the tables, are then created again; see {@link Models#applyIfChanged}).
     */
    public boolean schemaChangedOnOpen() {
        return schemaChanged;
    }

    /** The models were created after the schema's change on open (see {@link Models#apply}). */
    void modelsApplied() {
        schemaChanged = false;
    }

    /** Whether the connection's current schema holds the table (any case the engine stores). */
    boolean hasTable(String table) {
        try {
            String schema = connection.getSchema();
            if (schema == null) {
                return false;
            }
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet tables = meta.getTables(connection.getCatalog(), schema, table, null)) {
                return tables.next();
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the tables of the warehouse " + displayUrl + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    /**
     * The driver properties every connection to the warehouse at {@code jdbcUrl} is opened with,
     * beside its URL: on DuckDB the storage format ({@link #DUCKDB_STORAGE_COMPATIBILITY}), which
     * must be the same on every connection of a process to one file (DuckDB refuses a connection
     * whose configuration differs from the open ones); nothing on PostgreSQL.
     */
    public static Properties driverProperties(String jdbcUrl) {
        Properties properties = new Properties();
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:duckdb:")) {
            properties.setProperty("storage_compatibility_version", DUCKDB_STORAGE_COMPATIBILITY);
        }
        return properties;
    }

    /** Whether the URL names a DuckDB file (one writer at a time). */
    public static boolean isDuckDb(String jdbcUrl) {
        return dialectOf(jdbcUrl) == SQLDialect.DUCKDB;
    }

    /** The jOOQ dialect for a JDBC URL. */
    public static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:duckdb:")) {
            return SQLDialect.DUCKDB;
        }
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new WarehouseException("unsupported warehouse URL '" + displayUrl(jdbcUrl)
                + "': pass --warehouse jdbc:duckdb:PATH or jdbc:postgresql://HOST:PORT/DATABASE");
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /**
     * The URL as it may be printed or logged: any password masked ({@link #displayUrl}). To open
     * the warehouse again, use the URL it was opened with.
     */
    public String url() {
        return displayUrl;
    }

    /** A JDBC URL with its password masked, fit to print. */
    public static String displayUrl(String jdbcUrl) {
        Secrets.registerUrl(jdbcUrl);
        return Secrets.mask(jdbcUrl);
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
            throw new WarehouseException("cannot close the warehouse " + displayUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * Prepares the warehouse for a long stream of writes. On DuckDB: checkpoints only once a
     * gigabyte of WAL has built up instead of DuckDB's 16 MB, because every checkpoint writes out
     * each primary-key index whole (duckdb/duckdb#24848), so with the default the cost of a write
     * grows with the size of the tables. The data is no less durable: the WAL is on disk and is
     * checkpointed when the warehouse is closed. And DuckDB's buffers are held to
     * {@link #DUCKDB_WRITE_MEMORY} instead of its default of 80 % of the machine's memory, which
     * the JVM in the same process would then share with it: a writer's statements join a stage of
     * at most a sink's buffer of rows with the stored rows of the same days, and need far less.
     * Nothing to do on PostgreSQL.
     */
    public void prepareForBulkWrites() {
        if (dialect == SQLDialect.DUCKDB) {
            try {
                dsl.execute("SET checkpoint_threshold = '1GB'");
                dsl.execute("SET memory_limit = {0}", DSL.inline(DUCKDB_WRITE_MEMORY));
            } catch (DataAccessException e) {
                throw new WarehouseException("cannot configure the warehouse " + displayUrl + ": " + firstLine(e.getMessage()), e);
            }
        }
    }

    /**
     * DuckDB's memory limit while a run writes. Measured 2026-12-05 on a 1M-customer run (21.6M
     * rows written, {@code ./segments run} on {@code generate --customers 1000000 --days 730}'s
     * orders, one run each): DuckDB's default 395.8 s and a peak RSS of 7.6 GB, 1.5 GB 385.0 s and
     * 6.3 GB, 1 GB 390.8 s and 5.8 GB; the 100K-customer file took as long with 1 GB as with 1.5 GB
     * (53.1 / 52.2 s against 48.6 / 54.2 s).
     */
    static final String DUCKDB_WRITE_MEMORY = "1GB";

    private void migrate() {
        try {
            MigrateResult result = Flyway.configure(Warehouse.class.getClassLoader())
                    // Flyway closes the connections it is given: jOOQ's data source hands out
                    // wrappers whose close() does nothing, so the warehouse's connection stays open.
                    .dataSource(new SingleConnectionDataSource(connection))
                    .locations(dialect == SQLDialect.POSTGRES ? new String[] {MIGRATIONS, POSTGRES_MIGRATIONS}
                            : new String[] {MIGRATIONS})
                    .failOnMissingLocations(true)
                    // on DuckDB the pending migrations go in one transaction: all of them or none,
                    // and one commit instead of one per migration (a new warehouse, 28 migrations,
                    // opened in 0.52-0.59 s instead of 0.75-0.83 s in a warm JVM)
                    .group(dialect == SQLDialect.DUCKDB)
                    .load()
                    .migrate();
            schemaChanged |= result.migrationsExecuted > 0;
            if (dialect == SQLDialect.DUCKDB) {
                schemaChanged |= !DuckDbKeys.dropFromGrowingTables(dsl).isEmpty();
            }
        } catch (FlywayException e) {
            throw new WarehouseException("cannot migrate the warehouse " + displayUrl + ": "
                    + firstLine(e.getMessage()) + " (see warehouse-models/migrations)", e);
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot migrate the warehouse " + displayUrl + ": "
                    + firstLine(e.getMessage()) + " (rebuilding its growing tables without primary-key indexes)", e);
        }
    }

    private static Connection connect(String url, SQLDialect dialect) {
        if (dialect == SQLDialect.DUCKDB) {
            return connectDuckDb(url);
        }
        Properties login = PostgresLogin.properties(url, System.getenv());
        try {
            registerDriver(POSTGRES_DRIVER);
            Connection connection = DriverManager.getConnection(url, login);
            try {
                PostgresLogin.turnJitOff(connection, url);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        } catch (SQLException e) {
            throw new WarehouseException(PostgresLogin.problem(url, e), e);
        }
    }

    /**
     * Loads the driver through this class's class loader, so that its class registers itself with
     * DriverManager. On a Flink cluster this class comes from the job jar, loaded by a class loader
     * of the job: DriverManager's own scan of the class path, done once per JVM, never sees that
     * jar's driver, and would answer "No suitable driver".
     */
    private static void registerDriver(String driver) {
        try {
            Class.forName(driver, true, Warehouse.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new WarehouseException("the JDBC driver " + driver + " is not on the class path", e);
        }
    }

    /** The file of a DuckDB URL; null for an in-memory database. */
    private static Path duckDbFile(String url) {
        String path = url.substring("jdbc:duckdb:".length());
        int options = path.indexOf('?');
        path = options < 0 ? path : path.substring(0, options);
        return path.isEmpty() || path.startsWith(":memory:") ? null : Path.of(path);
    }

    private static Connection connectDuckDb(String url) {
        Path file = duckDbFile(url);
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new WarehouseException("cannot open DuckDB file " + file + ": directory " + parent
                    + " does not exist; create it or pass --warehouse jdbc:duckdb:PATH");
        }
        try {
            return DriverManager.getConnection(url, driverProperties(url));
        } catch (SQLException e) {
            String detail = firstLine(e.getMessage());
            String hint = detail.contains("lock")
                    ? "another process has it open (DuckDB allows one writer): stop it or use another file"
                    : "check the path and permissions or pass --warehouse";
            throw new WarehouseException("cannot open DuckDB file " + file + " (" + detail + "): " + hint, e);
        }
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
