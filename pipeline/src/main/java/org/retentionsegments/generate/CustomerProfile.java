package org.retentionsegments.generate;

import java.util.SplittableRandom;

/**
 * One customer's hidden traits, drawn from the customer's natural random stream. Times are in days
 * from the start of the period (negative = before it).
 *
 * @param firstPurchase time of the first order ({@code NaN} for prospects)
 * @param dropOut time the customer becomes inactive (stops buying; engagement fades)
 * @param rate repeat purchases per day while active, before seasonality (0 = none)
 */
record CustomerProfile(
        Archetype archetype,
        double signup,
        double firstPurchase,
        double dropOut,
        double rate,
        double spendFactor,
        int favouriteCategory,
        int secondCategory,
        double categoryLoyalty,
        int primaryChannel,
        double channelLoyalty,
        boolean appUser,
        boolean emailConsent,
        boolean smsConsent,
        int country) {

    /** Share of customers who signed up in the year before the period (the existing base). */
    static final double EXISTING_SHARE = 0.2;

    static CustomerProfile draw(SplittableRandom random, int periodDays) {
        Archetype archetype = Archetype.draw(random);
        double signup = Draw.chance(random, EXISTING_SHARE)
                ? -365 * random.nextDouble()
                : periodDays * random.nextDouble();
        double first = Double.NaN;
        double dropOut;
        if (archetype.buys()) {
            first = signup + (Draw.chance(random, 0.4)
                    ? 0.05 * random.nextDouble()
                    : Draw.exponential(random, 14));
            dropOut = first + Draw.exponential(random, archetype.lifetimeMeanDays);
        } else {
            dropOut = signup + Draw.exponential(random, archetype.lifetimeMeanDays);
        }
        double rate = archetype.meanIntervalDays > 0 ? Draw.gamma2(random) / archetype.meanIntervalDays : 0;
        double spend = archetype.spendFactor * StrictMath.exp(0.35 * Draw.gaussian(random));
        int favourite = Catalog.CATEGORY_POPULARITY.draw(random);
        int second = Catalog.CATEGORY_POPULARITY.draw(random);
        double categoryLoyalty = 0.4 + 0.5 * random.nextDouble();
        int channel = Catalog.CHANNEL_SHARE.draw(random);
        double channelLoyalty = 0.6 + 0.35 * random.nextDouble();
        boolean app = channel == Catalog.APP || Draw.chance(random, 0.25);
        boolean email = Draw.chance(random, 0.7);
        boolean sms = Draw.chance(random, 0.15);
        int country = Catalog.COUNTRY_SHARE.draw(random);
        return new CustomerProfile(archetype, signup, first, dropOut, rate, spend, favourite, second,
                categoryLoyalty, channel, channelLoyalty, app, email, sms, country);
    }

    /**
     * Probability of at least one natural purchase in {@code [from, to)} given the drawn rate and
     * drop-out: {@code 1 - exp(-rate * integral of seasonality over the active part)}. Valid for
     * windows after the first purchase.
     */
    double purchaseProbability(Seasonality season, double from, double to) {
        double activeUntil = Math.min(to, dropOut);
        if (rate <= 0 || activeUntil <= from) {
            return 0;
        }
        return 1 - StrictMath.exp(-rate * season.integral(from, activeUntil));
    }
}
