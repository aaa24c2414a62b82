package org.retentionsegments.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.retentionsegments.core.CustomerPrediction;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.predict.BgNbd;
import org.retentionsegments.core.predict.FitSample;
import org.retentionsegments.core.predict.GammaGamma;
import org.retentionsegments.core.predict.ValuePrediction;
import org.retentionsegments.warehouse.KeptPredictions;
import org.retentionsegments.warehouse.PredictionStore;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code predict}: predicted value and risk by the BG/NBD and Gamma-Gamma models. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:predicted and written", ExitCodes.FAILED, ExitCodes.USAGE},
        description = {
            "Fits the BG/NBD model (Fader, Hardie and Lee 2005: P(alive) and the order days to expect) on every"
                    + " customer's order days before a refresh, and the Gamma-Gamma model (revenue per order day) on"
                    + " the repeat customers, by maximum likelihood; then predicts, for each customer, P(alive), the"
                    + " order days and the revenue expected in the horizon.",
            "Writes prediction_fit (the parameters, log-likelihoods and convergence) and customer_prediction"
                    + " (one row per customer), replacing those of the same refresh. A run writes them itself at each"
                    + " kept refresh (pipeline.yaml: predictions)."
        })
public final class PredictCommand implements Callable<Integer> {

    @Mixin WarehouseOption warehouse;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Predict at this day: order days before it (default: the latest refresh, customer_segment's as_of).")
    LocalDate asOf;

    @Option(names = "--unit-days", paramLabel = "N", defaultValue = "7",
            description = "The models' time unit in days (default: ${DEFAULT-VALUE}, weeks, as in the papers).")
    int unitDays;

    @Option(names = "--horizon-days", paramLabel = "N", defaultValue = "365",
            description = "Predict the order days and revenue of the N days after --as-of (default: ${DEFAULT-VALUE}).")
    int horizonDays;

    @Option(names = "--fit-limit", paramLabel = "N", defaultValue = "" + FitSample.DEFAULT_LIMIT,
            description = "Fit on at most N customers, those with the lowest SHA-256 hashes of their ids (every customer"
                    + " is predicted; default: ${DEFAULT-VALUE}, as a run's predictions).")
    int fitLimit;

    @Option(names = "--kept",
            description = "Predict, as a run does, every kept refresh that has no prediction yet (fit limit 50,000, weeks,"
                    + " a year's horizon): for the warehouse of a continuous job (./segments stream), which does not"
                    + " predict; schedule it daily, e.g. after midnight.")
    boolean kept;

    @Override
    public Integer call() {
        PrintStream progress = System.err;
        if (kept && asOf != null) {
            throw new IllegalArgumentException("--kept predicts every kept refresh without a prediction: leave out --as-of");
        }
        try (Warehouse w = Warehouse.openExisting(warehouse.url)) {
            LocalDate at = asOf != null ? asOf : PredictionStore.latestRefresh(w);
            if (at == null) {
                throw new IllegalArgumentException("the warehouse " + w.url() + " has no refresh: run `./segments run` first");
            }
            if (kept) {
                List<LocalDate> written = KeptPredictions.write(w, PipelineConfig.Predictions.KEPT, at, progress);
                System.out.printf("predicted %d kept %s%s%n", written.size(), written.size() == 1 ? "refresh" : "refreshes",
                        written.isEmpty() ? " (every kept refresh has a prediction already)"
                                : ", " + written.get(0) + " to " + written.get(written.size() - 1));
                return 0;
            }
            if (fitLimit < 1) {
                throw new IllegalArgumentException("--fit-limit " + fitLimit + " must be at least 1");
            }
            ValuePrediction.Result result = predict(w, at, unitDays, horizonDays, fitLimit, progress);
            System.out.print(summary(result));
        }
        return 0;
    }

    /** Fits and writes the predictions at {@code at}; progress and timings to {@code progress}. */
    static ValuePrediction.Result predict(Warehouse w, LocalDate at, int unitDays, int horizonDays, int fitLimit,
            PrintStream progress) {
        long t0 = System.nanoTime();
        List<ValuePrediction.OrderDays> days = PredictionStore.orderDays(w, at);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no customer ordered before " + at + " in " + w.url()
                    + ": pass a later --as-of");
        }
        progress.printf("read the order days of %,d customers before %s (%.1f s)%n", days.size(), at,
                (System.nanoTime() - t0) / 1e9);
        progress.printf("fitting BG/NBD and Gamma-Gamma by maximum likelihood on %s ...%n", days.size() <= fitLimit
                ? "every customer" : String.format("a hash sample of %,d customers", fitLimit));
        ValuePrediction.Result result = ValuePrediction.predict(days, at, unitDays, horizonDays, fitLimit);
        progress.printf("fitted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        long written = PredictionStore.save(w, result);
        progress.printf("%,d rows of customer_prediction and the fit in prediction_fit written in %.1f s%n", written,
                (System.nanoTime() - t0) / 1e9);
        return result;
    }

    static String summary(ValuePrediction.Result result) {
        ValuePrediction.Fits f = result.fits();
        BgNbd m = f.purchases().model();
        StringBuilder s = new StringBuilder();
        s.append(String.format("PREDICTED VALUE as of %s (time unit %d days, horizon %d days)%n", f.asOf(), f.unitDays(),
                f.horizonDays()));
        s.append(String.format("  BG/NBD on %,d customers%s: r %.4f, alpha %.4f, a %.4f, b %.4f; log-likelihood %.2f%s%n",
                f.purchases().customers(), f.sampled() ? " (a hash sample)" : "", m.r(), m.alpha(), m.a(), m.b(),
                f.purchases().logLikelihood(),
                f.purchases().converged() ? "" : " (did not settle: treat with care)"));
        if (f.spend() == null) {
            s.append("  Gamma-Gamma: no repeat customer with positive repeat revenue; no spend or value predicted\n");
        } else {
            GammaGamma g = f.spend().model();
            s.append(String.format("  Gamma-Gamma on %,d repeat customers: p %.4f, q %.4f, gamma %.4f; log-likelihood %.2f%s%n",
                    f.spend().customers(), g.p(), g.q(), g.gamma(), f.spend().logLikelihood(),
                    f.spend().converged() ? "" : " (did not settle: treat with care)"));
        }
        double alive = 0;
        double orders = 0;
        double value = 0;
        long likelyLost = 0;
        for (CustomerPrediction c : result.customers()) {
            alive += c.pAlive();
            orders += c.expectedOrders();
            value += c.predictedValue() == null ? 0 : c.predictedValue();
            likelyLost += c.pAlive() < 0.5 ? 1 : 0;
        }
        int n = result.customers().size();
        s.append(String.format("  %,d customers: mean P(alive) %.2f, %,d likely lost (P(alive) < 0.5); %,.0f order days"
                + " expected in the horizon%s%n", n, alive / n, likelyLost, orders,
                f.spend() == null ? "" : String.format(", worth %,.2f", value)));
        return s.toString();
    }
}
