package org.retentionsegments.core.predict;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The BG/NBD model of Fader, Hardie and Lee, "Counting Your Customers the Easy Way: An Alternative
 * to the Pareto/NBD Model", Marketing Science 24(2), 2005: while alive, a customer buys at a
 * Poisson rate λ ~ Gamma(r, α); after each purchase the customer drops out with probability
 * p ~ Beta(a, b). The formulas (likelihood, P(alive), conditional expected purchases) are those of
 * the paper's equations (6), (10) and the appendix's note "Implementing the BG/NBD Model" by the
 * same authors.
 */
public record BgNbd(double r, double alpha, double a, double b) {

    public BgNbd {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive: r=" + r + ", alpha=" + alpha
                    + ", a=" + a + ", b=" + b);
        }
    }

    /** The log-likelihood of one customer's history (the paper's equation 6, on the log scale). */
    public double logLikelihood(PurchaseHistory h) {
        int x = h.repeats();
        double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
        double a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + h.age());
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + h.recency());
        // log(exp(a3) + exp(a4)) without overflow
        double max = Math.max(a3, a4);
        return a1 + a2 + max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
    }

    /** The log-likelihood of many histories, each counted as often as it occurs. */
    public double logLikelihood(Map<PurchaseHistory, Integer> histories) {
        return new CountedHistories(histories).logLikelihood(this);
    }

    /** P(alive | x, t_x, T): the probability that the customer has not dropped out by the end of the observation. */
    public double probabilityAlive(PurchaseHistory h) {
        if (h.repeats() == 0) {
            return 1.0;
        }
        int x = h.repeats();
        double odds = a / (b + x - 1) * Math.pow((alpha + h.age()) / (alpha + h.recency()), r + x);
        return 1.0 / (1.0 + odds);
    }

    /** E[X(t)]: the purchases a new customer is expected to make in their first {@code t} (equation 9). */
    public double expectedPurchases(double t) {
        double z = t / (alpha + t);
        return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * Hypergeometric.f21(r, b, a + b - 1, z));
    }

    /**
     * E[Y(t) | x, t_x, T]: the purchases the customer is expected to make in the {@code t} after the
     * end of the observation (equation 10).
     */
    public double expectedPurchases(PurchaseHistory h, double t) {
        int x = h.repeats();
        double big = alpha + h.age();
        double z = t / (big + t);
        double hyper = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1) * (1 - Math.pow(big / (big + t), r + x) * hyper);
        double denominator = x == 0 ? 1 : 1 + a / (b + x - 1) * Math.pow(big / (alpha + h.recency()), r + x);
        return numerator / denominator;
    }

    /** Counts equal histories, so that a fit on many customers evaluates each distinct one once. */
    public static Map<PurchaseHistory, Integer> counted(Collection<PurchaseHistory> histories) {
        Map<PurchaseHistory, Integer> counts = new LinkedHashMap<>();
        for (PurchaseHistory h : histories) {
            counts.merge(h, 1, Integer::sum);
        }
        return counts;
    }
}
