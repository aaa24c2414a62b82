package org.retentionsegments.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fresh, empty warehouses for integration tests: a DuckDB file in a temporary directory, or a new
 * schema in the PostgreSQL test database (so test classes running in parallel never share
 * tables), all removed after the class. Register once per test class:
 * {@code @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();}
 *
 * <p>PostgreSQL is {@value #DEFAULT_POSTGRES} unless {@code RS_TEST_POSTGRES_URL} says otherwise.
 * When it cannot be reached, PostgreSQL tests are skipped with a message, or fail when
 * {@code CI=true}.
 */
public final class TestWarehouses implements BeforeAllCallback, AfterAllCallback {

    public static final String DEFAULT_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final List<String> schemas = new ArrayList<>();
    private Path directory;
    private String prefix;

    /** The PostgreSQL server the tests use (without a schema). */
    public static String postgresUrl() {
        String url = System.getenv("RS_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? DEFAULT_POSTGRES : url;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        prefix = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        directory = Files.createTempDirectory(prefix);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException, SQLException {
        if (!schemas.isEmpty()) {
            try (Connection c = DriverManager.getConnection(postgresUrl()); Statement s = c.createStatement()) {
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The JDBC URL of a new, empty database on the engine. */
    public String freshUrl(Engine engine) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        if (engine == Engine.DUCKDB) {
            return "jdbc:duckdb:" + directory.resolve(name + ".duckdb");
        }
        try (Connection c = DriverManager.getConnection(postgresUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
            schemas.add(name);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + postgresUrl() + " (" + e.getMessage()
                    + "); start it with pg_ctlcluster or set RS_TEST_POSTGRES_URL";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message, e);
            }
            Assumptions.abort(message + "; skipping (CI=true makes this a failure)");
        }
        return postgresUrl() + (postgresUrl().contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** Opens (and so migrates) a new, empty warehouse on the engine. */
    public Warehouse open(Engine engine) {
        return Warehouse.open(freshUrl(engine));
    }
}
