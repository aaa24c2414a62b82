package org.retentionsegments.core.predict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every customer's days with a positive order, read once, from which the order days before any
 * refresh follow without reading again: for each customer the first and last order day before
 * it, the order days, and the revenue of those after the first (in cents, summed exactly, as the
 * warehouse's DECIMAL(18, 2) sum would be). Once every day is added, {@link #before} may be called
 * from several threads.
 */
public final class OrderDayLog {

    private final List<String> customers = new ArrayList<>();
    private final List<int[]> days = new ArrayList<>();
    private final List<long[]> cumulativeCents = new ArrayList<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    private String current;
    private int[] dayBuffer = new int[16];
    private long[] centBuffer = new long[16];
    private int size;

    /**
     * Adds one order day; a customer's days must come together and in day order (the order of
     * {@code order_days.sql}).
     */
    public void add(String customerId, LocalDate day, long revenueCents) {
        add(customerId, Math.toIntExact(day.toEpochDay()), revenueCents);
    }

    /** {@link #add(String, LocalDate, long)} with the day as days since 1970-01-01. */
    public synchronized void add(String customerId, int epochDay, long revenueCents) {
        if (!customerId.equals(current)) {
            finish();
            if (!seen.add(customerId)) {
                throw new IllegalArgumentException("customer " + customerId + "'s order days must come together");
            }
            current = customerId;
        }
        if (size > 0 && epochDay <= dayBuffer[size - 1]) {
            throw new IllegalArgumentException("customer " + customerId + "'s order days must come in day order,"
                    + " once each: " + LocalDate.ofEpochDay(epochDay));
        }
        if (size == dayBuffer.length) {
            dayBuffer = Arrays.copyOf(dayBuffer, 2 * size);
            centBuffer = Arrays.copyOf(centBuffer, 2 * size);
        }
        dayBuffer[size] = epochDay;
        centBuffer[size] = (size == 0 ? 0 : centBuffer[size - 1]) + revenueCents;
        size++;
    }

    private void finish() {
        if (size > 0) {
            customers.add(current);
            days.add(Arrays.copyOf(dayBuffer, size));
            cumulativeCents.add(Arrays.copyOf(centBuffer, size));
            size = 0;
        }
        current = null;
    }

    /** The customers who ordered before {@code asOf}, with their order days before it. */
    public List<ValuePrediction.OrderDays> before(LocalDate asOf) {
        synchronized (this) {
            finish(); // after the last add; then the lists are only read, from any thread
        }
        int limit = Math.toIntExact(asOf.toEpochDay());
        List<ValuePrediction.OrderDays> out = new ArrayList<>();
        for (int c = 0; c < customers.size(); c++) {
            int[] d = days.get(c);
            int n = Arrays.binarySearch(d, limit);
            n = n >= 0 ? n : -n - 1; // the days before asOf
            if (n == 0) {
                continue;
            }
            long[] cents = cumulativeCents.get(c);
            long repeatCents = cents[n - 1] - cents[0];
            out.add(new ValuePrediction.OrderDays(customers.get(c), LocalDate.ofEpochDay(d[0]),
                    LocalDate.ofEpochDay(d[n - 1]), n, repeatCents / 100.0));
        }
        return out;
    }
}
