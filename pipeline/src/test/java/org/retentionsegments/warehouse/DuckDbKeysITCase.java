package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.Treatment;

/**
 * On DuckDB the growing tables keep their keys in the writer, not in a primary-key index
 * ({@link DuckDbKeys}): a new warehouse has none on them and keeps the others'; a warehouse whose
 * table still has one (as made before) is rebuilt with the same rows, types, NOT NULLs and
 * comments; and the writer still keeps one row per key when it writes the same rows again.
 */
class DuckDbKeysITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @Test
    void aNewWarehouseHasNoPrimaryKeyOnItsGrowingTablesAndKeepsTheOthers() {
        try (Warehouse w = WAREHOUSES.open(Engine.DUCKDB)) {
            Set<String> keyed = new TreeSet<>(DuckDbKeys.keyedTables(w.dsl()));
            for (String table : DuckDbKeys.GROWING) {
                assertTrue(!keyed.contains(table), table + " still has a primary key: " + keyed);
            }
            assertTrue(keyed.containsAll(List.of("customer_segment", "refresh_run", "segment_config", "audience_export_member")),
                    keyed.toString());
        }
    }

    @Test
    void aTableMadeWithItsKeyIsRebuiltWithTheSameRowsNotNullsAndComments() {
        try (Warehouse w = WAREHOUSES.open(Engine.DUCKDB)) {
            DSLContext dsl = w.dsl();
            // treatment as the migrations made it before this change, with rows
            dsl.execute("DROP TABLE treatment");
            dsl.execute("""
                    CREATE TABLE treatment (program_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL,
                        treated_ts TIMESTAMP NOT NULL, arm VARCHAR NOT NULL, segment VARCHAR, channel VARCHAR,
                        cost DECIMAL(18, 2), source VARCHAR NOT NULL,
                        CONSTRAINT treatment_pk PRIMARY KEY (program_id, customer_id, treated_ts))""");
            dsl.execute("COMMENT ON TABLE treatment IS 'Entries into retention programs'");
            dsl.execute("COMMENT ON COLUMN treatment.cost IS 'Cost of the contact; it''s money'");
            dsl.execute("""
                    INSERT INTO treatment VALUES ('p', 'c1', TIMESTAMP '2024-01-02 10:00:00', 'treatment', 'Lost',
                        'email', 1.25, 'input'), ('p', 'c2', TIMESTAMP '2024-01-03 00:00:00', 'holdout', NULL, NULL,
                        NULL, 'always_on')""");
            String before = dsl.fetch("SELECT * FROM treatment ORDER BY customer_id").formatCSV();
            String typesBefore = dsl.fetch("SELECT column_name, data_type, is_nullable FROM duckdb_columns()"
                    + " WHERE table_name = 'treatment' ORDER BY column_index").formatCSV();

            assertEquals(List.of("treatment"), DuckDbKeys.dropFromGrowingTables(dsl));

            assertTrue(!DuckDbKeys.keyedTables(dsl).contains("treatment"));
            assertEquals(before, dsl.fetch("SELECT * FROM treatment ORDER BY customer_id").formatCSV());
            assertEquals(typesBefore, dsl.fetch("SELECT column_name, data_type, is_nullable FROM duckdb_columns()"
                    + " WHERE table_name = 'treatment' ORDER BY column_index").formatCSV());
            assertEquals("Entries into retention programs",
                    dsl.fetchValue("SELECT comment FROM duckdb_tables() WHERE table_name = 'treatment'"));
            assertEquals("Cost of the contact; it's money", dsl.fetchValue(
                    "SELECT comment FROM duckdb_columns() WHERE table_name = 'treatment' AND column_name = 'cost'"));
            assertThrows(DataAccessException.class, () -> dsl.execute(
                    "INSERT INTO treatment VALUES ('p', NULL, TIMESTAMP '2024-01-04 00:00:00', 'treatment', NULL,"
                            + " NULL, NULL, 'input')"));
            assertEquals(List.of(), DuckDbKeys.dropFromGrowingTables(dsl), "a second pass finds nothing to do");
        }
    }

    @Test
    void theWriterKeepsOneRowPerKeyWithoutTheIndex() {
        try (Warehouse w = WAREHOUSES.open(Engine.DUCKDB)) {
            WarehouseWriter writer = new WarehouseWriter(w);
            Instant at = Instant.parse("2024-03-01T09:30:00Z");
            writer.write(List.of(new Treatment("p", "c1", at, Arm.TREATMENT, "Lost", "email", 0.5, "input"),
                    new Treatment("p", "c2", at, Arm.HOLDOUT, "Lost", "email", 0.0, "input")));
            writer.write(List.of(new Treatment("p", "c1", at, Arm.TREATMENT, "Lost", "email", 0.75, "input")));
            assertEquals(2L, ((Number) w.dsl().fetchValue("SELECT count(*) FROM treatment")).longValue());
            assertEquals(0.75, ((Number) w.dsl().fetchValue("SELECT cost FROM treatment WHERE customer_id = 'c1'")).doubleValue());
        }
    }
}
