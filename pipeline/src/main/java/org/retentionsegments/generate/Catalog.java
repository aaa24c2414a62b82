package org.retentionsegments.generate;

/** The retailer's vocabulary: categories, channels, countries, discounts, shopping hours. */
final class Catalog {

    private Catalog() {}

    static final String[] CATEGORIES = {
        "apparel", "home", "beauty", "electronics", "grocery", "toys", "sports", "books"
    };
    static final Weights CATEGORY_POPULARITY = new Weights(0.24, 0.14, 0.13, 0.09, 0.16, 0.08, 0.08, 0.08);
    /** Median net price of one line, before the customer's spend factor. */
    static final double[] CATEGORY_PRICE = {38, 45, 22, 120, 16, 28, 42, 14};
    /** Multiplier on the archetype's return rate. */
    static final double[] CATEGORY_RETURN_FACTOR = {2.2, 0.8, 0.5, 1.2, 0.1, 0.6, 1.0, 0.4};

    static final int WEB = 0;
    static final int APP = 1;
    static final int STORE = 2;
    static final String[] CHANNELS = {"web", "app", "store"};
    static final Weights CHANNEL_SHARE = new Weights(0.5, 0.3, 0.2);

    static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "NL", "ES", "IT", "CA", "AU", "SE"};
    static final Weights COUNTRY_SHARE = new Weights(0.34, 0.15, 0.12, 0.09, 0.05, 0.06, 0.06, 0.06, 0.04, 0.03);

    static final String[] DISCOUNTS = {"0.1", "0.15", "0.2", "0.25", "0.3", "0.4", "0.5"};
    static final double[] DISCOUNT_VALUES = {0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5};
    static final Weights DISCOUNT_SHARE = new Weights(0.25, 0.2, 0.2, 0.12, 0.12, 0.06, 0.05);

    /** Relative activity by UTC hour of day. */
    static final Weights HOUR_WEIGHT = new Weights(
        0.6, 0.3, 0.2, 0.15, 0.15, 0.25, 0.5, 1.0, 1.5, 1.9, 2.1, 2.3,
        2.6, 2.5, 2.3, 2.2, 2.3, 2.6, 3.0, 3.4, 3.6, 3.2, 2.3, 1.2);
}
