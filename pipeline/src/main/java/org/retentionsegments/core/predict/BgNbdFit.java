package org.retentionsegments.core.predict;

import java.util.Collection;
import java.util.Map;

/**
 * A BG/NBD model fitted by maximum likelihood (see {@link Maximizer}) on customers' purchase
 * histories, each distinct history evaluated once and weighted by how many customers share it.
 *
 * @param model the fitted parameters
 * @param logLikelihood the log-likelihood at them, summed over the customers
 * @param customers the customers fitted on
 * @param evaluations the likelihood evaluations the fit took
 * @param converged whether a restart stopped improving within the evaluation budget
 */
public record BgNbdFit(BgNbd model, double logLikelihood, long customers, int evaluations, boolean converged) {

    public static BgNbdFit fit(Collection<PurchaseHistory> histories) {
        return fit(BgNbd.counted(histories));
    }

    public static BgNbdFit fit(Map<PurchaseHistory, Integer> histories) {
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("a BG/NBD model needs at least one customer");
        }
        long customers = 0;
        double ageSum = 0;
        for (Map.Entry<PurchaseHistory, Integer> e : histories.entrySet()) {
            customers += e.getValue();
            ageSum += e.getKey().age() * e.getValue();
        }
        double[] start = {1, Math.max(ageSum / customers, 1e-3), 1, 1};
        CountedHistories counted = new CountedHistories(histories);
        Maximizer.Optimum o = Maximizer.maximize(p -> counted.logLikelihood(new BgNbd(p[0], p[1], p[2], p[3])), start);
        double[] p = o.parameters();
        return new BgNbdFit(new BgNbd(p[0], p[1], p[2], p[3]), o.logLikelihood(), customers, o.evaluations(), o.converged());
    }
}
