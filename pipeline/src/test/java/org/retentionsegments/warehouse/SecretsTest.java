package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @AfterEach
    void forget() {
        Secrets.clear();
    }

    @Test
    void aPasswordParameterIsMaskedInAnyCaseAndOrder() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=***",
                Secrets.mask("jdbc:postgresql://h/db?user=u&password=SECRET"));
        assertEquals("jdbc:postgresql://h/db?PassWord=***&user=u",
                Secrets.mask("jdbc:postgresql://h/db?PassWord=SECRET&user=u"));
        assertEquals("cannot open 'jdbc:postgresql://h/db?password=***': no",
                Secrets.mask("cannot open 'jdbc:postgresql://h/db?password=SECRET': no"));
        assertEquals("applied 7 views to jdbc:duckdb:x?password=***: a, b",
                Secrets.mask("applied 7 views to jdbc:duckdb:x?password=SECRET: a, b"));
    }

    @Test
    void theUserInfoFormIsMasked() {
        assertEquals("jdbc:postgresql://u:***@h:5432/db", Secrets.mask("jdbc:postgresql://u:SECRET@h:5432/db"));
    }

    @Test
    void aRegisteredSecretIsMaskedWhereverItAppearsAsWrittenAndDecoded() {
        Secrets.registerUrl("jdbc:postgresql://h/db?user=u&password=p%40ss-w0rd");
        assertEquals("the password *** leaked, and ***", Secrets.mask("the password p@ss-w0rd leaked, and p%40ss-w0rd"));
        Secrets.registerEnvironment(Map.of("PGPASSWORD", "from-the-env"));
        assertEquals("login ***", Secrets.mask("login from-the-env"));
        assertEquals("PGPASSWORD=***", Secrets.mask("PGPASSWORD=from-the-env"));
    }

    @Test
    void aShortSecretIsMaskedOnlyWhereAPatternShowsIt() {
        Secrets.registerUrl("jdbc:postgresql://h/db?password=pw");
        assertEquals("pw in a sentence, password=***", Secrets.mask("pw in a sentence, password=pw"));
    }

    @Test
    void maskingBytesLeavesOtherBytesAsTheyWere() {
        Secrets.register("S3cr3t-é");
        byte[] plain = "naïve 1,2€\n".getBytes(StandardCharsets.UTF_8);
        assertNull(Secrets.maskBytes(plain, plain.length), "nothing to mask");
        byte[] leaking = "über S3cr3t-é and password=abc€d\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals("über *** and password=***\n".getBytes(StandardCharsets.UTF_8),
                Secrets.maskBytes(leaking, leaking.length));
    }
}
