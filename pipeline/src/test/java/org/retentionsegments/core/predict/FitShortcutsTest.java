package org.retentionsegments.core.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What makes a run's predictions cheap must not change them: the likelihood over distinct
 * (x, t_x, T) triples weighted by their counts is the likelihood over every customer, so the fit is
 * the same; a fit on a hash sample of the customers lands close to the fit on all of them; and the
 * order days of many refreshes, from one read, are those of each refresh alone.
 */
class FitShortcutsTest {

    static CdnowCohort cohort;

    @BeforeAll
    static void read() throws IOException {
        cohort = CdnowCohort.read();
    }

    @Test
    void weightedTriplesHaveTheLikelihoodOfEveryCustomer() {
        List<PurchaseHistory> all = cohort.histories(id -> true);
        CountedHistories weighted = new CountedHistories(BgNbd.counted(all));
        assertTrue(weighted.size() < all.size() / 2, weighted.size() + " distinct of " + all.size());
        for (BgNbd m : List.of(BuyTillYouDieTest.PUBLISHED, new BgNbd(1.5, 0.3, 2.0, 0.4), new BgNbd(0.05, 40, 0.1, 9))) {
            double perCustomer = 0;
            for (PurchaseHistory h : all) {
                perCustomer += m.logLikelihood(h);
            }
            assertEquals(perCustomer, weighted.logLikelihood(m), 1e-10 * Math.abs(perCustomer), m.toString());
        }
        List<SpendHistory> spends = cohort.spends(id -> true);
        for (GammaGamma g : List.of(BuyTillYouDieTest.PUBLISHED_SPEND, new GammaGamma(0.7, 1.2, 300))) {
            double perCustomer = 0;
            for (SpendHistory s : spends) {
                perCustomer += g.logLikelihood(s);
            }
            assertEquals(perCustomer, new GammaGamma.Spends(spends).logLikelihood(g), 1e-10 * Math.abs(perCustomer));
        }
    }

    /** The paper's own 1/10 sample: the weighted fit against one evaluating every customer's term. */
    @Test
    void theWeightedFitIsTheFitOnEveryCustomer() throws IOException {
        Set<Integer> ids = CdnowCohort.sampleIds();
        List<PurchaseHistory> sample = cohort.histories(ids::contains);
        Maximizer.Optimum everyCustomer = Maximizer.maximize(p -> {
            BgNbd m = new BgNbd(p[0], p[1], p[2], p[3]);
            double sum = 0;
            for (PurchaseHistory h : sample) {
                sum += m.logLikelihood(h);
            }
            return sum;
        }, new double[] {1, sample.stream().mapToDouble(PurchaseHistory::age).average().orElseThrow(), 1, 1});
        BgNbdFit weighted = BgNbdFit.fit(sample);
        double[] p = everyCustomer.parameters();
        BgNbd m = weighted.model();
        assertEquals(p[0], m.r(), 1e-7 * p[0]);
        assertEquals(p[1], m.alpha(), 1e-7 * p[1]);
        assertEquals(p[2], m.a(), 1e-7 * p[2]);
        assertEquals(p[3], m.b(), 1e-7 * p[3]);
        assertEquals(everyCustomer.logLikelihood(), weighted.logLikelihood(), 1e-9 * Math.abs(weighted.logLikelihood()));
    }

    @Test
    void aHashSampleIsFixedAndHoldsTheLimit() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add("customer-" + i);
        }
        Predicate<String> sample = FitSample.of(ids, 100);
        Set<String> chosen = new HashSet<>(ids.stream().filter(sample).toList());
        assertEquals(100, chosen.size());
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        assertEquals(chosen, new HashSet<>(reversed.stream().filter(FitSample.of(reversed, 100)).toList()),
                "the same sample in any order");
        // nested: the sample of 50 lies inside the sample of 100
        assertTrue(chosen.containsAll(ids.stream().filter(FitSample.of(ids, 50)).toList()));
        assertEquals(1_000, ids.stream().filter(FitSample.of(ids, 1_000)).count(), "all when no more than the limit");
    }

    /**
     * 120,000 customers drawn from the published model, fitted on the hash sample of 50,000 a run
     * uses and on all: the population's expected purchases in the next 52 weeks within 2 %, its
     * mean P(alive) within 1 %, and each parameter within 10 % (measured: r 1.0 %, alpha 0.7 %,
     * a 3.5 %, b 2.0 %, expected purchases 1.0 %, P(alive) 0.2 %; a and b, the drop-out shapes,
     * are the least certain, as in the papers' own tenths).
     */
    @Test
    void aFitOnAHashSampleLandsCloseToTheFitOnAll() {
        List<PurchaseHistory> histories = BuyTillYouDieTest.drawn(BuyTillYouDieTest.PUBLISHED, 120_000, 2005);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            ids.add("drawn-" + i);
        }
        Predicate<String> inSample = FitSample.of(ids, FitSample.DEFAULT_LIMIT);
        List<PurchaseHistory> sample = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            if (inSample.test(ids.get(i))) {
                sample.add(histories.get(i));
            }
        }
        assertEquals(FitSample.DEFAULT_LIMIT, sample.size());
        BgNbd a = BgNbdFit.fit(histories).model();
        BgNbd s = BgNbdFit.fit(sample).model();
        close(a.r(), s.r(), 0.10, "r");
        close(a.alpha(), s.alpha(), 0.10, "alpha");
        close(a.a(), s.a(), 0.10, "a");
        close(a.b(), s.b(), 0.10, "b");
        close(histories.stream().mapToDouble(h -> a.expectedPurchases(h, 52)).sum(),
                histories.stream().mapToDouble(h -> s.expectedPurchases(h, 52)).sum(), 0.02, "expected purchases");
        close(histories.stream().mapToDouble(a::probabilityAlive).sum(),
                histories.stream().mapToDouble(s::probabilityAlive).sum(), 0.01, "P(alive)");
    }

    /** A run's predictions fit on the sample and predict every customer. */
    @Test
    void aSampledPredictionPredictsEveryCustomer() {
        List<ValuePrediction.OrderDays> days = new ArrayList<>();
        cohort.days().forEach((id, purchases) -> {
            var calibration = purchases.headMap(CdnowCohort.CALIBRATION_END, true);
            double repeat = calibration.values().stream().mapToDouble(Double::doubleValue).sum()
                    - calibration.firstEntry().getValue();
            days.add(new ValuePrediction.OrderDays(String.valueOf(id), calibration.firstKey(), calibration.lastKey(),
                    calibration.size(), repeat));
        });
        LocalDate asOf = CdnowCohort.CALIBRATION_END.plusDays(1);
        ValuePrediction.Result sampled = ValuePrediction.predict(days, asOf, 7, 273, 10_000);
        assertTrue(sampled.fits().sampled());
        assertEquals(10_000, sampled.fits().purchases().customers());
        assertTrue(sampled.fits().spend().customers() < 10_000);
        assertEquals(days.size(), sampled.customers().size(), "every customer is predicted");
        assertTrue(!ValuePrediction.predict(days, asOf, 7, 273).fits().sampled());
    }

    private static void close(double full, double sample, double tolerance, String name) {
        double off = Math.abs(sample / full - 1);
        System.out.printf("sample vs all %s: %.5f vs %.5f (%.2f %%)%n", name, sample, full, 100 * off);
        assertTrue(off <= tolerance, name + ": " + sample + " on the sample, " + full + " on all, off by "
                + String.format("%.2f %%", 100 * off));
    }

    @Test
    void orderDaysOfManyRefreshesFromOneRead() {
        OrderDayLog log = new OrderDayLog();
        LocalDate d = LocalDate.of(2024, 1, 1);
        log.add("b", d, 1_000);
        log.add("b", d.plusDays(3), 250);
        log.add("b", d.plusDays(10), -50);
        log.add("a", d.plusDays(5), 99);
        assertEquals(List.of(), log.before(d));
        assertEquals(List.of(new ValuePrediction.OrderDays("b", d, d, 1, 0)), log.before(d.plusDays(1)));
        assertEquals(List.of(new ValuePrediction.OrderDays("b", d, d.plusDays(3), 2, 2.5),
                new ValuePrediction.OrderDays("a", d.plusDays(5), d.plusDays(5), 1, 0)), log.before(d.plusDays(6)));
        assertEquals(new ValuePrediction.OrderDays("b", d, d.plusDays(10), 3, 2.0), log.before(d.plusDays(11)).get(0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> log.add("b", d, 1));
    }
}
