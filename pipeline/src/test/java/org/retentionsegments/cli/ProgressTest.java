package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.retentionsegments.cli.Progress.Mode;
import org.retentionsegments.cli.Progress.Unit;

/** The progress line's rate and time left, and when each mode prints, on a clock the test moves. */
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Unit CUSTOMERS = Unit.of("customers");

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintWriter out = new PrintWriter(bytes, true, StandardCharsets.UTF_8);

    private Progress progress(Mode mode, Unit unit, long total) {
        return new Progress("generating", unit, total, mode, out, now::get);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRateIsTheCountOverTheTimeElapsedAndTheTimeLeftWhatRemainsAtThatRate() {
        Progress.Estimate e = Progress.estimate(2_500, 10_000, 5 * SECOND);

        assertEquals(500.0, e.perSecond(), 1e-9);
        assertEquals(15.0, e.secondsLeft(), 1e-9);
        assertEquals(0.0, Progress.estimate(10_000, 10_000, 5 * SECOND).secondsLeft(), 1e-9);
    }

    @Test
    void nothingDoneYetOrAnUnknownTotalHasNoTimeLeft() {
        assertTrue(Double.isNaN(Progress.estimate(0, 100, 5 * SECOND).perSecond()));
        assertTrue(Double.isNaN(Progress.estimate(0, 100, 5 * SECOND).secondsLeft()));
        assertTrue(Double.isNaN(Progress.estimate(10, 100, 0).secondsLeft()));
        assertEquals(2.0, Progress.estimate(10, 0, 5 * SECOND).perSecond(), 1e-9);
        assertTrue(Double.isNaN(Progress.estimate(10, 0, 5 * SECOND).secondsLeft()));
    }

    @Test
    void theLineSaysDoneOfTotalThePercentTheRateAndTheTimeLeft() {
        assertEquals("generating: 4,200 of 10,000 customers (42%), 1,050 customers/s, 5.5 s left",
                Progress.line("generating", CUSTOMERS, 4_200, 10_000, 4 * SECOND));
        assertEquals("reading: 100.0 of 400.0 MB (25%), 10.0 MB/s, 30 s left",
                Progress.line("reading", Unit.BYTES, 100L << 20, 400L << 20, 10 * SECOND));
        assertEquals("writing: 12 customers", Progress.line("writing", CUSTOMERS, 12, 0, 0));
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("0.4 s", Progress.duration(0.4));
        assertEquals("42 s", Progress.duration(42.2));
        assertEquals("3 min 20 s", Progress.duration(200));
        assertEquals("1 h 05 min", Progress.duration(3_900));
    }

    @Test
    void aLogGetsAPlainLineEveryFewSecondsAndTheTotalAtTheEnd() {
        try (Progress p = progress(Mode.LINES, CUSTOMERS, 100)) {
            now.addAndGet(SECOND);
            p.set(10);
            assertEquals("", printed(), "a line before " + Progress.LINE_SECONDS + " s");
            now.addAndGet(Progress.LINE_SECONDS * SECOND);
            p.add(40);
            now.addAndGet(SECOND);
            p.set(100);
        }

        assertEquals("generating: 50 of 100 customers (50%), 8.33 customers/s, 6.0 s left\n"
                + "generating: 100 customers in 7.0 s (14 customers/s)\n", printed());
    }

    @Test
    void aTerminalGetsOneLineRewrittenInPlace() {
        try (Progress p = progress(Mode.TERMINAL, CUSTOMERS, 100)) {
            now.addAndGet(SECOND);
            p.set(50);
            now.addAndGet(SECOND);
            p.set(60);
        }

        assertEquals("\rgenerating: 50 of 100 customers (50%), 50 customers/s, 1.0 s left"
                + "\rgenerating: 60 of 100 customers (60%), 30 customers/s, 1.3 s left"
                + "\rgenerating: 60 customers in 2.0 s (30 customers/s)"
                + " ".repeat("generating: 60 of 100 customers (60%), 30 customers/s, 1.3 s left".length()
                        - "generating: 60 customers in 2.0 s (30 customers/s)".length())
                + "\n", printed());
    }

    @Test
    void aTotalLearntOnTheWayAndNotesAboveTheLine() {
        try (Progress p = progress(Mode.TERMINAL, Unit.of("k values"), 0)) {
            p.set(0, 4);
            now.addAndGet(10 * SECOND);
            p.set(1, 4);
            p.note("  k = 2: inertia 10.0");
            now.addAndGet(10 * SECOND);
            p.set(2);
        }

        String first = "generating: 1 of 4 k values (25%), 0.10 k values/s, 30 s left";
        String second = "generating: 2 of 4 k values (50%), 0.10 k values/s, 20 s left";
        assertEquals("\r" + first + "\r  k = 2: inertia 10.0" + " ".repeat(first.length() - "  k = 2: inertia 10.0".length()) + "\n\r" + first
                + "\r" + second + "\rgenerating: 2 k values in 20 s (0.10 k values/s)" + " ".repeat(second.length()
                        - "generating: 2 k values in 20 s (0.10 k values/s)".length()) + "\n", printed());
    }

    @Test
    void quietPrintsNothing() {
        try (Progress p = progress(Mode.QUIET, CUSTOMERS, 100)) {
            now.addAndGet(60 * SECOND);
            p.set(100);
        }

        assertEquals("", printed());
        assertEquals(Mode.QUIET, Mode.detect(true));
    }
}
