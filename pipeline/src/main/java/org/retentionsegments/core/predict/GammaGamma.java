package org.retentionsegments.core.predict;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.Collection;

/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4), 2005, and
 * Fader and Hardie, "The Gamma-Gamma Model of Monetary Value", 2013): a customer's purchase values
 * are Gamma(p, ν) around their own mean, with ν ~ Gamma(q, γ) across customers, independent of how
 * often they buy. Fitted on repeat customers' (x, m<sub>x</sub>).
 */
public record GammaGamma(double p, double q, double gamma) {

    public GammaGamma {
        if (!(p > 0 && q > 0 && gamma > 0)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be positive: p=" + p + ", q=" + q
                    + ", gamma=" + gamma);
        }
    }

    /** The log-likelihood of one repeat customer's mean spend (the 2013 note's equation 4, on the log scale). */
    public double logLikelihood(SpendHistory s) {
        double x = s.repeats();
        double px = p * x;
        return logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(s.meanValue())
                + px * Math.log(x) - (px + q) * Math.log(gamma + x * s.meanValue());
    }

    public double logLikelihood(Collection<SpendHistory> spends) {
        return new Spends(spends).logLikelihood(this);
    }

    /**
     * Repeat customers' spends laid out for a fit's many evaluations: the log-gamma terms computed
     * once per distinct repeat count, the logs of each mean and count once. Each customer's term is
     * the same expression, in the same order, as {@link #logLikelihood(SpendHistory)}, so the sum
     * is the same to the last bit.
     */
    static final class Spends {
        private final int[] repeats;
        private final int[] repeatIndex;
        private final double[] means;
        private final double[] logMeans;
        private final double[] logRepeats;
        private final int[] distinctRepeats;

        Spends(Collection<SpendHistory> spends) {
            int n = spends.size();
            repeats = new int[n];
            repeatIndex = new int[n];
            means = new double[n];
            logMeans = new double[n];
            logRepeats = new double[n];
            java.util.Map<Integer, Integer> xs = new java.util.HashMap<>();
            int i = 0;
            for (SpendHistory s : spends) {
                repeats[i] = s.repeats();
                repeatIndex[i] = xs.computeIfAbsent(s.repeats(), k -> xs.size());
                means[i] = s.meanValue();
                logMeans[i] = Math.log(s.meanValue());
                logRepeats[i] = Math.log((double) s.repeats());
                i++;
            }
            distinctRepeats = new int[xs.size()];
            xs.forEach((x, k) -> distinctRepeats[k] = x);
        }

        double logLikelihood(GammaGamma m) {
            double p = m.p();
            double q = m.q();
            double gamma = m.gamma();
            double[] start = new double[distinctRepeats.length];
            for (int k = 0; k < start.length; k++) {
                double px = p * (double) distinctRepeats[k];
                start[k] = logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(gamma);
            }
            double sum = 0;
            for (int i = 0; i < repeats.length; i++) {
                double x = repeats[i];
                double px = p * x;
                sum += start[repeatIndex[i]] + (px - 1) * logMeans[i] + px * logRepeats[i]
                        - (px + q) * Math.log(gamma + x * means[i]);
            }
            return sum;
        }
    }

    /** The mean spend per purchase of the population, pγ / (q − 1); infinite when q ≤ 1. */
    public double populationMean() {
        return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * E[M | x, m_x]: a customer's expected spend per purchase, a weighted mean of the population's
     * and their own (the 2013 note's equation 5); the population mean for a customer with no repeat.
     */
    public double expectedSpend(int repeats, double meanValue) {
        if (repeats == 0) {
            return populationMean();
        }
        return p * (gamma + repeats * meanValue) / (p * repeats + q - 1);
    }
}
