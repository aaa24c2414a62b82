package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.tools.jdbc.SingleConnectionDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A new DuckDB warehouse made from the build's template ({@link WarehouseTemplate}). */
class WarehouseTemplateITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    /** What a DuckDB warehouse's schema is, as text: every part a migration or the key rebuild makes. */
    private static final List<String> SCHEMA = List.of(
            "SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default"
                    + " FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 3",
            "SELECT table_name, comment FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1",
            "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE database_name = current_database()"
                    + " ORDER BY 1, 2",
            "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints()"
                    + " WHERE database_name = current_database() ORDER BY 1, 2, 3",
            "SELECT table_name, index_name, sql FROM duckdb_indexes() WHERE database_name = current_database() ORDER BY 1, 2",
            "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal AND database_name = current_database() ORDER BY 1",
            "SELECT sequence_name, start_value, increment_by FROM duckdb_sequences()"
                    + " WHERE database_name = current_database() ORDER BY 1",
            "SELECT installed_rank, version, description, type, script, checksum, success FROM flyway_schema_history"
                    + " ORDER BY 1",
            "SELECT models_fingerprint, views FROM model_apply");

    @Test
    void aNewWarehouseFromTheBuildsTemplateIsTheOneTheMigrationsMake() throws Exception {
        URL template = WarehouseTemplate.onClassPath();
        assertNotNull(template, "the build puts " + WarehouseTemplate.RESOURCE + " on the class path (pipeline/pom.xml)");
        LocalDateTime before = LocalDateTime.now().minusMinutes(1);
        String copied = WAREHOUSES.freshUrl(Engine.DUCKDB);
        String migrated = WAREHOUSES.freshUrl(Engine.DUCKDB);
        List<String> fromTemplate;
        try (Warehouse w = Warehouse.open(copied)) {
            fromTemplate = schema(w);
            LocalDateTime installed = w.dsl().fetchSingle("SELECT min(installed_on) FROM flyway_schema_history")
                    .get(0, LocalDateTime.class);
            assertTrue(installed.isAfter(before), () -> "the history is stamped with the copy's time, not the build's: "
                    + installed);
        }
        try (Warehouse w = Warehouse.open(migrated, null)) {
            Models.bundled().apply(w);
        }
        // read back from the file, as the template's views are: DuckDB keeps a view's SQL in the
        // storage format of DuckDB 1.0 (Warehouse.DUCKDB_STORAGE_COMPATIBILITY), which has no
        // MATERIALIZED on a common table expression, so every view read back from a file lacks it
        try (Warehouse w = Warehouse.open(migrated, null)) {
            assertEquals(String.join("\n", schema(w)), String.join("\n", fromTemplate));
        }
        assertFalse(fromTemplate.isEmpty());
    }

    @Test
    void aTemplateOfAnOlderSchemaIsCopiedAndTakesThePendingMigrations(@TempDir Path dir) throws Exception {
        Path template = olderTemplate(dir, "10");
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        try (Warehouse w = Warehouse.open(url, template.toUri().toURL())) {
            assertTrue(w.hasTable("copied_from_the_template"), "the warehouse is the template's copy");
            assertEquals(schemaOfMigrations(), schemaWithout(w, "copied_from_the_template"));
        }
    }

    @Test
    void aTemplateWhoseMigrationsWereEditedSinceIsSetAsideForTheMigrations(@TempDir Path dir) throws Exception {
        Path template = olderTemplate(dir, null);
        try (Warehouse edit = Warehouse.openMigrated("jdbc:duckdb:" + template)) {
            edit.dsl().execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '0001'");
        }
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        Path file = Path.of(url.substring("jdbc:duckdb:".length()));
        try (Warehouse w = Warehouse.open(url, template.toUri().toURL())) {
            assertFalse(w.hasTable("copied_from_the_template"), "made from the migrations instead");
            assertEquals(schemaOfMigrations(), schema(w));
        }
        try (Stream<Path> left = Files.list(file.getParent())) {
            List<String> names = left.map(p -> p.getFileName().toString()).filter(n -> n.contains(".part")).toList();
            assertEquals(List.of(), names, "no part of a copy left beside the warehouse");
        }
    }

    @Test
    void aFileThatIsThereOrAFolderThatIsNotGetsNoCopy(@TempDir Path dir) throws Exception {
        URL template = WarehouseTemplate.onClassPath();
        Path there = dir.resolve("there.duckdb");
        Files.writeString(there, "not a warehouse");
        assertFalse(WarehouseTemplate.copyIfNew(there, template));
        assertEquals("not a warehouse", Files.readString(there));
        Path inMissingFolder = dir.resolve("missing").resolve("w.duckdb");
        assertFalse(WarehouseTemplate.copyIfNew(inMissingFolder, template));
        assertFalse(Files.exists(inMissingFolder.getParent()));
        Path fresh = dir.resolve("fresh.duckdb");
        Files.writeString(dir.resolve(".fresh.duckdb123.part"), "a part a killed copy left");
        assertTrue(WarehouseTemplate.copyIfNew(fresh, template));
        try (var in = template.openStream()) {
            assertTrue(java.util.Arrays.equals(in.readAllBytes(), Files.readAllBytes(fresh)), "a copy of the template");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("fresh.duckdb", "there.duckdb"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /**
     * A template file migrated up to {@code target} (null: every migration), with one table of its
     * own that tells a copy of it from a warehouse the migrations made.
     */
    private static Path olderTemplate(Path dir, String target) throws Exception {
        Path file = dir.resolve("template.duckdb");
        try (Warehouse w = Warehouse.openMigrated("jdbc:duckdb:" + file)) {
            var flyway = Flyway.configure(Warehouse.class.getClassLoader())
                    .dataSource(new SingleConnectionDataSource(w.connection()))
                    .locations(Warehouse.MIGRATIONS);
            if (target != null) {
                flyway.target(target);
            }
            flyway.load().migrate();
            w.dsl().execute("CREATE TABLE copied_from_the_template (x INTEGER)");
        }
        return file;
    }

    private static List<String> schemaOfMigrations() throws Exception {
        try (Warehouse w = Warehouse.open(WAREHOUSES.freshUrl(Engine.DUCKDB), null)) {
            return schema(w);
        }
    }

    private static List<String> schema(Warehouse w) {
        return schemaWithout(w, null);
    }

    private static List<String> schemaWithout(Warehouse w, String table) {
        List<String> lines = new ArrayList<>();
        for (String query : SCHEMA) {
            for (var row : w.dsl().fetch(query)) {
                if (table == null || !table.equals(row.get(0))) {
                    lines.add(row.formatCSV(false).strip());
                }
            }
        }
        return lines;
    }
}
