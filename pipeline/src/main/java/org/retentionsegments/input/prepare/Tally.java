package org.retentionsegments.input.prepare;

import java.util.Arrays;

/**
 * A few names with a sum each (a day's orders per channel, spend per category, events per type):
 * the first name and its sum in fields of their own, the others in two small arrays made when a
 * second name comes. Most days have one name, and a tally is kept for every rolled-up day of
 * every customer until the stage ends (a hash map took three times the memory, two arrays of one
 * from the start twice). Sums are added in the order the values come, as
 * {@code Map.merge(name, value, Double::sum)}.
 */
final class Tally {

    private String firstName;
    private double firstSum;
    /** The second name on, made when one comes. */
    private String[] names;
    private double[] sums;
    /** Names in all, the first included. */
    private int size;

    void add(String name, double value) {
        if (size == 0) {
            firstName = name;
            firstSum = value;
            size = 1;
            return;
        }
        if (firstName.equals(name)) {
            firstSum += value;
            return;
        }
        for (int i = 0; i < size - 1; i++) {
            if (names[i].equals(name)) {
                sums[i] += value;
                return;
            }
        }
        if (names == null) {
            names = new String[1];
            sums = new double[1];
        } else if (size - 1 == names.length) {
            names = Arrays.copyOf(names, names.length * 2);
            sums = Arrays.copyOf(sums, sums.length * 2);
        }
        names[size - 1] = name;
        sums[size - 1] = value;
        size++;
    }

    private String name(int i) {
        return i == 0 ? firstName : names[i - 1];
    }

    private double sum(int i) {
        return i == 0 ? firstSum : sums[i - 1];
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
            Arrays.sort(order, (a, b) -> tally.name(a).compareTo(tally.name(b)));
        }
        StringBuilder s = new StringBuilder();
        for (int i : order) {
            s.append(s.isEmpty() ? "" : ";").append(tally.name(i)).append('=');
            if (whole) {
                s.append((long) tally.sum(i));
            } else {
                s.append(tally.sum(i));
            }
        }
        return s.toString();
    }
}
