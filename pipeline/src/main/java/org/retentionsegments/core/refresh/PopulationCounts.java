package org.retentionsegments.core.refresh;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.PurchaseCycle;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.scoring.CountHistogram;
import org.retentionsegments.core.scoring.TierCalculator;
import org.retentionsegments.core.scoring.Tiers;

/**
 * The population's distributions as counts per distinct value (last-order day, window frequency,
 * monetary cents, lifetime orders and cents, median order gap) and the number of customers: all a refresh needs to find its
 * boundaries, the same ones whether the customers live in one task or in many (counts add up).
 * Updates are O(log D); a refresh's boundaries O(D), D the distinct values of a dimension.
 */
public final class PopulationCounts {

    private final PipelineConfig config;
    private final CountHistogram lastOrderDays = new CountHistogram();
    private final CountHistogram frequencies = new CountHistogram();
    private final CountHistogram monetaryCents = new CountHistogram();
    private final CountHistogram lifetimeOrders = new CountHistogram();
    private final CountHistogram lifetimeCents = new CountHistogram();
    private final CountHistogram halfDayGaps = new CountHistogram();
    private long customers;

    public PopulationCounts(PipelineConfig config) {
        this.config = config;
    }

    /** Counts a customer's key in ({@code sign} 1) or out ({@code sign} -1). */
    public void count(CountKey key, int sign) {
        customers += sign;
        if (key.ordered()) {
            apply(lastOrderDays, key.lastOrderDay(), sign);
            apply(frequencies, key.frequency(), sign);
            apply(monetaryCents, key.monetaryCents(), sign);
            apply(lifetimeOrders, key.lifetimeOrders(), sign);
            apply(lifetimeCents, key.lifetimeCents(), sign);
        }
        if (key.halfDayGap() != CountKey.NO_GAP) {
            apply(halfDayGaps, key.halfDayGap(), sign);
        }
    }

    /** Customers counted (prospects included). */
    public long customers() {
        return customers;
    }

    /** Customers who ever ordered: the scored population. */
    public long scored() {
        return lastOrderDays.total();
    }

    /**
     * The purchase cycle in days: the nearest-rank median of the repeat customers' median gaps
     * (at half-day resolution), or the configured default while fewer than
     * {@code min_repeat_customers} have one. Never below one day.
     */
    public double purchaseCycleDays() {
        if (halfDayGaps.total() < config.minRepeatCustomers()) {
            return config.defaultCycleDays();
        }
        return Math.max(1.0, halfDayGaps.nearestRank(new double[] {0.5}, false)[0] / 2.0);
    }

    /** Customers with a gap between two order days (those the purchase cycle is measured on). */
    public long repeatCustomers() {
        return halfDayGaps.total();
    }

    /** The purchase cycle of a refresh and the lifecycle thresholds it sets, for the warehouse. */
    public PurchaseCycle purchaseCycle(LocalDate asOf, RefreshScales scales,
            org.retentionsegments.core.config.LifecycleThresholds lifecycle) {
        double cycle = scales.cycleDays();
        return new PurchaseCycle(asOf, cycle, halfDayGaps.total() >= config.minRepeatCustomers(), halfDayGaps.total(),
                lifecycle.newWithin() * cycle, lifecycle.activeWithin() * cycle, lifecycle.lapsingWithin() * cycle);
    }

    /** The boundaries a refresh on {@code asOf} scores against. */
    public RefreshScales scales(LocalDate asOf) {
        int day = (int) asOf.toEpochDay();
        double cycle = purchaseCycleDays();
        return new RefreshScales(day, cycle,
                tiers(Dimension.RECENCY, lastOrderDays, day, cycle),
                tiers(Dimension.FREQUENCY, frequencies, day, cycle),
                tiers(Dimension.MONETARY, monetaryCents, day, cycle),
                tiers(Dimension.LIFETIME_FREQUENCY, lifetimeOrders, day, cycle),
                tiers(Dimension.LIFETIME_MONETARY, lifetimeCents, day, cycle));
    }

    /** The 25 boundary rows of a refresh (5 dimensions x 5 scores) with the actual bucket sizes. */
    public List<ScoreBoundary> boundaryRows(LocalDate asOf, RefreshScales scales) {
        List<ScoreBoundary> rows = new ArrayList<>(25);
        for (Dimension dimension : Dimension.values()) {
            Tiers tiers = scales.tiers(dimension);
            rows.addAll(tiers.rows(asOf, TierCalculator.bucketSizes(tiers, histogram(dimension), scales.day())));
        }
        return rows;
    }

    private CountHistogram histogram(Dimension dimension) {
        return switch (dimension) {
            case RECENCY -> lastOrderDays;
            case FREQUENCY -> frequencies;
            case MONETARY -> monetaryCents;
            case LIFETIME_FREQUENCY -> lifetimeOrders;
            case LIFETIME_MONETARY -> lifetimeCents;
        };
    }

    private Tiers tiers(Dimension dimension, CountHistogram histogram, int day, double cycle) {
        return TierCalculator.tiers(dimension, config.scoring().tier(dimension), histogram, day, cycle);
    }

    /** Writes the counts (for a checkpoint); {@link #readFrom} reads them back. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(customers);
        for (CountHistogram h : histograms()) {
            h.writeTo(out);
        }
    }

    /** Replaces the counts with those {@link #writeTo} wrote. */
    public void readFrom(DataInput in) throws IOException {
        customers = in.readLong();
        for (CountHistogram h : histograms()) {
            h.readFrom(in);
        }
    }

    private CountHistogram[] histograms() {
        return new CountHistogram[] {lastOrderDays, frequencies, monetaryCents, halfDayGaps, lifetimeOrders,
            lifetimeCents};
    }

    private static void apply(CountHistogram histogram, long key, int sign) {
        if (sign > 0) {
            histogram.add(key);
        } else {
            histogram.remove(key);
        }
    }
}
