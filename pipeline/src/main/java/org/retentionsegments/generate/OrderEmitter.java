package org.retentionsegments.generate;

import java.util.SplittableRandom;

/**
 * Writes one purchase as 1-4 order lines (category from the customer's preferences, lognormal
 * price, order-level discount) and, when some lines come back, a return: a separate order a few
 * days later with negative amounts for the returned lines (full refund, or half for some lines).
 */
final class OrderEmitter {

    private static final int MAX_LINES = 4;
    private static final long DAY = 86_400L;
    private static final String[] LINE_NUMBERS = {"0", "1", "2", "3", "4"};

    private final LineWriter out;
    private final long periodEndSecond;
    private final int[] lineCategory = new int[MAX_LINES];
    private final long[] lineCents = new long[MAX_LINES];
    private final boolean[] lineReturned = new boolean[MAX_LINES];
    private long orders;
    private long returns;

    OrderEmitter(LineWriter out, long periodEndSecond) {
        this.out = out;
        this.periodEndSecond = periodEndSecond;
    }

    /**
     * Writes a purchase at {@code at} and logs it.
     *
     * @param sequence the customer's next order number; returns the one after the last used
     */
    int emit(SplittableRandom random, CustomerProfile customer, byte[] digits, int sequence, long at,
            ActivityLog log) {
        int channel = Draw.chance(random, customer.channelLoyalty())
                ? customer.primaryChannel()
                : Catalog.CHANNEL_SHARE.draw(random);
        Archetype archetype = customer.archetype();
        int lines = 1;
        while (lines < MAX_LINES && Draw.chance(random, archetype.extraLineProbability)) {
            lines++;
        }
        int discount = Draw.chance(random, archetype.discountPropensity)
                ? Catalog.DISCOUNT_SHARE.draw(random)
                : -1;
        double netShare = discount < 0 ? 1 : 1 - Catalog.DISCOUNT_VALUES[discount];
        boolean anyReturned = false;
        for (int line = 0; line < lines; line++) {
            int category = category(random, customer);
            double price = Draw.lognormal(random,
                    Catalog.CATEGORY_PRICE[category] * customer.spendFactor(), archetype.spendSigma);
            long cents = Math.max(1, Math.round(price * netShare * 100));
            boolean back = Draw.chance(random, archetype.returnRate * Catalog.CATEGORY_RETURN_FACTOR[category]);
            lineCategory[line] = category;
            lineCents[line] = cents;
            lineReturned[line] = back;
            anyReturned |= back;
            writeLine(digits, sequence, at, line + 1, category, cents, channel, discount);
        }
        orders++;
        sequence++;
        log.add(at, channel, anyReturned);
        if (anyReturned) {
            long returnAt = at + (long) ((2 + Draw.exponential(random, 8)) * DAY);
            int returnChannel = channel == Catalog.STORE ? Catalog.STORE : Catalog.WEB;
            boolean halfRefund = Draw.chance(random, 0.15);
            if (returnAt < periodEndSecond) {
                int returnLine = 0;
                for (int line = 0; line < lines; line++) {
                    if (lineReturned[line]) {
                        long refund = halfRefund ? Math.max(1, lineCents[line] / 2) : lineCents[line];
                        writeLine(digits, sequence, returnAt, ++returnLine, lineCategory[line], -refund,
                                returnChannel, discount);
                    }
                }
                returns++;
                sequence++;
            }
        }
        return sequence;
    }

    long orders() {
        return orders;
    }

    long returns() {
        return returns;
    }

    private static int category(SplittableRandom random, CustomerProfile customer) {
        if (Draw.chance(random, customer.categoryLoyalty())) {
            return customer.favouriteCategory();
        }
        return Draw.chance(random, 0.5) ? customer.secondCategory() : Catalog.CATEGORY_POPULARITY.draw(random);
    }

    private void writeLine(byte[] digits, int sequence, long at, int lineNo, int category, long cents,
            int channel, int discount) {
        out.id('O', digits, sequence)
                .id('C', digits, -1)
                .timestamp(at)
                .cents(cents)
                .text(LINE_NUMBERS[lineNo])
                .text(Catalog.CATEGORIES[category])
                .text(Catalog.CHANNELS[channel])
                .text(discount < 0 ? "0" : Catalog.DISCOUNTS[discount])
                .end();
    }
}
