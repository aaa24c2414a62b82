package org.retentionsegments.core.predict;

/**
 * A customer's purchases as the buy-till-you-die models read them, in the models' time unit (for
 * example weeks): {@code repeats} purchases after the first (x), the time from the first purchase
 * to the last ({@code recency}, t<sub>x</sub>; 0 when there was no repeat), and the time from the
 * first purchase to the end of the observation ({@code age}, T).
 */
public record PurchaseHistory(int repeats, double recency, double age) {

    public PurchaseHistory {
        if (repeats < 0 || recency < 0 || age < recency || (repeats == 0 && recency != 0)) {
            throw new IllegalArgumentException("not a purchase history: x=" + repeats + ", t_x=" + recency + ", T=" + age);
        }
    }
}
