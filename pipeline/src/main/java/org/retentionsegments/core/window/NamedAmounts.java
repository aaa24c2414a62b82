package org.retentionsegments.core.window;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A customer's lifetime amounts by name (spend per category, orders per channel): the names and
 * the amounts in two arrays sized to fit, in the order the names came. A customer has a handful of
 * names, and this one value lives as long as the customer does: a {@code HashMap<String, Double>}
 * took its table, a node and a boxed amount per name (a new one at every order day), about 300
 * bytes more per customer at six names, all of it for the collector to trace (a million customers'
 * rolling windows hold two of these each).
 *
 * <p>Names are kept as one shared instance each ({@link #shared}), not one per customer: every
 * day's rollup reads them anew.
 */
public final class NamedAmounts {

    private static final String[] NO_NAMES = new String[0];
    private static final double[] NO_AMOUNTS = new double[0];
    /** Names beyond this many distinct ones are kept per customer, as they come. */
    static final int SHARED_NAMES = 10_000;
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private String[] names = NO_NAMES;
    private double[] amounts = NO_AMOUNTS;

    public NamedAmounts() {}

    /** Adds {@code amount} to the name's amount (a new name starts at zero). */
    public void add(String name, double amount) {
        int i = indexOf(name);
        if (i >= 0) {
            amounts[i] += amount;
            return;
        }
        int n = names.length;
        names = Arrays.copyOf(names, n + 1);
        amounts = Arrays.copyOf(amounts, n + 1);
        names[n] = shared(name);
        amounts[n] = amount; // as Map.merge starts a new key: the amount itself
    }

    public int size() {
        return names.length;
    }

    /** The {@code i}-th name, in the order the names came. */
    public String name(int i) {
        return names[i];
    }

    public double amount(int i) {
        return amounts[i];
    }

    /** The name's amount; 0 for a name not here. */
    public double get(String name) {
        int i = indexOf(name);
        return i < 0 ? 0.0 : amounts[i];
    }

    public NamedAmounts copy() {
        NamedAmounts to = new NamedAmounts();
        to.names = names.clone();
        to.amounts = amounts.clone();
        return to;
    }

    /** The amounts by name, in name order (for tests and messages). */
    public Map<String, Double> toMap() {
        Map<String, Double> map = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], amounts[i]);
        }
        return map;
    }

    /** Equal when they hold the same names with the same amounts ({@link Double#equals}), in any order. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NamedAmounts other) || other.names.length != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            int j = other.indexOf(names[i]);
            if (j < 0 || Double.doubleToLongBits(other.amounts[j]) != Double.doubleToLongBits(amounts[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One instance per distinct name, for the first {@value #SHARED_NAMES} names seen in this JVM
     * (categories, channels and countries are few; a file with more keeps the rest per customer).
     */
    public static String shared(String name) {
        if (name == null) {
            return null;
        }
        String kept = NAMES.get(name);
        if (kept != null) {
            return kept;
        }
        if (NAMES.size() >= SHARED_NAMES) {
            return name;
        }
        kept = NAMES.putIfAbsent(name, name);
        return kept == null ? name : kept;
    }
}
