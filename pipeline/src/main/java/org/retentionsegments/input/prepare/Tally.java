package org.retentionsegments.input.prepare;

import java.util.Arrays;

/**
 * A few names with a sum each (a day's orders per channel, spend per category, events per type),
 * in two small arrays: most days have one or two names, and a hash map took three times the
 * memory (measured: 400 bytes per rolled-up day with three maps, the first stage's largest part).
 * Sums are added in the order the values come, as {@code Map.merge(name, value, Double::sum)}.
 */
final class Tally {

    private String[] names = new String[1];
    private double[] sums = new double[1];
    private int size;

    void add(String name, double value) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                sums[i] += value;
                return;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            sums = Arrays.copyOf(sums, size * 2);
        }
        names[size] = name;
        sums[size++] = value;
    }

    /**
     * The packed list {@code name=value;...} as {@code LISTAGG} builds it, sorted by name, null when
     * empty; {@code whole}: counts, written without a fraction.
     */
    static String packed(Tally tally, boolean whole) {
        if (tally == null || tally.size == 0) {
            return null;
        }
        Integer[] order = new Integer[tally.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (order.length > 1) {
            Arrays.sort(order, (a, b) -> tally.names[a].compareTo(tally.names[b]));
        }
        StringBuilder s = new StringBuilder();
        for (int i : order) {
            s.append(s.isEmpty() ? "" : ";").append(tally.names[i]).append('=');
            if (whole) {
                s.append((long) tally.sums[i]);
            } else {
                s.append(tally.sums[i]);
            }
        }
        return s.toString();
    }
}
