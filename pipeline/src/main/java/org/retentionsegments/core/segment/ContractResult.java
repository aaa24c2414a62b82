package org.retentionsegments.core.segment;

import java.util.Locale;
import org.retentionsegments.core.config.SegmentContract;

/**
 * A data contract checked on one refresh: the segment's customers and how many of them meet the
 * contract's condition, with the verdict and the one line that states it, e.g.
 * {@code New: 41 % of 1,007 customers are lifecycle new, expected at least 90 %} or
 * {@code Champions: 312 customers, expected at least 1,000}.
 *
 * @param customers the segment's customers at the refresh
 * @param meeting those that meet the condition ({@code customers} for a size contract)
 */
public record ContractResult(SegmentContract contract, long customers, long meeting) {

    /** Whether the contract holds; a condition on a segment without customers holds (nothing to check). */
    public boolean passed() {
        if (contract.sizeContract()) {
            return customers >= contract.minSize();
        }
        return customers == 0 || meeting >= Math.ceil(contract.shareAtLeast() * customers - 1e-9);
    }

    /** The share of the customers that meet the condition; NaN without customers. */
    public double share() {
        return customers == 0 ? Double.NaN : (double) meeting / customers;
    }

    /** The verdict in one line, starting with the segment's name. */
    public String line() {
        String segment = contract.segment() + ": ";
        if (contract.sizeContract()) {
            String size = count(customers) + (customers == 1 ? " customer" : " customers");
            return segment + size + (passed() ? " (expected at least " : ", expected at least ")
                    + count(contract.minSize()) + (passed() ? ")" : "");
        }
        if (customers == 0) {
            return segment + "no customers, nothing to check (" + contract.condition() + ")";
        }
        double least = contract.shareAtLeast();
        String figure = least >= 1.0
                ? count(meeting) + " of " + count(customers) + " customers (" + percent(share(), least) + ") are "
                : percent(share(), least) + " of " + count(customers) + " customers are ";
        String expected = least >= 1.0 ? "all" : "at least " + threshold(least);
        return segment + figure + contract.condition()
                + (passed() ? " (expected " + expected + ")" : ", expected " + expected);
    }

    /** {@code 1,007}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A threshold share as the percent it states, {@code 90 %}, {@code 92.5 %}. */
    static String threshold(double share) {
        return new java.math.BigDecimal(100 * share).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + " %";
    }

    /**
     * A share in whole percent, {@code 41 %}, with as many decimals (up to 3) as it takes not to
     * round a failing share up to its threshold or a share below 1 up to 100 %.
     */
    static String percent(double share, double threshold) {
        for (int digits = 0; ; digits++) {
            String text = String.format(Locale.ROOT, "%." + digits + "f", 100 * share);
            String limit = String.format(Locale.ROOT, "%." + digits + "f", 100 * threshold);
            boolean misleading = share < threshold && Double.parseDouble(text) >= Double.parseDouble(limit)
                    || share < 1 && Double.parseDouble(text) >= 100;
            if (!misleading || digits == 3) {
                return text + " %";
            }
        }
    }
}
