package org.retentionsegments.core.scoring;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/** The tree-map histogram CountHistogram replaced, kept as the reference it is tested against. */
final class TreeMapHistogram {

    private final TreeMap<Long, long[]> counts = new TreeMap<>();
    private long total;

    public void add(long key) {
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
        total++;
    }

    public void remove(long key) {
        long[] count = counts.get(key);
        if (count == null) {
            throw new IllegalStateException("removing " + key + " which was never added");
        }
        if (--count[0] == 0) {
            counts.remove(key);
        }
        total--;
    }

    public long total() {
        return total;
    }

    public int distinct() {
        return counts.size();
    }

    /** Number of entries with this key. */
    public long count(long key) {
        long[] count = counts.get(key);
        return count == null ? 0 : count[0];
    }

    /**
     * Nearest-rank quantiles: for each point p, the smallest key k such that at least
     * {@code ceil(p * total)} entries (and at least one) are {@code <= k}. With
     * {@code descending}, the order is reversed (the largest key k such that that many entries
     * are {@code >= k}). Returns zeros when empty.
     */
    public long[] nearestRank(double[] points, boolean descending) {
        return nearestRank(points, descending, total, counts);
    }

    /** The distinct keys above {@code floor}, ascending. */
    public long[] keysAbove(long floor) {
        return counts.tailMap(floor, false).keySet().stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Nearest-rank quantiles of the entries with a key above {@code floor} only: the
     * distribution of customers who have any value at all (zeros keep the lowest score).
     */
    public long[] nearestRankAbove(long floor, double[] points) {
        NavigableMap<Long, long[]> above = counts.tailMap(floor, false);
        long n = 0;
        for (long[] count : above.values()) {
            n += count[0];
        }
        return nearestRank(points, false, n, above);
    }

    private static long[] nearestRank(double[] points, boolean descending, long total,
            NavigableMap<Long, long[]> counts) {
        long[] result = new long[points.length];
        if (total == 0) {
            return result;
        }
        NavigableMap<Long, long[]> ordered = descending ? counts.descendingMap() : counts;
        int next = 0;
        long cumulative = 0;
        for (Map.Entry<Long, long[]> entry : ordered.entrySet()) {
            cumulative += entry.getValue()[0];
            while (next < points.length && cumulative >= rank(points[next], total)) {
                result[next++] = entry.getKey();
            }
            if (next == points.length) {
                break;
            }
        }
        return result;
    }

    private static long rank(double point, long total) {
        // The epsilon keeps 0.6 * 5 = 3.0000000000000004 at rank 3.
        return Math.max(1, (long) Math.ceil(point * total - 1e-9));
    }

    /** Writes the counts (for a checkpoint); {@link #readFrom} reads them back. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<Long, long[]> entry : counts.entrySet()) {
            out.writeLong(entry.getKey());
            out.writeLong(entry.getValue()[0]);
        }
    }

    /** Replaces the counts with those {@link #writeTo} wrote. */
    public void readFrom(DataInput in) throws IOException {
        counts.clear();
        total = 0;
        for (int n = in.readInt(); n > 0; n--) {
            long key = in.readLong();
            long count = in.readLong();
            counts.put(key, new long[] {count});
            total += count;
        }
    }

    /**
     * Adds the count of every key to {@code buckets[bucketOf(key)]}; used to report the actual
     * bucket sizes of a score without visiting the customers.
     */
    public void countInto(long[] buckets, LongUnaryOperator bucketOf) {
        for (Map.Entry<Long, long[]> entry : counts.entrySet()) {
            buckets[(int) bucketOf.applyAsLong(entry.getKey())] += entry.getValue()[0];
        }
    }
}
