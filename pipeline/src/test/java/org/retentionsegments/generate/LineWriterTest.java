package org.retentionsegments.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LineWriterTest {

    private static final long CACHED_FROM = LocalDate.parse("2024-01-01").toEpochDay();

    @Test
    void writesFieldsSeparatedByCommasAndCountsDataLines() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] digits = "0000042".getBytes(StandardCharsets.US_ASCII);
        long lines;
        try (LineWriter out = new LineWriter(bytes, CACHED_FROM, 10)) {
            out.header("a,b,c,d,e");
            out.id('O', digits, 3).id('C', digits, -1).cents(1205).cents(-7).cents(0).end();
            out.timestamp(Instant.parse("2024-01-05T14:22:31Z").getEpochSecond())
                    .timestamp(Instant.parse("1999-12-31T23:59:59Z").getEpochSecond())
                    .text("x")
                    .end();
            lines = out.lines();
        }
        assertEquals("a,b,c,d,e\n"
                + "O0000042-3,C0000042,12.05,-0.07,0.00\n"
                + "2024-01-05T14:22:31Z,1999-12-31T23:59:59Z,x\n", bytes.toString(StandardCharsets.US_ASCII));
        assertEquals(2, lines);
    }
}
