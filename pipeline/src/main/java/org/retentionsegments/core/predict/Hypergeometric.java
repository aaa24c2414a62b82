package org.retentionsegments.core.predict;

/**
 * Gauss's hypergeometric function <sub>2</sub>F<sub>1</sub>(a, b; c; z) by its power series, for
 * 0 ≤ z < 1, where the series converges (commons-math3 has no hypergeometric function). The BG/NBD
 * model needs it with z = t / (α + T + t), always below 1.
 */
final class Hypergeometric {

    static final int MAX_TERMS = 1_000_000;

    private Hypergeometric() {}

    static double f21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 by its series needs 0 <= z < 1, not " + z);
        }
        double term = 1;
        double sum = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) <= 1e-15 * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in "
                + MAX_TERMS + " terms");
    }
}
