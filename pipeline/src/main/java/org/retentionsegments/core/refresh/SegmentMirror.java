package org.retentionsegments.core.refresh;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.config.FlagThresholds;
import org.retentionsegments.core.scoring.Classifier;
import org.retentionsegments.core.scoring.TierCalculator;

/**
 * A copy, in a few arrays, of what each placed customer's segment depends on (see
 * {@link Segmenter#segment(int, int, int, int, double, int, double, int, int, RefreshScales)}) and
 * the segment the customer is in, so that a refresh that writes no rows can find the customers
 * whose segment changes without reading every customer's state: a pass over these arrays costs a
 * few nanoseconds per customer, where reading the state costs hundreds (and on RocksDB, micro-
 * seconds). Derived from the state and rebuilt from it; never checkpointed. Keys are the state's.
 * Not thread-safe.
 */
public final class SegmentMirror {

    private final Segmenter segmenter;
    private final FlagThresholds flagThresholds;
    private final Map<Object, Integer> index = new HashMap<>();
    private Object[] keys = new Object[0];
    private int[] first = new int[0];
    private int[] last = new int[0];
    private int[] previous = new int[0];
    private int[] frequency = new int[0];
    private int[] lifetimeOrders = new int[0];
    private int[] emailFrom = new int[0];
    private double[] monetary = new double[0];
    private double[] lifetimeMonetary = new double[0];
    private byte[] lastingFlags = new byte[0];
    private byte[] segment = new byte[0];
    private int size;

    public SegmentMirror(Segmenter segmenter) {
        if (!segmenter.placesFromFewFacts()) {
            throw new IllegalArgumentException("a cluster model places customers from more than the mirror keeps");
        }
        this.segmenter = segmenter;
        this.flagThresholds = segmenter.pipeline().flags();
    }

    /** Customers kept. */
    public int size() {
        return size;
    }

    public void clear() {
        index.clear();
        Arrays.fill(keys, 0, size, null);
        size = 0;
    }

    /** Keeps the customer {@code key}, whose facts are {@code facts} and segment {@code placed}. */
    public void put(Object key, CustomerFacts facts, byte placed) {
        Integer at = index.get(key);
        int i;
        if (at != null) {
            i = at;
        } else {
            if (size == keys.length) {
                grow();
            }
            i = size++;
            keys[i] = key;
            index.put(key, i);
        }
        first[i] = facts.firstOrderDay();
        last[i] = facts.lastOrderDay();
        previous[i] = facts.previousOrderDay();
        frequency[i] = facts.frequency();
        monetary[i] = TierCalculator.money(TierCalculator.cents(facts.monetary()));
        lifetimeOrders[i] = facts.lifetimeOrders();
        lifetimeMonetary[i] = TierCalculator.money(TierCalculator.cents(facts.lifetimeMonetary()));
        lastingFlags[i] = (byte) Classifier.lastingFlags(facts, flagThresholds);
        emailFrom[i] = Classifier.emailUnengagedFrom(facts, flagThresholds);
        segment[i] = placed;
    }

    /** Forgets the customer {@code key}, if kept. */
    public void remove(Object key) {
        Integer at = index.remove(key);
        if (at == null) {
            return;
        }
        int i = at;
        int end = --size;
        if (i != end) {
            keys[i] = keys[end];
            first[i] = first[end];
            last[i] = last[end];
            previous[i] = previous[end];
            frequency[i] = frequency[end];
            monetary[i] = monetary[end];
            lifetimeOrders[i] = lifetimeOrders[end];
            lifetimeMonetary[i] = lifetimeMonetary[end];
            lastingFlags[i] = lastingFlags[end];
            emailFrom[i] = emailFrom[end];
            segment[i] = segment[end];
            index.put(keys[i], i);
        }
        keys[end] = null;
    }

    /** The kept segment of {@code key}, or {@link CustomerRefresh#NONE} when not kept. */
    public byte segment(Object key) {
        Integer at = index.get(key);
        return at == null ? CustomerRefresh.NONE : segment[at];
    }

    /**
     * Gives {@code changed} every kept customer whose segment at {@code scales} differs from the
     * kept one, in the order kept.
     */
    public void changed(RefreshScales scales, Consumer<Object> changed) {
        for (int i = 0; i < size; i++) {
            int now = segmenter.segment(first[i], last[i], previous[i], frequency[i], monetary[i], lifetimeOrders[i],
                    lifetimeMonetary[i], lastingFlags[i], emailFrom[i], scales);
            if (now != segment[i]) {
                changed.accept(keys[i]);
            }
        }
    }

    private void grow() {
        int n = Math.max(1024, keys.length * 2);
        keys = Arrays.copyOf(keys, n);
        first = Arrays.copyOf(first, n);
        last = Arrays.copyOf(last, n);
        previous = Arrays.copyOf(previous, n);
        frequency = Arrays.copyOf(frequency, n);
        lifetimeOrders = Arrays.copyOf(lifetimeOrders, n);
        emailFrom = Arrays.copyOf(emailFrom, n);
        monetary = Arrays.copyOf(monetary, n);
        lifetimeMonetary = Arrays.copyOf(lifetimeMonetary, n);
        lastingFlags = Arrays.copyOf(lastingFlags, n);
        segment = Arrays.copyOf(segment, n);
    }
}
