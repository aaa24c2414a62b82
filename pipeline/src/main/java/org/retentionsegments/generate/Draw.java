package org.retentionsegments.generate;

import java.util.SplittableRandom;

/**
 * Random draws built only on {@link SplittableRandom#nextDouble()} and {@link StrictMath}, so
 * that the same seed gives the same bytes on every JVM and platform.
 */
final class Draw {

    private Draw() {}

    /** Exponential with the given mean. */
    static double exponential(SplittableRandom random, double mean) {
        return -mean * StrictMath.log(1.0 - random.nextDouble());
    }

    /** Standard normal (Box-Muller, one of the pair). */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Lognormal with the given median and log-scale sigma. */
    static double lognormal(SplittableRandom random, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(random));
    }

    /** Gamma(2) scaled to mean 1: per-customer heterogeneity of a rate. */
    static double gamma2(SplittableRandom random) {
        return (exponential(random, 1.0) + exponential(random, 1.0)) / 2.0;
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }
}
