package org.retentionsegments.core.refresh;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.SegmentTransition;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.config.Strategy;
import org.retentionsegments.core.scoring.CountHistogram;
import org.retentionsegments.core.scoring.TierCalculator;
import org.retentionsegments.core.scoring.Tiers;

/**
 * The latest {@link CustomerFacts} of every customer and the segment each was last placed in;
 * the heart of a refresh, wrapped by the Flink refresh operator.
 *
 * <p>Histograms of last-order day, window frequency, monetary cents and median order gap are
 * updated on every {@link #upsert}/{@link #remove} (O(log D) each), so a refresh never sorts
 * the customers. Cost of {@link #refresh}: O(D) to find quantile boundaries and bucket sizes
 * (D = distinct values of a dimension, at most N), then one pass over the N customers with O(1)
 * work each (three score comparisons, a segment table lookup, one holdout hash). Memory per
 * customer beyond its facts: one map entry and a one-byte segment index.
 */
public final class Population {

    private static final byte NONE = -1;

    private final Segmenter segmenter;
    private final PipelineConfig config;
    private final Map<String, Entry> customers = new HashMap<>();
    /** The same entries densely, for the refresh loop: a sparse HashMap is slow to iterate. */
    private final List<Entry> entries = new ArrayList<>();
    private final CountHistogram lastOrderDays = new CountHistogram();
    private final CountHistogram frequencies = new CountHistogram();
    private final CountHistogram monetaryCents = new CountHistogram();
    private final CountHistogram halfDayGaps = new CountHistogram();

    private static final class Entry {
        CustomerFacts facts;
        byte segment = NONE;
        int index;
    }

    public Population(ConfigBundle config) {
        this.segmenter = new Segmenter(config);
        this.config = config.pipeline();
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    /** Adds or replaces the facts of a customer. */
    public void upsert(CustomerFacts facts) {
        Entry entry = customers.computeIfAbsent(facts.customerId(), id -> {
            Entry added = new Entry();
            added.index = entries.size();
            entries.add(added);
            return added;
        });
        if (entry.facts != null) {
            count(entry.facts, false);
        }
        entry.facts = facts;
        count(facts, true);
    }

    /** Forgets a customer (state expiry); true when it was known. */
    public boolean remove(String customerId) {
        Entry entry = customers.remove(customerId);
        if (entry == null) {
            return false;
        }
        Entry last = entries.remove(entries.size() - 1);
        if (last != entry) {
            last.index = entry.index;
            entries.set(entry.index, last);
        }
        count(entry.facts, false);
        return true;
    }

    public int size() {
        return customers.size();
    }

    public CustomerFacts facts(String customerId) {
        Entry entry = customers.get(customerId);
        return entry == null ? null : entry.facts;
    }

    /** The segment the customer was placed in at the last refresh, or null; for stamping treatments. */
    public String currentSegment(String customerId) {
        Entry entry = customers.get(customerId);
        return entry == null || entry.segment == NONE ? null : segmenter.segmentName(entry.segment);
    }

    /** Restores the last segment of a known customer (e.g. from a warehouse or a savepoint). */
    public void restoreSegment(String customerId, String segment) {
        Entry entry = customers.get(customerId);
        int index = segmenter.rules().indexOf(segment);
        if (entry == null || index < 0) {
            throw new IllegalArgumentException("unknown customer or segment: " + customerId
                    + " / " + segment);
        }
        entry.segment = (byte) index;
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

    /** The boundaries a refresh on {@code asOf} scores against. */
    public RefreshScales scales(LocalDate asOf) {
        int day = (int) asOf.toEpochDay();
        double cycle = purchaseCycleDays();
        return new RefreshScales(day, cycle,
                tiers(Dimension.RECENCY, lastOrderDays, day, cycle),
                tiers(Dimension.FREQUENCY, frequencies, day, cycle),
                tiers(Dimension.MONETARY, monetaryCents, day, cycle));
    }

    /**
     * Re-scores and re-segments every customer as of the start of {@code asOf}. Emits, in order:
     * 15 {@code ScoreBoundary} rows (3 dimensions x 5 scores, with actual bucket sizes); then per
     * customer a {@code SegmentTransition} when the segment changed (from null on first sight),
     * a {@code Treatment} when the customer entered a segment whose strategy is always-on, and,
     * when {@code keep}, a {@code SegmentAssignment} with {@code snapshot = true}.
     */
    public RefreshSummary refresh(LocalDate asOf, boolean keep, Consumer<WarehouseRow> out) {
        RefreshScales scales = scales(asOf);
        for (Tiers tiers : new Tiers[] {scales.recency(), scales.frequency(), scales.monetary()}) {
            CountHistogram histogram = switch (tiers.dimension()) {
                case RECENCY -> lastOrderDays;
                case FREQUENCY -> frequencies;
                case MONETARY -> monetaryCents;
            };
            tiers.rows(asOf, TierCalculator.bucketSizes(tiers, histogram, scales.day()))
                    .forEach(out);
        }
        long transitions = 0;
        long treatments = 0;
        long assignments = 0;
        for (Entry entry : entries) {
            Placement p = segmenter.place(entry.facts, scales);
            String customerId = entry.facts.customerId();
            Arm arm = null; // drawn at most once, only for a customer that gets a row
            if (p.segment() != entry.segment) {
                String from = entry.segment == NONE ? null : segmenter.segmentName(entry.segment);
                out.accept(new SegmentTransition(customerId, asOf, from,
                        segmenter.segmentName(p.segment())));
                transitions++;
                entry.segment = (byte) p.segment();
                Strategy strategy = segmenter.strategy(p.segment());
                if (strategy.alwaysOn()) {
                    arm = segmenter.arm(p.segment(), customerId);
                    out.accept(treatment(asOf, customerId, p, arm, strategy));
                    treatments++;
                }
            }
            if (keep) {
                out.accept(assignment(asOf, entry.facts, p,
                        arm != null ? arm : segmenter.arm(p.segment(), customerId)));
                assignments++;
            }
        }
        return new RefreshSummary(customers.size(), lastOrderDays.total(), transitions,
                treatments, assignments, scales.cycleDays());
    }

    private Treatment treatment(LocalDate asOf, String customerId, Placement p, Arm arm, Strategy s) {
        return new Treatment(s.programId(), customerId,
                asOf.atStartOfDay(ZoneOffset.UTC).toInstant(), arm,
                segmenter.segmentName(p.segment()), s.channel(),
                arm == Arm.TREATMENT ? s.contactCost() : 0.0, "always_on");
    }

    private SegmentAssignment assignment(LocalDate asOf, CustomerFacts f, Placement p, Arm arm) {
        return new SegmentAssignment(f.customerId(), asOf, p.recencyDays(), f.frequency(),
                f.monetary(), p.r(), p.f(), p.m(), p.rfmCell(), p.composite(), p.stage(),
                p.has(Flag.HIGH_RETURN_RATE), p.has(Flag.SINGLE_CHANNEL),
                p.has(Flag.DISCOUNT_DEPENDENT), p.has(Flag.EMAIL_UNENGAGED),
                f.topCategory(), f.topCategory() == null ? null : f.topCategoryShare(),
                f.engagement30Total(), f.engagement90Total(),
                segmenter.segmentName(p.segment()), segmenter.strategy(p.segment()).name(),
                arm, true, true);
    }

    private Tiers tiers(Dimension dimension, CountHistogram histogram, int day, double cycle) {
        return TierCalculator.tiers(dimension, config.scoring().tier(dimension), histogram,
                day, cycle);
    }

    private void count(CustomerFacts facts, boolean add) {
        if (facts.hasOrdered()) {
            apply(lastOrderDays, facts.lastOrderDay(), add);
            apply(frequencies, facts.frequency(), add);
            apply(monetaryCents, TierCalculator.cents(facts.monetary()), add);
        }
        if (!Double.isNaN(facts.medianGapDays())) {
            apply(halfDayGaps, Math.round(facts.medianGapDays() * 2), add);
        }
    }

    private static void apply(CountHistogram histogram, long key, boolean add) {
        if (add) {
            histogram.add(key);
        } else {
            histogram.remove(key);
        }
    }
}
