package org.retentionsegments.generate;

import java.util.SplittableRandom;

/** A discrete distribution over {@code 0..n-1} with probabilities proportional to given weights. */
final class Weights {

    private final double[] cumulative;

    Weights(double... weights) {
        cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            cumulative[i] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights must have a positive sum");
        }
    }

    int draw(SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (x < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
