package org.retentionsegments.core.predict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.retentionsegments.core.CustomerPrediction;

/**
 * Predicted value and risk at a refresh: a BG/NBD model fitted on every ordering customer's order
 * days before the refresh, a Gamma-Gamma model on the repeat customers' revenue per repeat order
 * day, and for each customer P(alive), the order days expected in the horizon, the expected revenue
 * per order day and their product, the predicted value.
 *
 * <p>Time: a customer's age T runs from the first order day to the last day observed, the day
 * before {@code asOf} (the paper's convention: a customer whose first order was on the last day
 * observed has T = 0), in units of {@code unitDays}.
 */
public final class ValuePrediction {

    /** One customer's order days before the refresh, as the warehouse's activity gives them. */
    public record OrderDays(String customerId, LocalDate firstDay, LocalDate lastDay, int days, double repeatRevenue) {}

    /**
     * Both fits; {@code spend} is null when no repeat customer had positive repeat revenue.
     * {@code sampled}: the fits ran on a hash sample ({@link FitSample}) of the customers, not all.
     */
    public record Fits(LocalDate asOf, int unitDays, int horizonDays, BgNbdFit purchases, GammaGammaFit spend,
            boolean sampled) {}

    /** The fits and each customer's prediction, in customer id order. */
    public record Result(Fits fits, List<CustomerPrediction> customers) {}

    private ValuePrediction() {}

    /** Fits on every customer and predicts every customer. */
    public static Result predict(List<OrderDays> orderDays, LocalDate asOf, int unitDays, int horizonDays) {
        return predict(orderDays, asOf, unitDays, horizonDays, Integer.MAX_VALUE);
    }

    /**
     * Fits on at most {@code fitLimit} customers, a deterministic hash sample ({@link FitSample})
     * when there are more, and predicts every customer.
     */
    public static Result predict(List<OrderDays> orderDays, LocalDate asOf, int unitDays, int horizonDays,
            int fitLimit) {
        if (unitDays < 1 || horizonDays < 1) {
            throw new IllegalArgumentException("the time unit (" + unitDays + " days) and the horizon (" + horizonDays
                    + " days) must be at least a day");
        }
        List<OrderDays> sorted = new ArrayList<>(orderDays);
        sorted.sort(Comparator.comparing(OrderDays::customerId));
        LocalDate lastObserved = asOf.minusDays(1);
        List<PurchaseHistory> histories = new ArrayList<>(sorted.size());
        List<PurchaseHistory> fitted = new ArrayList<>(Math.min(sorted.size(), fitLimit));
        List<SpendHistory> spends = new ArrayList<>();
        java.util.function.Predicate<String> inFit = FitSample.of(sorted.stream().map(OrderDays::customerId).toList(),
                fitLimit);
        for (OrderDays o : sorted) {
            if (o.lastDay().isAfter(lastObserved) || o.firstDay().isAfter(o.lastDay()) || o.days() < 1) {
                throw new IllegalArgumentException("customer " + o.customerId() + "'s order days (" + o.firstDay() + " to "
                        + o.lastDay() + ", " + o.days() + ") do not lie before " + asOf);
            }
            PurchaseHistory h = new PurchaseHistory(o.days() - 1, units(o.firstDay(), o.lastDay(), unitDays),
                    units(o.firstDay(), lastObserved, unitDays));
            histories.add(h);
            if (!inFit.test(o.customerId())) {
                continue;
            }
            fitted.add(h);
            if (h.repeats() > 0 && o.repeatRevenue() > 0) {
                spends.add(new SpendHistory(h.repeats(), o.repeatRevenue() / h.repeats()));
            }
        }
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("no customer ordered before " + asOf + ": nothing to predict from");
        }
        BgNbdFit purchases = BgNbdFit.fit(fitted);
        GammaGammaFit spend = spends.isEmpty() ? null : GammaGammaFit.fit(spends);
        double horizon = horizonDays / (double) unitDays;
        List<CustomerPrediction> customers = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            OrderDays o = sorted.get(i);
            PurchaseHistory h = histories.get(i);
            double expectedOrders = purchases.model().expectedPurchases(h, horizon);
            Double expectedSpend = null;
            if (spend != null && spend.model().q() > 1) {
                double meanRepeat = h.repeats() == 0 ? 0 : Math.max(0, o.repeatRevenue()) / h.repeats();
                expectedSpend = spend.model().expectedSpend(h.repeats(), meanRepeat);
            }
            customers.add(new CustomerPrediction(asOf, o.customerId(), h.repeats(), h.recency(), h.age(),
                    purchases.model().probabilityAlive(h), expectedOrders, expectedSpend,
                    expectedSpend == null ? null : expectedOrders * expectedSpend));
        }
        return new Result(new Fits(asOf, unitDays, horizonDays, purchases, spend, fitted.size() < histories.size()),
                customers);
    }

    private static double units(LocalDate from, LocalDate to, int unitDays) {
        return (to.toEpochDay() - from.toEpochDay()) / (double) unitDays;
    }
}
