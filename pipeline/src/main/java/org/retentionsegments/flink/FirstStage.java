package org.retentionsegments.flink;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.Configuration;
import org.retentionsegments.input.prepare.Preparation;
import org.retentionsegments.input.prepare.Rules;

/**
 * The first stage of a bounded run: the inputs read, validated and rolled up into the staging
 * folder. In Java ({@link Preparation}) it needs nothing of the warehouse, so it starts at once on
 * a thread of its own while the run opens and migrates the warehouse on the main thread (the two
 * took turns before: on the Online Retail file, 2.5 s of reading after about 3 s of opening);
 * the run {@linkplain #await waits} for it once the warehouse is ready. The Flink SQL stage (a
 * user's adapter SQL, or inputs too large for the heap) starts its own cluster and runs on the
 * main thread in {@link #await}, as before.
 */
final class FirstStage {

    private final RunInputs.Plan plan;
    private final Configuration flink;
    private final long started = System.nanoTime();
    /** The stage in Java, null for the Flink SQL stage; its result is when it ended ({@link System#nanoTime}). */
    private final SideTask<Long> inJava;

    private FirstStage(RunInputs.Plan plan, Configuration flink, SideTask<Long> inJava) {
        this.plan = plan;
        this.flink = flink;
        this.inJava = inJava;
    }

    /**
     * Starts the stage: in Java on its own thread when the inputs are shipped layouts that fit the
     * heap (its header line and progress meter printed now), otherwise nothing until {@link #await}.
     */
    static FirstStage start(RunInputs inputs, RunInputs.Plan plan, RunInputs.Validation validation, Path staging,
            Configuration flink, PrintStream progress, RunProgress meters) throws java.io.IOException {
        var files = plan.preparationFiles();
        long inputBytes = Preparation.bytes(files);
        long heap = Runtime.getRuntime().maxMemory();
        boolean fits = Preparation.fits(inputBytes, heap);
        boolean inJava = Preparation.handles(inputs.adapters());
        if (inJava && !fits) {
            progress.printf("      the inputs (%,d MB) are large for this JVM's heap (%,d MB): the first stage runs"
                    + " in Flink SQL, which spills to disk; SEGMENTS_JAVA_OPTS=-Xmx%dg gives the faster stage room%n",
                    inputBytes >> 20, heap >> 20, Preparation.heapNeeded(inputBytes) >> 30);
        }
        if (!(inJava && fits)) {
            return new FirstStage(plan, flink, null);
        }
        progress.println("[1/2] reading, validating and rolling up the inputs ...");
        Rules rules = new Rules(validation.zone(), validation.futureCutoff(), validation.earliest(),
                RunInputs.AMOUNT_LIMIT);
        AtomicLong read = new AtomicLong();
        RunProgress.Stage meter = meters.stage("      read", RunProgress.BYTES, inputBytes, read::get);
        return new FirstStage(plan, flink, SideTask.start("first stage", () -> {
            try (meter) {
                Preparation.run(files, plan.charset(), inputs.adapters(), rules, staging, read);
            }
            return System.nanoTime();
        }));
    }

    /** Waits for the stage in Java, or runs the Flink SQL stage now; rethrows what failed in it. */
    void await(PrintStream progress) throws Exception {
        if (inJava == null) {
            progress.println("[1/2] reading, validating and rolling up the inputs (Flink SQL, batch) ...");
            long t0 = System.nanoTime();
            BatchStage.run(plan, flink);
            progress.printf("      done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return;
        }
        // what failed (an unreadable file, say, or the heap run out) comes as from the main thread
        long ended = inJava.join();
        // the stage's own time, not the wait for the warehouse
        progress.printf("      done in %.1f s%n", (ended - started) / 1e9);
    }

    /** Stops the stage in Java if it still runs (the run failed before it waited) and waits for its thread to end. */
    void stop() throws InterruptedException {
        if (inJava != null) {
            // the staging folder is removed regardless; a late write there fails on the daemon thread
            inJava.stop();
        }
    }
}
