package org.retentionsegments.input.prepare;

import java.util.Arrays;

/**
 * The rolled-up days by customer and day: an open-addressing table of the days themselves, which
 * carry their key. A {@code HashMap} keyed by a (customer, day) record took an entry and a key
 * object besides each day, 56 bytes, for every day of every customer (5.8M days at a million
 * customers) until the stage ends.
 */
final class DayTable {

    /** Slots, a power of two; null where empty (linear probing). */
    private Preparation.Day[] slots = new Preparation.Day[1 << 10];
    private int size;

    /** The day of {@code customerId} on {@code day}, made (empty) when there is none yet. */
    Preparation.Day get(String customerId, long day) {
        int mask = slots.length - 1;
        int i = hash(customerId, day) & mask;
        while (true) {
            Preparation.Day d = slots[i];
            if (d == null) {
                d = new Preparation.Day(customerId, day);
                slots[i] = d;
                if (++size > slots.length / 4 * 3) {
                    grow();
                }
                return d;
            }
            if (d.day == day && d.customerId.equals(customerId)) {
                return d;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** Every day, in no particular order. */
    Preparation.Day[] all() {
        Preparation.Day[] all = new Preparation.Day[size];
        int n = 0;
        for (Preparation.Day d : slots) {
            if (d != null) {
                all[n++] = d;
            }
        }
        return n == size ? all : Arrays.copyOf(all, n);
    }

    private void grow() {
        Preparation.Day[] old = slots;
        slots = new Preparation.Day[old.length * 2];
        int mask = slots.length - 1;
        for (Preparation.Day d : old) {
            if (d != null) {
                int i = hash(d.customerId, d.day) & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = d;
            }
        }
    }

    /** The key's hash, its bits mixed (murmur3's finalizer) so that neighbouring days spread over the table. */
    private static int hash(String customerId, long day) {
        long h = customerId.hashCode() * 0x9E3779B97F4A7C15L + day;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
