package org.retentionsegments.core.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD and Gamma-Gamma against their papers. Fader, Hardie and Lee fitted a 1/10 sample of the
 * CDNOW cohort (2,357 customers, named by their master ids in datasets/cdnow/FHL2005_sample_ids.txt):
 * fitted on it, the estimates are the published ones to their last printed digit. The whole cohort is
 * fitted too, and so is each of its ten systematic tenths (customer id modulo 10); the published
 * estimates must lie within the tenths' spread, as estimates from one more tenth would.
 */
class BuyTillYouDieTest {

    /** Fader, Hardie and Lee (2005), Marketing Science 24(2), table in section 4: r, α, a, b. */
    static final BgNbd PUBLISHED = new BgNbd(0.243, 4.414, 0.793, 2.426);
    /** Fader, Hardie and Lee (2005), Journal of Marketing Research 42(4): p, q, γ on the same sample. */
    static final GammaGamma PUBLISHED_SPEND = new GammaGamma(6.25, 3.74, 15.44);

    static CdnowCohort cohort;

    @BeforeAll
    static void read() throws IOException {
        cohort = CdnowCohort.read();
    }

    @Test
    void thePapersWorkedExampleOfExpectedPurchases() {
        // "a customer who made x = 2 repeat purchases, the last at t_x = 30.43, with T = 38.86 ... is
        // expected to make 1.226 purchases in the next 39 weeks"
        assertEquals(1.226, PUBLISHED.expectedPurchases(new PurchaseHistory(2, 30.43, 38.86), 39), 5e-4);
    }

    @Test
    void probabilityAliveFollowsItsDefinition() {
        PurchaseHistory h = new PurchaseHistory(2, 30.43, 38.86);
        double odds = PUBLISHED.a() / (PUBLISHED.b() + 1) * Math.pow((PUBLISHED.alpha() + 38.86) / (PUBLISHED.alpha() + 30.43), PUBLISHED.r() + 2);
        assertEquals(1 / (1 + odds), PUBLISHED.probabilityAlive(h), 1e-12);
        assertEquals(1.0, PUBLISHED.probabilityAlive(new PurchaseHistory(0, 0, 30)));
        // the same purchases, the last longer ago: less likely alive
        assertTrue(PUBLISHED.probabilityAlive(new PurchaseHistory(2, 10, 38.86)) < PUBLISHED.probabilityAlive(h));
    }

    @Test
    void hypergeometricSeriesMatchesClosedForms() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        for (double z : new double[] {0.01, 0.3, 0.7, 0.95}) {
            assertEquals(-Math.log(1 - z) / z, Hypergeometric.f21(1, 1, 2, z), 1e-12);
        }
        // 2F1(a, b; b; z) = (1 - z)^-a
        assertEquals(Math.pow(1 - 0.6, -2.5), Hypergeometric.f21(2.5, 3.7, 3.7, 0.6), 1e-10);
    }

    @Test
    void thePapersOwnSampleGivesThePublishedEstimates() throws IOException {
        // the 2,357 customers of the paper's 1/10 sample, named by their master ids (datasets/cdnow)
        Set<Integer> sample = CdnowCohort.sampleIds();
        assertEquals(2_357, sample.size());
        List<PurchaseHistory> histories = cohort.histories(sample::contains);
        assertEquals(2_357, histories.size());
        BgNbdFit fit = BgNbdFit.fit(histories);
        assertTrue(fit.converged());
        // published to three decimals: r 0.243, alpha 4.414, a 0.793, b 2.426; log-likelihood -9582.4
        assertEquals(PUBLISHED.r(), fit.model().r(), 5e-4, fit.model().toString());
        assertEquals(PUBLISHED.alpha(), fit.model().alpha(), 5e-4, fit.model().toString());
        assertEquals(PUBLISHED.a(), fit.model().a(), 5e-4, fit.model().toString());
        assertEquals(PUBLISHED.b(), fit.model().b(), 5e-4, fit.model().toString());
        assertEquals(-9582.4, fit.logLikelihood(), 0.05);
        // Fader and Hardie (2013), "The Gamma-Gamma model of monetary value": 946 repeat customers,
        // p 6.25, q 3.74, gamma 15.44 (measured 6.2496, 3.7442, 15.4435). Its log-likelihood, -4063.8,
        // is not reproduced (measured -4055.92 at these very estimates): the note's value carries a
        // term that does not depend on the parameters, so it is not asserted
        GammaGammaFit spend = GammaGammaFit.fit(cohort.spends(sample::contains));
        assertEquals(946, spend.customers());
        assertEquals(PUBLISHED_SPEND.p(), spend.model().p(), 5e-3, spend.model().toString());
        assertEquals(PUBLISHED_SPEND.q(), spend.model().q(), 5e-3, spend.model().toString());
        assertEquals(PUBLISHED_SPEND.gamma(), spend.model().gamma(), 5e-3, spend.model().toString());
    }

    @Test
    void theCohortsFitHasThePublishedEstimatesWithinItsTenthsSpread() {
        BgNbdFit whole = BgNbdFit.fit(cohort.histories(id -> true));
        assertEquals(23_570, whole.customers());
        assertTrue(whole.converged());
        List<BgNbd> tenths = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            int tenth = k;
            BgNbdFit fit = BgNbdFit.fit(cohort.histories(id -> id % 10 == tenth));
            assertTrue(fit.converged(), "tenth " + k);
            tenths.add(fit.model());
        }
        within(tenths, BgNbd::r, PUBLISHED.r(), "r");
        within(tenths, BgNbd::alpha, PUBLISHED.alpha(), "alpha");
        within(tenths, BgNbd::a, PUBLISHED.a(), "a");
        within(tenths, BgNbd::b, PUBLISHED.b(), "b");
        // the whole cohort's estimates, measured: r 0.252, alpha 4.79, a 0.723, b 2.16
        assertEquals(PUBLISHED.r(), whole.model().r(), 0.05 * PUBLISHED.r());
        assertEquals(PUBLISHED.alpha(), whole.model().alpha(), 0.10 * PUBLISHED.alpha());
        assertEquals(PUBLISHED.a(), whole.model().a(), 0.15 * PUBLISHED.a());
        assertEquals(PUBLISHED.b(), whole.model().b(), 0.15 * PUBLISHED.b());
        // a maximum: the published estimates fit the whole cohort less well than its own
        assertTrue(PUBLISHED.logLikelihood(BgNbd.counted(cohort.histories(id -> true))) < whole.logLikelihood());
    }

    @Test
    void theCohortsFitReproducesItsCalibrationAndForecastsTheHoldout() {
        List<PurchaseHistory> histories = cohort.histories(id -> true);
        BgNbd model = BgNbdFit.fit(histories).model();
        // in the calibration period, sum of E[X(T)] against the repeat purchases made (measured 24,452 : 24,337)
        double fitted = histories.stream().mapToDouble(h -> model.expectedPurchases(h.age())).sum();
        double made = histories.stream().mapToInt(PurchaseHistory::repeats).sum();
        assertEquals(made, fitted, 0.02 * made);
        // in the 39 weeks after it, the model under-forecasts this cohort: measured 16,874 predicted
        // purchase days against 19,684 made (-14 %); a regression would move it further
        double predicted = histories.stream().mapToDouble(h -> model.expectedPurchases(h, CdnowCohort.WEEKS)).sum();
        long actual = cohort.holdoutPurchases();
        assertEquals(actual, predicted, 0.16 * actual, "predicted " + predicted + " purchase days in weeks 40-78, were " + actual);
        // and customers who bought more often are expected to buy more: the conditional expectation
        // rises with x at the same recency and age
        double previous = -1;
        for (int x = 0; x <= 10; x++) {
            double e = model.expectedPurchases(new PurchaseHistory(x, x == 0 ? 0 : 35, 38), CdnowCohort.WEEKS);
            assertTrue(e > previous, "x=" + x);
            previous = e;
        }
    }

    @Test
    void theCohortsSpendFitHasThePublishedEstimatesWithinItsTenthsSpread() {
        GammaGammaFit whole = GammaGammaFit.fit(cohort.spends(id -> true));
        assertTrue(whole.converged());
        List<GammaGamma> tenths = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            int tenth = k;
            tenths.add(GammaGammaFit.fit(cohort.spends(id -> id % 10 == tenth)).model());
        }
        within(tenths, GammaGamma::p, PUBLISHED_SPEND.p(), "p");
        within(tenths, GammaGamma::q, PUBLISHED_SPEND.q(), "q");
        within(tenths, GammaGamma::gamma, PUBLISHED_SPEND.gamma(), "gamma");
        // measured: p 6.28, q 3.62, gamma 15.0
        assertEquals(PUBLISHED_SPEND.p(), whole.model().p(), 0.05 * PUBLISHED_SPEND.p());
        assertEquals(PUBLISHED_SPEND.q(), whole.model().q(), 0.05 * PUBLISHED_SPEND.q());
        assertEquals(PUBLISHED_SPEND.gamma(), whole.model().gamma(), 0.05 * PUBLISHED_SPEND.gamma());
    }

    @Test
    void expectedSpendShrinksTowardThePopulationMean() {
        GammaGamma m = PUBLISHED_SPEND;
        double population = m.populationMean();
        assertEquals(6.25 * 15.44 / 2.74, population, 1e-9);
        double one = m.expectedSpend(1, 100);
        double ten = m.expectedSpend(10, 100);
        // between the population's mean and the customer's own, nearer their own the more they bought
        assertTrue(population < one && one < ten && ten < 100, one + " " + ten);
        assertEquals(population, m.expectedSpend(0, 0), 1e-12);
    }

    @Test
    void aFitRecoversTheParametersItsDataWereDrawnFrom() {
        List<PurchaseHistory> histories = drawn(PUBLISHED, 30_000, 20051);
        BgNbd fitted = BgNbdFit.fit(histories).model();
        assertEquals(PUBLISHED.r(), fitted.r(), 0.10 * PUBLISHED.r(), fitted.toString());
        assertEquals(PUBLISHED.alpha(), fitted.alpha(), 0.15 * PUBLISHED.alpha(), fitted.toString());
        assertEquals(PUBLISHED.a(), fitted.a(), 0.25 * PUBLISHED.a(), fitted.toString());
        assertEquals(PUBLISHED.b(), fitted.b(), 0.25 * PUBLISHED.b(), fitted.toString());
    }

    /** {@code n} customers drawn from {@code model} over 27 to 39 weeks of age (seeded). */
    static List<PurchaseHistory> drawn(BgNbd model, int n, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Well19937c well = new Well19937c(seed);
        GammaDistribution lambdas = new GammaDistribution(well, model.r(), 1 / model.alpha());
        org.apache.commons.math3.distribution.BetaDistribution ps =
                new org.apache.commons.math3.distribution.BetaDistribution(well, model.a(), model.b());
        List<PurchaseHistory> histories = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double age = 27 + random.nextDouble() * 12;
            double lambda = lambdas.sample();
            double p = ps.sample();
            int x = 0;
            double t = 0;
            double last = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                if (t > age) {
                    break;
                }
                x++;
                last = t;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            histories.add(new PurchaseHistory(x, last, age));
        }
        return histories;
    }

    private static <M> void within(List<M> tenths, ToDoubleFunction<M> parameter, double published, String name) {
        double min = tenths.stream().mapToDouble(parameter).min().orElseThrow();
        double max = tenths.stream().mapToDouble(parameter).max().orElseThrow();
        assertTrue(min <= published && published <= max,
                "published " + name + " " + published + " outside the tenths' [" + min + ", " + max + "]");
    }
}
