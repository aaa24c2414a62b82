package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retentionsegments.fixtures.ChildCli;
import org.retentionsegments.fixtures.ChildCli.Result;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * Warehouse passwords never reach the terminal: the CLI runs as a child JVM, as a user runs it
 * (the jar's log4j configuration, driver logging on), with a password in the URL or in
 * PGPASSWORD, succeeding and failing with SEGMENTS_DEBUG=1, and everything it prints on stdout
 * and stderr is searched for the password.
 */
class SecretsITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final String SECRET = "S3cr3t-XYZ";
    private static final String ENV_SECRET = "Env-S3cr3t-42";

    @TempDir static Path dir;
    private static Path orders;
    private static ChildCli cli;
    private static ChildCli withDriverLogging;

    @BeforeAll
    static void files() throws IOException {
        orders = Files.writeString(dir.resolve("orders.csv"), "order_id,customer_id,order_ts,amount\n"
                + "o1,c1,2024-01-05T10:00:00Z,20.00\no2,c1,2024-02-05T10:00:00Z,30.00\no3,c2,2024-02-10T10:00:00Z,15.00\n");
        cli = new ChildCli(dir);
        // The PostgreSQL driver logs the URL it connects with at FINE through java.util.logging.
        Path julFine = Files.writeString(dir.resolve("logging.properties"), "handlers=java.util.logging.ConsoleHandler\n"
                + "java.util.logging.ConsoleHandler.level=FINE\norg.postgresql.level=FINE\n");
        withDriverLogging = new ChildCli(dir).withJvmOption("-Djava.util.logging.config.file=" + julFine);
    }

    @Test
    void aRunWithThePasswordInTheUrlShowsTheUrlMasked() throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.POSTGRES) + "&password=" + SECRET;
        Result run = segments(Map.of(), false, "run", "--orders", orders.toString(), "--warehouse", url);
        assertEquals(0, run.exit(), run.output());
        assertNoSecret(run);
        String shown = url.replace(SECRET, "***");
        assertTrue(run.output().contains("warehouse " + shown + " is ready"), run.output());
        assertTrue(run.output().contains("customers segmented as of 2024-02-11") && run.output().contains(shown + "\n"),
                run.output());
        assertTrue(run.output().contains("warehouse: ") && run.output().contains(" rows written in "),
                "the sink's log4j progress line is printed too: " + run.output());

        Result report = segments(Map.of(), false, "report", "--warehouse", url);
        assertEquals(0, report.exit(), report.output());
        assertNoSecret(report);
        assertTrue(report.output().contains("Data Source: " + shown + ","), report.output());
    }

    @Test
    void modelsApplyWithDriverLoggingShowsTheUrlMasked() throws Exception {
        String fresh = WAREHOUSES.freshUrl(Engine.POSTGRES);
        migrated(fresh); // models apply refuses a schema that holds no warehouse
        String url = fresh + "&Password=" + SECRET;
        Result apply = segments(Map.of("SEGMENTS_DEBUG", "1"), true, "models", "apply", "--warehouse", url);
        assertEquals(0, apply.exit(), apply.output());
        assertNoSecret(apply);
        String shown = url.replace(SECRET, "***");
        assertTrue(apply.output().contains("Connecting with URL: " + shown), apply.output());
        assertTrue(appliedViewsTo(apply.output(), shown), apply.output());
    }

    @Test
    void thePasswordOfPgPasswordIsNeverShown() throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.POSTGRES);
        migrated(url);
        Map<String, String> env = Map.of("PGPASSWORD", ENV_SECRET, "SEGMENTS_DEBUG", "1");
        Result apply = segments(env, true, "models", "apply", "--warehouse", url);
        assertEquals(0, apply.exit(), apply.output());
        assertFalse(apply.output().contains(ENV_SECRET), apply.output());
        assertTrue(appliedViewsTo(apply.output(), url), apply.output());

        // Not a password parameter, but the value of PGPASSWORD: masked all the same.
        Result failed = segments(env, true, "models", "apply", "--warehouse",
                "jdbc:postgresql://127.0.0.1:port/test?user=postgres&application_name=" + ENV_SECRET);
        assertNotEquals(0, failed.exit(), failed.output());
        assertFalse(failed.output().contains(ENV_SECRET), failed.output());
        assertTrue(failed.output().contains("error: malformed PostgreSQL URL 'jdbc:postgresql://127.0.0.1:port/test"
                + "?user=postgres&application_name=***'"), failed.output());
    }

    /** Whether the output says views were applied to the warehouse shown as {@code shown}. */
    private static boolean appliedViewsTo(String output, String shown) {
        return java.util.regex.Pattern.compile("applied \\d+ views to " + java.util.regex.Pattern.quote(shown) + ": ")
                .matcher(output).find();
    }

    /** Creates the warehouse's tables in the schema of {@code url}, as a run would. */
    private static void migrated(String url) {
        try (org.retentionsegments.warehouse.Warehouse warehouse = org.retentionsegments.warehouse.Warehouse.open(url)) {
            warehouse.url(); // opened: migrated
        }
    }

    /** Each URL fails (closed port, malformed, user:password@host, not a warehouse, a typo in the option). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--warehouse=jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + SECRET
                + " | error: cannot reach PostgreSQL at 127.0.0.1:1 (connection refused)",
        "--warehouse=jdbc:postgresql://127.0.0.1:port/test?password=" + SECRET + "&user=postgres"
                + " | error: malformed PostgreSQL URL 'jdbc:postgresql://127.0.0.1:port/test?password=***&user=postgres'",
        "--warehouse=jdbc:postgresql://postgres:" + SECRET + "@127.0.0.1:5432/test"
                + " | (in jdbc:postgresql://postgres:***@127.0.0.1:5432/test)",
        "--warehouse=jdbc:mysql://127.0.0.1/test?user=root&PASSWORD=" + SECRET
                + " | error: unsupported warehouse URL 'jdbc:mysql://127.0.0.1/test?user=root&PASSWORD=***'",
        "--warehous=jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=" + SECRET
                + " | error: Unknown option: '--warehous=jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=***'"})
    void aFailingRunWithStackTracesNeverShowsThePassword(String warehouse, String error) throws Exception {
        Result run = segments(Map.of("SEGMENTS_DEBUG", "1"), false, "run", "--orders", orders.toString(), warehouse);
        assertNotEquals(0, run.exit(), run.output());
        assertNoSecret(run);
        List<String> errors = run.output().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), run.output());
        assertTrue(errors.get(0).contains(error), errors.get(0));
        if (!warehouse.startsWith("--warehous=")) {
            assertTrue(run.output().contains("\tat org.retentionsegments."), "SEGMENTS_DEBUG=1 prints the trace: "
                    + run.output());
        }
    }

    private static void assertNoSecret(Result child) {
        assertFalse(child.output().contains(SECRET), child.output());
        assertFalse(child.output().contains("S3cr3t"), child.output());
    }

    private static Result segments(Map<String, String> env, boolean driverLogging, String... args)
            throws Exception {
        return (driverLogging ? withDriverLogging : cli).run(env, args);
    }
}
