package org.retentionsegments.core.predict;

import java.util.List;

/**
 * A Gamma-Gamma spend model fitted by maximum likelihood (see {@link Maximizer}) on repeat
 * customers' (x, m<sub>x</sub>).
 *
 * @param model the fitted parameters
 * @param logLikelihood the log-likelihood at them, summed over the customers
 * @param customers the repeat customers fitted on
 * @param evaluations the likelihood evaluations the fit took
 * @param converged whether a restart stopped improving within the evaluation budget
 */
public record GammaGammaFit(GammaGamma model, double logLikelihood, long customers, int evaluations, boolean converged) {

    public static GammaGammaFit fit(List<SpendHistory> spends) {
        if (spends.isEmpty()) {
            throw new IllegalArgumentException("a Gamma-Gamma model needs at least one repeat customer");
        }
        double mean = spends.stream().mapToDouble(SpendHistory::meanValue).average().orElseThrow();
        double[] start = {1, 2, mean};
        GammaGamma.Spends laidOut = new GammaGamma.Spends(spends);
        Maximizer.Optimum o = Maximizer.maximize(p -> laidOut.logLikelihood(new GammaGamma(p[0], p[1], p[2])), start);
        double[] p = o.parameters();
        return new GammaGammaFit(new GammaGamma(p[0], p[1], p[2]), o.logLikelihood(), spends.size(), o.evaluations(),
                o.converged());
    }
}
