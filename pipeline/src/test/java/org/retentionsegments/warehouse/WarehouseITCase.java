package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.retentionsegments.core.SegmentAssignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WarehouseITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final List<String> TABLES = List.of("activity_daily", "cluster_assignment", "cluster_diagnostics",
            "cluster_model", "customer_segment",
            "input_count_daily", "program_horizon", "refresh_run", "rejected_input", "score_boundary", "segment_config",
            "segment_snapshot", "segment_transition", "treatment");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migrationsCreateEveryTableAndReopeningChangesNothing(Engine engine) throws Exception {
        String url = WAREHOUSES.freshUrl(engine);
        try (Warehouse warehouse = Warehouse.open(url)) {
            assertFalse(warehouse.connection().isClosed(), "Flyway must not close the warehouse's connection");
            assertEquals(engine == Engine.DUCKDB ? SQLDialect.DUCKDB : SQLDialect.POSTGRES,
                    warehouse.dialect());
            assertTrue(tables(warehouse).containsAll(TABLES), () -> "tables: " + tables(warehouse));
            assertEquals(migrationFiles(engine), appliedMigrations(warehouse));
        }
        try (Warehouse again = Warehouse.open(url)) {
            assertEquals(migrationFiles(engine), appliedMigrations(again));
        }
    }

    @Test
    void onPostgresCustomerSegmentLeavesRoomOnItsPagesSoADailyRewriteUpdatesInPlace() throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.POSTGRES);
        try (Warehouse warehouse = Warehouse.open(url)) {
            assertEquals("{fillfactor=50}", String.valueOf(warehouse.dsl().fetchValue(
                    "select reloptions::text from pg_class where oid = 'customer_segment'::regclass")));
            // every customer's row written, then rewritten on three more days, as a continuous job does
            WarehouseWriter writer = new WarehouseWriter(warehouse);
            for (int day = 0; day < 4; day++) {
                List<SegmentAssignment> rows = new java.util.ArrayList<>();
                for (int c = 0; c < 2_000; c++) {
                    rows.add(WarehouseFixtures.assignment("c" + c, WarehouseFixtures.AS_OF.plusDays(day), "Champions",
                            false));
                }
                writer.write(rows);
            }
            // the planner's statistics: how many updates kept the row on its page (no new index entry)
            warehouse.dsl().execute("select pg_stat_force_next_flush()");
            var stats = warehouse.dsl().fetchOne("select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables"
                    + " where relid = 'customer_segment'::regclass");
            long updates = ((Number) stats.get(0)).longValue();
            long inPlace = ((Number) stats.get(1)).longValue();
            assertEquals(6_000, updates);
            assertTrue(inPlace >= updates * 9 / 10, () -> inPlace + " of " + updates + " updates in place");
        }
    }

    @Test
    void postgresSessionsRunWithoutJitUnlessTheUrlSetsItsOwnOptions() throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.POSTGRES);
        String jit = "select setting || ' from ' || source from pg_settings where name = 'jit'";
        try (Warehouse warehouse = Warehouse.open(url)) {
            assertEquals("off from session", warehouse.dsl().fetchValue(jit));
        }
        try (Warehouse warehouse = Warehouse.open(url + "&options=-c%20work_mem=64MB")) {
            assertEquals("64MB", warehouse.dsl().fetchValue("show work_mem"));
            String server = (String) warehouse.dsl().fetchValue(jit);
            assertFalse(server.endsWith(" from session"), "the URL's options replace ours: " + server);
        }
    }

    @Test
    void unreachablePostgresSaysWhatToDoInOneLine() {
        WarehouseException e = assertThrows(WarehouseException.class,
                () -> Warehouse.open("jdbc:postgresql://127.0.0.1:1/test?user=postgres"));
        assertEquals("cannot reach PostgreSQL at 127.0.0.1:1 (connection refused): "
                + "start it with infra/start-postgres.sh or pass --warehouse", e.getMessage());
    }

    @Test
    void missingPostgresDatabaseSaysWhatToDo() {
        WAREHOUSES.freshUrl(Engine.POSTGRES); // skips or fails like the other PostgreSQL tests
        String url = TestWarehouses.postgresUrl().replace("/test", "/no_such_database_rs");
        WarehouseException e = assertThrows(WarehouseException.class, () -> Warehouse.open(url));
        assertEquals("database 'no_such_database_rs' does not exist on PostgreSQL at 127.0.0.1:5432: "
                + "create it (createdb no_such_database_rs) or pass --warehouse", e.getMessage());
    }

    @Test
    void unsupportedUrlSaysWhichAreSupported() {
        WarehouseException e = assertThrows(WarehouseException.class,
                () -> Warehouse.open("jdbc:mysql://localhost/shop"));
        assertEquals("unsupported warehouse URL 'jdbc:mysql://localhost/shop': "
                + "pass --warehouse jdbc:duckdb:PATH or jdbc:postgresql://HOST:PORT/DATABASE", e.getMessage());
    }

    @Test
    void aDuckDbWarehouseReadyForBulkWritesHoldsItsBuffersToTheWritersLimit() {
        try (Warehouse w = WAREHOUSES.open(Engine.DUCKDB)) {
            String before = String.valueOf(w.dsl().fetchValue("SELECT current_setting('memory_limit')"));
            assertFalse(before.equals("953.6 MiB"), "DuckDB's default is a share of the machine's memory: " + before);
            w.prepareForBulkWrites();
            // DuckDB reports the limit in its own units: 1GB is 953.6 MiB
            assertEquals("953.6 MiB", String.valueOf(w.dsl().fetchValue("SELECT current_setting('memory_limit')")),
                    "before: " + before);
            assertEquals("953.6 MiB", String.valueOf(w.dsl().fetchValue("SELECT current_setting('checkpoint_threshold')")));
        }
    }

    @Test
    void aDuckDbWarehouseOfAnOlderSchemaTakesThePendingMigrationsAllOrNone(@TempDir Path dir) throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("w.duckdb");
        try (Warehouse old = Warehouse.openMigrated(url)) {
            org.flywaydb.core.Flyway.configure(Warehouse.class.getClassLoader())
                    .dataSource(new org.jooq.tools.jdbc.SingleConnectionDataSource(old.connection()))
                    .locations(Warehouse.MIGRATIONS).target("10").load().migrate();
            assertEquals(10, appliedMigrations(old));
            // V0030 creates topic_delivery: this one makes it fail, twenty migrations after the first pending
            old.dsl().execute("CREATE TABLE topic_delivery (x INTEGER)");
        }
        WarehouseException e = assertThrows(WarehouseException.class, () -> Warehouse.open(url));
        assertTrue(e.getMessage().startsWith("cannot migrate the warehouse " + url), e.getMessage());
        try (Warehouse after = Warehouse.openMigrated(url)) {
            assertEquals(10, appliedMigrations(after), "none of the pending migrations is kept");
            assertFalse(tables(after).contains("segment_config"), "V0011's table rolled back: " + tables(after));
            after.dsl().execute("DROP TABLE topic_delivery");
        }
        try (Warehouse upgraded = Warehouse.open(url)) {
            assertTrue(tables(upgraded).containsAll(TABLES), () -> "tables: " + tables(upgraded));
            assertEquals(migrationFiles(Engine.DUCKDB), appliedMigrations(upgraded));
        }
    }

    @Test
    void duckDbFileInMissingDirectorySaysWhatToDo(@TempDir Path dir) {
        Path file = dir.resolve("missing").resolve("w.duckdb");
        WarehouseException e = assertThrows(WarehouseException.class,
                () -> Warehouse.open("jdbc:duckdb:" + file));
        assertEquals("cannot open DuckDB file " + file + ": directory " + file.getParent()
                + " does not exist; create it or pass --warehouse jdbc:duckdb:PATH", e.getMessage());
    }

    private static List<String> tables(Warehouse warehouse) {
        return warehouse.dsl().fetchValues("select table_name from information_schema.tables"
                + " where table_schema = current_schema()").stream().map(String::valueOf).toList();
    }

    /**
     * The migrations the artifact ships for the engine (warehouse-models/migrations, V*.sql, and
     * for PostgreSQL also warehouse-models/migrations-postgresql).
     */
    private static long migrationFiles(Engine engine) throws IOException, URISyntaxException {
        return migrationFiles("warehouse-models/migrations")
                + (engine == Engine.POSTGRES ? migrationFiles("warehouse-models/migrations-postgresql") : 0);
    }

    private static long migrationFiles(String folder) throws IOException, URISyntaxException {
        java.net.URI uri = WarehouseITCase.class.getClassLoader().getResource(folder).toURI();
        if (!uri.getScheme().equals("jar")) {
            return count(Path.of(uri));
        }
        // inside the packaged jar (failsafe tests the artifact): open it as a file system of its own
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of())) {
            return count(jar.provider().getPath(uri));
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
            return count(Path.of(uri));
        }
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
    }

    private static long appliedMigrations(Warehouse warehouse) {
        return warehouse.dsl().fetchCount(warehouse.dsl().selectFrom("flyway_schema_history")
                .where("success and version is not null"));
    }
}
