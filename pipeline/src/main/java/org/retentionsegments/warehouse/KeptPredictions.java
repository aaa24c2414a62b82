package org.retentionsegments.warehouse;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
            progress.println("      predicted value and risk: every " + (mode == PipelineConfig.Predictions.KEPT
                    ? "kept refresh" : "latest refresh") + " has one already");
            return due;
        }
        long t0 = System.nanoTime();
        OrderDayLog log = PredictionStore.orderDayLog(warehouse, due.get(due.size() - 1));
        progress.printf("      predicting value and risk (BG/NBD, Gamma-Gamma) at %d %s; order days read in %.1f s%n",
                due.size(), due.size() == 1 ? "refresh" : "refreshes", (System.nanoTime() - t0) / 1e9);
        List<LocalDate> written = new ArrayList<>();
        for (LocalDate at : due) {
            long t1 = System.nanoTime();
            List<ValuePrediction.OrderDays> days = log.before(at);
            if (days.isEmpty()) {
                continue; // nobody had ordered yet: nothing to predict from
            }
            ValuePrediction.Result result = ValuePrediction.predict(days, at, UNIT_DAYS, HORIZON_DAYS,
                    FitSample.DEFAULT_LIMIT);
            PredictionStore.save(warehouse, result);
            written.add(at);
            progress.printf("      predicted %s: %,d customers (fitted on %s) in %.1f s%n", at, days.size(),
                    result.fits().sampled() ? String.format("a hash sample of %,d", result.fits().purchases().customers())
                            : "all", (System.nanoTime() - t1) / 1e9);
        }
        progress.printf("      predictions done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return written;
    }
}
