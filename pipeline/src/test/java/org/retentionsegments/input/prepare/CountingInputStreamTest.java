package org.retentionsegments.input.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The first stage's byte count: every byte read, by any of the stream's read methods, once; and its stop. */
class CountingInputStreamTest {

    @Test
    void countsEveryByteReadOrSkippedAndNothingAtTheEnd() throws IOException {
        AtomicLong count = new AtomicLong(100);
        try (InputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[1_000]), count)) {
            in.read();
            in.read(new byte[10]);
            in.skip(89);
            assertEquals(900, in.readAllBytes().length);
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(new byte[10], 0, 10));
        }
        assertEquals(1_100, count.get());
    }

    @Test
    void aReadOnAnInterruptedThreadFailsAndReadsNothing() throws IOException {
        AtomicLong count = new AtomicLong();
        try (InputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[1_000]), count)) {
            assertEquals(10, in.read(new byte[10]));
            Thread.currentThread().interrupt();
            try {
                assertThrows(InterruptedIOException.class, () -> in.read(new byte[10]));
            } finally {
                assertTrue(Thread.interrupted(), "the thread stays interrupted"); // and is cleared for the next test
            }
            assertEquals(10, in.read(new byte[10]), "an uninterrupted thread reads on");
        }
        assertEquals(20, count.get());
    }
}
