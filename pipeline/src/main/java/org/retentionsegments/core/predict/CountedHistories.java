package org.retentionsegments.core.predict;

import java.util.HashMap;
import java.util.Map;

/**
 * Distinct purchase histories with their counts, laid out so that the BG/NBD log-likelihood of
 * many customers is cheap to evaluate again and again (a fit evaluates it hundreds of times): the
 * terms that depend on the repeats alone (the log-gamma functions) are computed once per distinct
 * repeat count, and the logarithms of alpha + T and alpha + t_x once per distinct age and recency.
 * Every term is the expression of {@link BgNbd#logLikelihood(PurchaseHistory)} (the log of a sum
 * of two exponentials taken with one exponential instead of two), summed over the histories in
 * the map's order: the result equals the sum of count x the per-history log-likelihood up to
 * rounding (FitShortcutsTest: within 1e-10 of it).
 */
final class CountedHistories {

    private final int[] repeats;
    private final int[] repeatIndex;
    private final int[] ageIndex;
    private final int[] recencyIndex;
    private final double[] counts;
    private final int[] distinctRepeats;
    private final double[] distinctAges;
    private final double[] distinctRecencies;

    CountedHistories(Map<PurchaseHistory, Integer> histories) {
        int n = histories.size();
        repeats = new int[n];
        repeatIndex = new int[n];
        ageIndex = new int[n];
        recencyIndex = new int[n];
        counts = new double[n];
        Map<Integer, Integer> xs = new HashMap<>();
        Map<Double, Integer> ages = new HashMap<>();
        Map<Double, Integer> recencies = new HashMap<>();
        int i = 0;
        for (Map.Entry<PurchaseHistory, Integer> e : histories.entrySet()) {
            PurchaseHistory h = e.getKey();
            repeats[i] = h.repeats();
            repeatIndex[i] = xs.computeIfAbsent(h.repeats(), k -> xs.size());
            ageIndex[i] = ages.computeIfAbsent(h.age(), k -> ages.size());
            recencyIndex[i] = recencies.computeIfAbsent(h.recency(), k -> recencies.size());
            counts[i] = e.getValue();
            i++;
        }
        distinctRepeats = new int[xs.size()];
        xs.forEach((x, k) -> distinctRepeats[k] = x);
        distinctAges = new double[ages.size()];
        ages.forEach((t, k) -> distinctAges[k] = t);
        distinctRecencies = new double[recencies.size()];
        recencies.forEach((t, k) -> distinctRecencies[k] = t);
    }

    /** Distinct histories. */
    int size() {
        return counts.length;
    }

    double logLikelihood(BgNbd m) {
        double r = m.r();
        double alpha = m.alpha();
        double a = m.a();
        double b = m.b();
        double logA = Math.log(a);
        double[] a12 = new double[distinctRepeats.length];
        double[] a4Start = new double[distinctRepeats.length];
        for (int k = 0; k < distinctRepeats.length; k++) {
            int x = distinctRepeats[k];
            double a1 = org.apache.commons.math3.special.Gamma.logGamma(r + x)
                    - org.apache.commons.math3.special.Gamma.logGamma(r) + r * Math.log(alpha);
            double a2 = org.apache.commons.math3.special.Gamma.logGamma(a + b)
                    + org.apache.commons.math3.special.Gamma.logGamma(b + x)
                    - org.apache.commons.math3.special.Gamma.logGamma(b)
                    - org.apache.commons.math3.special.Gamma.logGamma(a + b + x);
            a12[k] = a1 + a2;
            a4Start[k] = x == 0 ? 0 : logA - Math.log(b + x - 1);
        }
        double[] logAge = new double[distinctAges.length];
        for (int k = 0; k < logAge.length; k++) {
            logAge[k] = Math.log(alpha + distinctAges[k]);
        }
        double[] logRecency = new double[distinctRecencies.length];
        for (int k = 0; k < logRecency.length; k++) {
            logRecency[k] = Math.log(alpha + distinctRecencies[k]);
        }
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            int x = repeats[i];
            int k = repeatIndex[i];
            double a3 = -(r + x) * logAge[ageIndex[i]];
            double ll;
            if (x == 0) {
                ll = a12[k] + a3;
            } else {
                double a4 = a4Start[k] - (r + x) * logRecency[recencyIndex[i]];
                // log(exp(a3) + exp(a4)) = max + log(1 + exp(min - max)): one exp instead of two
                double max = Math.max(a3, a4);
                ll = a12[k] + max + Math.log(1 + Math.exp(Math.min(a3, a4) - max));
            }
            sum += counts[i] * ll;
        }
        return sum;
    }
}
