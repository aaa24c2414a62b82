package org.retentionsegments.warehouse;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.predict.FitSample;
import org.retentionsegments.core.predict.OrderDayLog;
import org.retentionsegments.core.predict.ValuePrediction;

/**
 * Predicted value and risk written at the end of a bounded run, after its segments are committed:
 * at every kept refresh without a prediction yet ({@code predictions: kept}, the default), at the
 * run's last refresh ({@code latest}), or nowhere ({@code off}). The warehouse's order days are
 * read once for all those refreshes; the models are fitted on at most {@link
 * FitSample#DEFAULT_LIMIT} customers (a hash sample) and predict every customer. A refresh's
 * prediction is complete once its prediction_fit row is written (see {@link PredictionStore#save}),
 * so a run killed half-way and started again writes the same rows as one clean run.
 */
public final class KeptPredictions {

    /** The models' time unit, weeks, as in the papers and {@code ./segments predict}. */
    public static final int UNIT_DAYS = 7;

    /** The horizon of the expected orders and value, a year. */
    public static final int HORIZON_DAYS = 365;

    private KeptPredictions() {}

    /** The refreshes that {@code mode} asks to predict and that have no prediction yet, in day order. */
    public static List<LocalDate> due(Warehouse warehouse, PipelineConfig.Predictions mode, LocalDate lastRefresh) {
        List<LocalDate> wanted = switch (mode) {
            case OFF -> List.of();
            case LATEST -> List.of(lastRefresh);
            case KEPT -> PredictionStore.keptRefreshes(warehouse, lastRefresh);
        };
        if (wanted.isEmpty()) {
            return wanted;
        }
        Set<LocalDate> done = PredictionStore.predicted(warehouse);
        List<LocalDate> due = new ArrayList<>();
        for (LocalDate at : wanted) {
            if (!done.contains(at)) {
                due.add(at);
            }
        }
        return due;
    }

    /** Predicts and writes the due refreshes; returns those written. Progress lines go to {@code progress}. */
    public static List<LocalDate> write(Warehouse warehouse, PipelineConfig.Predictions mode, LocalDate lastRefresh,
            PrintStream progress) {
        if (mode == PipelineConfig.Predictions.OFF) {
            progress.println("      predictions: off in pipeline.yaml; ./segments predict writes one on demand");
            return List.of();
        }
        List<LocalDate> due = due(warehouse, mode, lastRefresh);
        if (due.isEmpty()) {
            progress.println("      predicted value and risk: " + (mode == PipelineConfig.Predictions.KEPT
                    ? "every kept refresh" : "the latest refresh") + " has a prediction already");
            return due;
        }
        long t0 = System.nanoTime();
        OrderDayLog log = PredictionStore.orderDayLog(warehouse, due.get(due.size() - 1));
        progress.printf("      predicting value and risk (BG/NBD, Gamma-Gamma) at %d %s; order days read in %.1f s%n",
                due.size(), due.size() == 1 ? "refresh" : "refreshes", (System.nanoTime() - t0) / 1e9);
        // the fits of several refreshes run side by side (the run's other work is done; the
        // cores are free), each on its own, so the results are those of one after the other;
        // the writes follow in day order, at most THREADS + 1 results held at a time
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), due.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "predictions");
            t.setDaemon(true);
            return t;
        });
        List<LocalDate> written = new ArrayList<>();
        int beforeFirstOrder = 0;
        try {
            Deque<Future<Fitted>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < due.size() || !pending.isEmpty()) {
                while (next < due.size() && pending.size() <= threads) {
                    LocalDate at = due.get(next++);
                    pending.add(pool.submit(() -> fit(log, at)));
                }
                Fitted f = take(pending.poll());
                if (f.result() == null && f.why() == null) {
                    beforeFirstOrder++;
                    continue;
                }
                if (f.result() == null) {
                    progress.printf("      no prediction at %s: %s%n", f.at(), f.why());
                    continue;
                }
                long t1 = System.nanoTime();
                PredictionStore.save(warehouse, f.result());
                written.add(f.at());
                ValuePrediction.Fits fits = f.result().fits();
                progress.printf("      predicted %s: %,d customers (fitted on %s) in %.1f s + written in %.1f s%n",
                        f.at(), f.result().customers().size(), fits.sampled()
                                ? String.format("a hash sample of %,d", fits.purchases().customers()) : "all",
                        f.seconds(), (System.nanoTime() - t1) / 1e9);
            }
        } finally {
            pool.shutdownNow();
        }
        if (beforeFirstOrder > 0) {
            progress.printf("      no prediction at %d kept %s before the first order%n", beforeFirstOrder,
                    beforeFirstOrder == 1 ? "refresh" : "refreshes");
        }
        progress.printf("      predictions done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return written;
    }

    /** A refresh's fits and predictions, or why there are none (null why: nobody had ordered yet). */
    private record Fitted(LocalDate at, ValuePrediction.Result result, String why, double seconds) {}

    private static Fitted fit(OrderDayLog log, LocalDate at) {
        long t0 = System.nanoTime();
        List<ValuePrediction.OrderDays> days = log.before(at);
        if (days.isEmpty()) {
            return new Fitted(at, null, null, 0); // nobody had ordered yet
        }
        if (days.stream().allMatch(d -> d.days() == 1)) {
            // BG/NBD learns how often customers buy and when they stop from repeat orders
            return new Fitted(at, null, days.size() == 1 ? "its one customer had no repeat order yet"
                    : String.format("none of its %,d customers had a repeat order yet", days.size()), 0);
        }
        try {
            return new Fitted(at, ValuePrediction.predict(days, at, UNIT_DAYS, HORIZON_DAYS, FitSample.DEFAULT_LIMIT),
                    null, (System.nanoTime() - t0) / 1e9);
        } catch (ArithmeticException | IllegalArgumentException e) {
            // a refresh with days of history only: the fit runs off to a corner where the
            // expectations cannot be computed; later refreshes have the data. The run's
            // segments stand either way.
            return new Fitted(at, null, String.format("the %,d customers' order days do not support the models (%s)",
                    days.size(), e.getMessage()), 0);
        }
    }

    private static Fitted take(Future<Fitted> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while predicting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
