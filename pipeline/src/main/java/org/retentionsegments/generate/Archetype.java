package org.retentionsegments.generate;

import java.util.SplittableRandom;

/**
 * Kinds of customer the generator mixes. Each buyer makes a first purchase soon after signing up,
 * then buys as a Poisson process (rate {@code 1 / meanIntervalDays}, times a per-customer Gamma(2)
 * factor, times seasonality) until an exponentially distributed drop-out time.
 */
public enum Archetype {
    //            weight  interval lifetime spend  sigma  return discount extraLine engagement/day
    PROSPECT(       0.12, 0,          45,    1.0,  0.5,   0.00,  0.00,    0.00,  0.05),
    ONE_TIME(       0.32, 0,          30,    1.0,  0.6,   0.08,  0.25,    0.30,  0.03),
    OCCASIONAL(     0.20, 150,       500,    1.0,  0.6,   0.08,  0.15,    0.35,  0.04),
    REGULAR(        0.13, 50,        700,    1.0,  0.6,   0.08,  0.15,    0.45,  0.07),
    LOYAL_FREQUENT( 0.06, 20,       1800,    1.1,  0.6,   0.06,  0.10,    0.50,  0.15),
    BARGAIN_HUNTER( 0.08, 60,        500,    0.6,  0.5,   0.05,  0.75,    0.45,  0.08),
    BIG_SPENDER(    0.03, 75,       1000,    4.0,  0.9,   0.12,  0.05,    0.60,  0.07),
    CHURNER(        0.06, 25,         75,    1.0,  0.6,   0.15,  0.20,    0.40,  0.10);

    private static final Archetype[] ALL = values();
    private static final Weights MIX;

    static {
        double[] weights = new double[ALL.length];
        for (Archetype a : ALL) {
            weights[a.ordinal()] = a.weight;
        }
        MIX = new Weights(weights);
    }

    /** Share of customers. */
    final double weight;
    /** Mean days between repeat purchases; 0 = no repeat purchases. */
    final double meanIntervalDays;
    /** Mean days from first purchase (signup for prospects) to drop-out. */
    final double lifetimeMeanDays;
    /** Multiplier on category price levels. */
    final double spendFactor;
    /** Log-scale spread of line amounts. */
    final double spendSigma;
    /** Base probability that a line is returned (times the category's factor). */
    final double returnRate;
    /** Probability that an order carries a discount. */
    final double discountPropensity;
    /** Probability of each further line (up to 4). */
    final double extraLineProbability;
    /** Background engagement events per day while active. */
    final double engagementPerDay;

    Archetype(double weight, double meanIntervalDays, double lifetimeMeanDays, double spendFactor,
            double spendSigma, double returnRate, double discountPropensity, double extraLineProbability,
            double engagementPerDay) {
        this.weight = weight;
        this.meanIntervalDays = meanIntervalDays;
        this.lifetimeMeanDays = lifetimeMeanDays;
        this.spendFactor = spendFactor;
        this.spendSigma = spendSigma;
        this.returnRate = returnRate;
        this.discountPropensity = discountPropensity;
        this.extraLineProbability = extraLineProbability;
        this.engagementPerDay = engagementPerDay;
    }

    boolean buys() {
        return this != PROSPECT;
    }

    static Archetype draw(SplittableRandom random) {
        return ALL[MIX.draw(random)];
    }
}
