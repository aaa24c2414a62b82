package org.retentionsegments.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.retentionsegments.input.InputFormat;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.InputRecord;
import org.retentionsegments.input.RecordReader;

/**
 * Micro-benchmark of the input parse path on one thread: a canonical orders CSV, held in memory,
 * read through the pipeline's own {@link RecordReader} (as {@code flink.ReadInputFile} drives it),
 * next to a byte-level baseline that counts the newlines of the same bytes. Prints lines/s per
 * core, the median of the passes after the warm-up, by wall time and by the thread's CPU time (the
 * CPU figure is the steadier one on a shared machine). Usage:
 * {@code ParseBench ORDERS_CSV [PASSES] [WARMUP_PASSES]} (default 7 and 3).
 */
public final class ParseBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Consumed output, so that the JIT cannot drop the work. */
    private static long sink;

    private ParseBench() {}

    public static void main(String[] args) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(args[0]));
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long lines = newlines(bytes);
        System.out.printf(Locale.ROOT, "parse bench: %s, %,d lines, %,d MB, %d passes after %d warm-up, one thread%n",
                args[0], lines, bytes.length >> 20, passes, warmup);
        report("byte scan (count newlines)", lines, measure(passes, warmup, () -> newlines(bytes)));
        long[] records = new long[1];
        report("RecordReader (orders, CSV)", lines, measure(passes, warmup, () -> records[0] = read(bytes)));
        System.out.printf(Locale.ROOT, "  RecordReader returned %,d records (header line excluded); sink %d%n",
                records[0], sink);
    }

    /** The records of the file, every field touched, as the Flink reader copies them into rows. */
    static long read(byte[] bytes) throws IOException {
        RecordReader reader = new RecordReader(InputKind.ORDERS, InputFormat.CSV, StandardCharsets.UTF_8, "bench",
                new ByteArrayInputStream(bytes));
        long n = 0;
        InputRecord record;
        while ((record = reader.next()) != null) {
            n++;
            if (record.fields() != null) {
                for (String field : record.fields()) {
                    sink += field == null ? 0 : field.length();
                }
            } else {
                sink += record.error().length();
            }
        }
        return n;
    }

    static long newlines(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private interface Pass {
        long run() throws IOException;
    }

    /** Wall and CPU seconds of each measured pass: {@code [0]} wall, {@code [1]} CPU. */
    private static double[][] measure(int passes, int warmup, Pass pass) throws IOException {
        for (int i = 0; i < warmup; i++) {
            sink += pass.run();
        }
        double[][] seconds = new double[2][passes];
        for (int i = 0; i < passes; i++) {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += pass.run();
            seconds[0][i] = (System.nanoTime() - t0) / 1e9;
            seconds[1][i] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        }
        return seconds;
    }

    private static void report(String what, long lines, double[][] seconds) {
        double wall = median(seconds[0]);
        double cpu = median(seconds[1]);
        System.out.printf(Locale.ROOT, "  %-28s %,12.0f lines/s per core (wall, median %.3f s)  %,12.0f lines/s per"
                + " core (CPU, median %.3f s)%n", what, lines / wall, wall, lines / cpu, cpu);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
