package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code infra/bi-role.sql}, run with psql as the README says, gives a PostgreSQL role read-only
 * access to a warehouse: it reads tables and views, also the views {@code models apply} re-creates
 * afterwards, and cannot write.
 */
class BiRoleITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final Path SCRIPT = Path.of("..", "infra", "bi-role.sql").toAbsolutePath().normalize();

    @Test
    void theRoleReadsEveryTableAndViewEvenAfterModelsApplyAndWritesNothing() throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.POSTGRES);
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        String role = "bi_" + schema;
        try (Warehouse w = Warehouse.open(url)) {
            DSLContext dsl = w.dsl();
            Models models = Models.bundled();
            models.apply(w);
            dsl.execute("INSERT INTO program_horizon (program_id, horizon_days) VALUES ('winback', 30)");
            try {
                assertEquals(0, psql(role, schema), "the script runs");
                assertEquals(0, psql(role, schema), "and runs again");
                models.apply(w); // drops and re-creates every view

                dsl.execute("SET ROLE " + role);
                assertEquals(1, count(dsl, "SELECT count(*) FROM program_horizon"));
                assertEquals(0, count(dsl, "SELECT count(*) FROM customer_segment"));
                assertEquals(0, count(dsl, "SELECT count(*) FROM segment_summary"));
                assertEquals(0, count(dsl, "SELECT count(*) FROM holdout_lift"), "over helper views");
                DataAccessException denied = assertThrows(DataAccessException.class,
                        () -> dsl.execute("INSERT INTO program_horizon (program_id, horizon_days) VALUES ('x', 5)"));
                assertEquals("42501", ((SQLException) denied.getCause()).getSQLState(), denied.getMessage());
            } finally {
                dsl.execute("RESET ROLE");
                if (count(dsl, "SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'") > 0) {
                    dsl.execute("DROP OWNED BY " + role);
                    dsl.execute("DROP ROLE " + role);
                }
            }
        }
    }

    private static long count(DSLContext dsl, String query) {
        return ((Number) dsl.fetchValue(query)).longValue();
    }

    /** Runs the script with psql on the test server, as the README shows; its exit code. */
    private static int psql(String role, String schema) throws IOException, InterruptedException {
        String server = TestWarehouses.postgresUrl().substring("jdbc:".length());
        Process psql = new ProcessBuilder("psql", server, "-v", "ON_ERROR_STOP=1", "-v", "role=" + role,
                "-v", "schema=" + schema, "-f", SCRIPT.toString()).redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = psql.waitFor();
        System.err.print(output);
        return exit;
    }
}
