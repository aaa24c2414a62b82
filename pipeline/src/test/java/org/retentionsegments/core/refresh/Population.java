package org.retentionsegments.core.refresh;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;


/**
 * The latest {@link CustomerFacts} of every customer and the segment each was last placed in,
 * in one task: the {@link PopulationCounts} of the distributions plus a {@link CustomerRefresh}
 * per customer. The Flink job spreads the same two parts over many tasks; this single-task form
 * is the tests' reference: whatever the tasks compute must equal it.
 */
public final class Population {

    private final CustomerRefresh customerRefresh;
    private final PopulationCounts counts;
    private final Map<String, Entry> customers = new HashMap<>();
    /** The same entries densely, for the refresh loop: a sparse HashMap is slow to iterate. */
    private final List<Entry> entries = new ArrayList<>();

    private static final class Entry {
        CustomerFacts facts;
        byte segment = CustomerRefresh.NONE;
        int index;
    }

    public Population(ConfigBundle config) {
        this.customerRefresh = new CustomerRefresh(new Segmenter(config));
        this.counts = new PopulationCounts(config.pipeline());
    }

    public Segmenter segmenter() {
        return customerRefresh.segmenter();
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
            counts.count(CountKey.of(entry.facts), -1);
        }
        entry.facts = facts;
        counts.count(CountKey.of(facts), 1);
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
        counts.count(CountKey.of(entry.facts), -1);
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
        return entry == null ? null : customerRefresh.segmentName(entry.segment);
    }

    /** Restores the last segment of a known customer (e.g. from a warehouse or a savepoint). */
    public void restoreSegment(String customerId, String segment) {
        Entry entry = customers.get(customerId);
        int index = segmenter().rules().indexOf(segment);
        if (entry == null || index < 0) {
            throw new IllegalArgumentException("unknown customer or segment: " + customerId
                    + " / " + segment);
        }
        entry.segment = (byte) index;
    }

    /** See {@link PopulationCounts#purchaseCycleDays()}. */
    public double purchaseCycleDays() {
        return counts.purchaseCycleDays();
    }

    /** The boundaries a refresh on {@code asOf} scores against. */
    public RefreshScales scales(LocalDate asOf) {
        return counts.scales(asOf);
    }

    /**
     * Re-scores and re-segments every customer as of the start of {@code asOf}. Emits, in order:
     * 15 {@code ScoreBoundary} rows (3 dimensions x 5 scores, with actual bucket sizes); then each
     * customer's rows (see {@link CustomerRefresh}).
     */
    public RefreshSummary refresh(LocalDate asOf, boolean keep, Consumer<WarehouseRow> out) {
        RefreshScales scales = counts.scales(asOf);
        counts.boundaryRows(asOf, scales).forEach(out);
        CustomerRefresh.Tally tally = new CustomerRefresh.Tally();
        for (Entry entry : entries) {
            entry.segment = customerRefresh.refresh(entry.facts, entry.segment, scales, asOf, keep, keep, out, tally);
        }
        return new RefreshSummary(customers.size(), counts.scored(), tally.transitions,
                tally.treatments, tally.assignments, scales.cycleDays());
    }
}
