package org.retentionsegments.core.predict;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum likelihood over positive parameters: commons-math3's Nelder-Mead simplex on their logs,
 * so that every point it tries is a valid model, restarted from its own optimum until a restart no
 * longer raises the log-likelihood (a simplex can stop short on a flat ridge).
 */
final class Maximizer {

    /** The optimum's parameters (not their logs), its log-likelihood, the evaluations spent, and whether it settled. */
    record Optimum(double[] parameters, double logLikelihood, int evaluations, boolean converged) {}

    static final int MAX_EVALUATIONS = 20_000;
    static final int MAX_RESTARTS = 20;

    private Maximizer() {}

    static Optimum maximize(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        // a class, not a lambda: commons-math3's interfaces are Java 5 class files, and the JDK 17
        // dump of the launcher's class-data archive crashes on a lambda that implements one (JDK-8274944)
        ObjectiveFunction objective = new ObjectiveFunction(new MultivariateFunction() {
            @Override
            public double value(double[] logs) {
                double ll;
                try {
                    ll = logLikelihood.applyAsDouble(exp(logs));
                } catch (IllegalArgumentException outsideTheModel) {
                    return Double.NEGATIVE_INFINITY;
                }
                return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
            }
        });
        double[] point = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            point[i] = Math.log(start[i]);
        }
        double best = Double.NEGATIVE_INFINITY;
        int evaluations = 0;
        boolean converged = false;
        for (int restart = 0; restart < MAX_RESTARTS && evaluations < MAX_EVALUATIONS; restart++) {
            SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-12);
            PointValuePair optimum;
            try {
                optimum = optimizer.optimize(new MaxEval(MAX_EVALUATIONS - evaluations), objective, GoalType.MAXIMIZE,
                        new InitialGuess(point), new NelderMeadSimplex(point.length, 0.5));
            } catch (TooManyEvaluationsException e) {
                evaluations = MAX_EVALUATIONS;
                break;
            }
            evaluations += optimizer.getEvaluations();
            double ll = optimum.getValue();
            point = optimum.getPoint();
            boolean settled = ll - best < 1e-9 * Math.max(1, Math.abs(ll));
            best = Math.max(best, ll);
            if (settled) {
                converged = true;
                break;
            }
        }
        return new Optimum(exp(point), best, evaluations, converged);
    }

    private static double[] exp(double[] logs) {
        double[] values = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            values[i] = Math.exp(logs[i]);
        }
        return values;
    }
}
