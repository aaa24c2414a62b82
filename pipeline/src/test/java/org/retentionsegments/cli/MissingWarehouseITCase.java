package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;

/**
 * The commands that read a warehouse refuse a database that exists but holds none (an empty
 * PostgreSQL schema, an empty DuckDB file) in one line, and create nothing in it. A DuckDB file
 * that is not there is {@code CommandLineErrorsTest}'s case.
 */
class MissingWarehouseITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final String WHAT_TO_DO = ": run `./segments run` or `./segments demo` first, or pass"
            + " --warehouse (the demo's is jdbc:duckdb:demo/segments.duckdb)";

    @ParameterizedTest
    @CsvSource({"DUCKDB, report", "DUCKDB, models apply", "DUCKDB, models test", "DUCKDB, config check",
        "DUCKDB, explain --customer c1", "DUCKDB, audiences export --out target/audiences-never-written",
        "POSTGRES, report", "POSTGRES, models apply", "POSTGRES, models test", "POSTGRES, config check",
        "POSTGRES, explain --customer c1", "POSTGRES, audiences export --out target/audiences-never-written"})
    void aDatabaseWithoutTheWarehouseIsRefusedAndLeftEmpty(Engine engine, String command) throws Exception {
        String url = WAREHOUSES.freshUrl(engine);
        Warehouse.openMigrated(url).close(); // connects without migrating: an empty DuckDB file
        String[] args = (command + " --warehouse " + url).split(" ");

        Captured cli = RunFixtures.capture(() -> Segments.commandLine().execute(args));

        assertEquals(1, cli.exitCode(), cli.err());
        String where = engine == Engine.DUCKDB
                ? url.substring("jdbc:duckdb:".length()) + " (no customer_segment table in the file)"
                : url + " (no customer_segment table in the schema)";
        assertEquals(List.of("error: no warehouse at " + where + WHAT_TO_DO), cli.err().lines().toList());
        assertEquals(0, RunFixtures.count(url, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = current_schema()"), "nothing is created");
        assertFalse(Files.exists(Path.of("target/audiences-never-written")), "no audience folder either");
    }

    @ParameterizedTest
    @CsvSource({"report", "models test"})
    void aPostgresSchemaThatIsNotThereIsRefusedAndNotCreated(String command) throws Exception {
        String schema = WAREHOUSES.freshUrl(Engine.POSTGRES).replaceAll(".*currentSchema=", "") + "_missing";
        String url = TestWarehouses.postgresUrl() + "&currentSchema=" + schema;
        String[] args = (command + " --warehouse " + url).split(" ");

        Captured cli = RunFixtures.capture(() -> Segments.commandLine().execute(args));

        assertEquals(1, cli.exitCode(), cli.err());
        assertEquals(List.of("error: no warehouse at " + url + " (no customer_segment table in the schema)"
                + WHAT_TO_DO), cli.err().lines().toList());
        assertEquals(0, RunFixtures.count(TestWarehouses.postgresUrl(), "SELECT count(*) FROM"
                + " information_schema.schemata WHERE schema_name = '" + schema + "'"), "no schema is created");
    }
}
