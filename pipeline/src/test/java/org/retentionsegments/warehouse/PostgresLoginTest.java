package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresLoginTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @AfterEach
    void forget() {
        Secrets.clear();
    }

    @Test
    void pgPasswordAndPgUserFillWhatTheUrlLacks() {
        Properties p = PostgresLogin.properties(URL, Map.of("PGPASSWORD", "env-secret", "PGUSER", "analyst"));
        assertEquals("env-secret", p.getProperty("password"));
        assertEquals("analyst", p.getProperty("user"));
        assertEquals("10", p.getProperty("connectTimeout"));
        assertFalse(p.containsKey("options"), "a startup parameter PgBouncer refuses");
        assertEquals("***", Secrets.mask("env-secret"), "PGPASSWORD is registered as a secret once used");
    }

    @Test
    void theUrlWinsOverTheEnvironment() {
        Properties p = PostgresLogin.properties(URL + "?user=postgres&password=url%2Dsecret",
                Map.of("PGPASSWORD", "env-secret", "PGUSER", "analyst"));
        assertEquals("url-secret", p.getProperty("password"));
        assertNull(p.getProperty("user"), "the driver reads user from the URL");
    }

    @Test
    void aPasswordParameterInAnotherCaseIsStillThePassword() {
        Properties p = PostgresLogin.properties(URL + "?User=postgres&PASSWORD=upper", Map.of("PGPASSWORD", "env"));
        assertEquals("upper", p.getProperty("password"));
        assertEquals("***!", Secrets.mask("upper!"));
    }

    @Test
    void withoutPasswordOrEnvironmentNoneIsSent() {
        Properties p = PostgresLogin.properties(URL + "?user=postgres", Map.of("PGPASSWORD", ""));
        assertFalse(p.containsKey("password"));
    }

    @Test
    void userColonPasswordAtHostIsRefusedWithTheSecretMasked() {
        WarehouseException e = assertThrows(WarehouseException.class,
                () -> PostgresLogin.properties("jdbc:postgresql://postgres:S3cr3t-XYZ@127.0.0.1:5432/test", Map.of()));
        assertFalse(e.getMessage().contains("S3cr3t"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:postgresql://postgres:***@127.0.0.1:5432/test"), e.getMessage());
        assertTrue(e.getMessage().contains("PGPASSWORD"), e.getMessage());
    }

    @Test
    void warehouseExceptionsMaskPasswords() {
        assertEquals("cannot open jdbc:postgresql://h/db?password=***: no",
                new WarehouseException("cannot open jdbc:postgresql://h/db?password=hunter22: no").getMessage());
    }
}
