package org.retentionsegments.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress line of a long command: how much is done of the total, the rate and the time left,
 * both from the time elapsed since the start ({@link #estimate}). On a terminal
 * ({@code System.console() != null}) it is one line on stderr rewritten with {@code \r} a few
 * times a second; elsewhere (CI, a file, a pipe) a plain line every {@link #LINE_SECONDS} s, so
 * logs stay readable; {@link Mode#QUIET} prints nothing (for {@code --json}). {@link #close}
 * prints the last line: the total and the time it took.
 *
 * <p>Usage, for a command of this package ({@code audiences export} included):
 * <pre>{@code
 * try (Progress p = Progress.start("exporting", Progress.Unit.of("rows"), total, Progress.Mode.detect(json),
 *         System.err)) {
 *     for (...) { ...; p.add(1); }        // or p.set(done), or p.follow(counter::get) to poll
 * }
 * }</pre>
 * Thread-safe: any thread may report; {@link #follow} polls a counter on a daemon thread.
 */
public final class Progress implements AutoCloseable {

    /** Seconds between two plain lines when the output is not a terminal. */
    public static final int LINE_SECONDS = 5;
    private static final long TERMINAL_NANOS = 200_000_000L;

    /** Where the line goes: rewritten on a terminal, plain lines in a log, or nowhere. */
    public enum Mode {
        TERMINAL, LINES, QUIET;

        /** QUIET when {@code quiet} (e.g. under --json), else TERMINAL on a console, else LINES. */
        public static Mode detect(boolean quiet) {
            return quiet ? QUIET : System.console() != null ? TERMINAL : LINES;
        }
    }

    /** What is counted: a plural noun ("customers"), or bytes, shown in MB. */
    public record Unit(String noun, boolean bytes) {
        public static final Unit BYTES = new Unit("MB", true);

        public static Unit of(String noun) {
            return new Unit(noun, false);
        }

        String amount(double n) {
            return bytes ? String.format(Locale.ROOT, "%,.1f MB", n / (1 << 20))
                    : String.format(Locale.ROOT, "%,d %s", Math.round(n), noun);
        }

        String rate(double perSecond) {
            return bytes ? String.format(Locale.ROOT, "%,.1f MB/s", perSecond / (1 << 20))
                    : String.format(Locale.ROOT, perSecond < 10 ? "%.2f %s/s" : "%,.0f %s/s", perSecond, noun);
        }
    }

    /** The rate per second and the seconds left (NaN when nothing is done yet or the total is unknown). */
    public record Estimate(double perSecond, double secondsLeft) {}

    private final String label;
    private final Unit unit;
    private long total;
    private final Mode mode;
    private final PrintWriter out;
    private final LongSupplier clock;
    private final long started;
    private long done;
    private long lastPrinted;
    private int lastWidth;
    private boolean closed;
    private ScheduledExecutorService poller;

    Progress(String label, Unit unit, long total, Mode mode, PrintWriter out, LongSupplier clock) {
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.mode = mode;
        this.out = out;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastPrinted = started;
    }

    /** Starts counting {@code total} (0 or less: unknown) of {@code unit}, printing to {@code out}. */
    public static Progress start(String label, Unit unit, long total, Mode mode, PrintWriter out) {
        return new Progress(label, unit, total, mode, out, System::nanoTime);
    }

    /** {@link #start(String, Unit, long, Mode, PrintWriter)} on a stream, e.g. System.err. */
    public static Progress start(String label, Unit unit, long total, Mode mode, PrintStream out) {
        return start(label, unit, total, mode, new PrintWriter(out, true));
    }

    /** Reports {@code n} more done. */
    public synchronized void add(long n) {
        set(done + n);
    }

    /** Reports {@code done} in all, printing a line when it is time to. */
    public synchronized void set(long done) {
        this.done = done;
        long now = clock.getAsLong();
        long every = mode == Mode.TERMINAL ? TERMINAL_NANOS : LINE_SECONDS * 1_000_000_000L;
        if (mode != Mode.QUIET && !closed && now - lastPrinted >= every) {
            print(line(label, unit, done, total, now - started));
            lastPrinted = now;
        }
    }

    /**
     * Prints a line of its own (a finding, a step's result) without breaking the progress line:
     * on a terminal above it, which is then drawn again.
     */
    public synchronized void note(String line) {
        if (mode == Mode.QUIET) {
            return;
        }
        if (mode == Mode.TERMINAL && lastWidth > 0) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())) + "\n");
            lastWidth = 0;
            print(line(label, unit, done, total, clock.getAsLong() - started));
        } else {
            out.println(line);
            out.flush();
        }
    }

    /** Reports {@code done} of a total learnt on the way (e.g. once the work is planned). */
    public synchronized void set(long done, long total) {
        this.total = total;
        set(done);
    }

    /** Reads {@code counter} (the count done so far) every 200 ms on a daemon thread until closed. */
    public Progress follow(LongSupplier counter) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleAtFixedRate(() -> set(counter.getAsLong()), 200, 200, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops polling and prints the last line: what was done, in how long, at what rate. */
    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (mode != Mode.QUIET) {
                print(summary(label, unit, done, clock.getAsLong() - started));
                if (mode == Mode.TERMINAL) {
                    out.println();
                }
                out.flush();
            }
        }
    }

    private void print(String line) {
        if (mode == Mode.TERMINAL) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The rate and time left of {@code done} of {@code total} after {@code elapsedNanos}. */
    public static Estimate estimate(long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        if (done <= 0 || seconds <= 0) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        double rate = done / seconds;
        return new Estimate(rate, total > 0 ? Math.max(0, total - done) / rate : Double.NaN);
    }

    /** "generating: 4,200 of 10,000 customers (42%), 1,830 customers/s, 3 s left". */
    static String line(String label, Unit unit, long done, long total, long elapsedNanos) {
        Estimate e = estimate(done, total, elapsedNanos);
        StringBuilder s = new StringBuilder(label).append(": ");
        if (total > 0) {
            String of = unit.amount(total);
            s.append(unit.bytes ? unit.amount(done).replace(" MB", "") : String.format(Locale.ROOT, "%,d", done))
                    .append(" of ").append(of)
                    .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
        } else {
            s.append(unit.amount(done));
        }
        if (!Double.isNaN(e.perSecond())) {
            s.append(", ").append(unit.rate(e.perSecond()));
        }
        if (!Double.isNaN(e.secondsLeft())) {
            s.append(", ").append(duration(e.secondsLeft())).append(" left");
        }
        return s.toString();
    }

    /** "generating: 10,000 customers in 5.5 s (1,830 customers/s)". */
    static String summary(String label, Unit unit, long done, long elapsedNanos) {
        Estimate e = estimate(done, 0, elapsedNanos);
        return label + ": " + unit.amount(done) + " in " + duration(elapsedNanos / 1e9)
                + (Double.isNaN(e.perSecond()) ? "" : " (" + unit.rate(e.perSecond()) + ")");
    }

    /** "0.4 s", "42 s", "3 min 20 s", "1 h 05 min". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
