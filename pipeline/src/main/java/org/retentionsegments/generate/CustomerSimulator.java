package org.retentionsegments.generate;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.retentionsegments.core.Arm;

/**
 * Generates one customer at a time from three random streams derived from (seed, customer index):
 * the natural stream (traits, purchases, returns, engagement), the arm stream (holdout or
 * treatment) and the lift stream (the planted extra order and reactions to the program). The
 * natural stream never sees the arm or the lift, so a customer's natural rows are the same bytes
 * whatever the arm and the planted lift; see {@link Generator} for the planted-lift mechanism.
 */
final class CustomerSimulator {

    private static final long DAY = 86_400L;
    private static final String HOLDOUT = Arm.HOLDOUT.label();
    private static final String TREATMENT = Arm.TREATMENT.label();

    private final GeneratorConfig config;
    private final Seasonality season;
    private final long startSecond;
    private final int treatmentDay;
    private final String treatedAt;
    private final String programId;
    private final LineWriter customers;
    private final LineWriter treatments;
    private final OrderEmitter orders;
    private final EngagementEmitter engagement;
    private final ActivityLog log = new ActivityLog();
    private final int idWidth;
    private double[] purchaseDays = new double[64];
    private final long[] archetypeCounts = new long[Archetype.values().length];
    private long eligible;
    private long treated;
    private double expectedLiftSum;

    CustomerSimulator(GeneratorConfig config, LineWriter customers, LineWriter orders,
            LineWriter engagement, LineWriter treatments) {
        this.config = config;
        this.season = new Seasonality(config.startEpochDay());
        this.startSecond = config.startEpochDay() * DAY;
        this.treatmentDay = config.treatmentDay();
        this.treatedAt = config.treatedAt().toString();
        this.programId = config.programId();
        this.customers = customers;
        this.treatments = treatments;
        this.orders = new OrderEmitter(orders, config.periodEnd().getEpochSecond());
        this.engagement = new EngagementEmitter(engagement, startSecond, config.days());
        this.idWidth = Math.max(7, Integer.toString(config.customers()).length());
    }

    void simulate(int index) {
        long key = mix(config.seed() ^ mix(index + 0x5851F42D4C957F2DL));
        SplittableRandom natural = new SplittableRandom(key);
        SplittableRandom armStream = new SplittableRandom(mix(key + 1));
        SplittableRandom liftStream = new SplittableRandom(mix(key + 2));
        byte[] digits = digits(index + 1);

        CustomerProfile customer = CustomerProfile.draw(natural, config.days());
        archetypeCounts[customer.archetype().ordinal()]++;
        int purchases = naturalPurchases(natural, customer);
        boolean boughtBefore = false;
        boolean boughtInLapse = false;
        boolean boughtInHorizon = false;
        for (int i = 0; i < purchases; i++) {
            double day = Math.floor(purchaseDays[i]);
            boughtBefore |= day >= 0 && day < treatmentDay;
            boughtInLapse |= day >= treatmentDay - GeneratorConfig.LAPSE_DAYS && day < treatmentDay;
            boughtInHorizon |= day >= treatmentDay && day < treatmentDay + GeneratorConfig.HORIZON_DAYS;
        }
        boolean isEligible = boughtBefore && !boughtInLapse;
        boolean holdout = armStream.nextDouble() < config.holdoutShare();
        boolean extraOrder = false;
        if (isEligible) {
            double p = customer.purchaseProbability(season, treatmentDay, treatmentDay + GeneratorConfig.HORIZON_DAYS);
            double lift = config.plantedLift();
            eligible++;
            expectedLiftSum += Math.min(lift, 1 - p);
            if (!holdout) {
                treated++;
                boolean coin = p < 1 && liftStream.nextDouble() < Math.min(1, lift / (1 - p));
                extraOrder = coin && !boughtInHorizon;
            }
        }

        log.clear();
        int sequence = 1;
        long firstOrder = Long.MAX_VALUE;
        for (int i = 0; i < purchases; i++) {
            if (purchaseDays[i] >= 0) {
                long at = startSecond + (long) Math.floor(purchaseDays[i]) * DAY + secondOfDay(natural);
                firstOrder = Math.min(firstOrder, at);
                sequence = orders.emit(natural, customer, digits, sequence, at, log);
            }
        }
        int naturalOrders = log.size();
        if (extraOrder) {
            long day = treatmentDay + liftStream.nextInt(GeneratorConfig.HORIZON_DAYS);
            orders.emit(liftStream, customer, digits, sequence, startSecond + day * DAY + secondOfDay(liftStream), log);
        }

        engagement.begin(customer);
        engagement.background(natural, customer, digits);
        engagement.aroundOrders(natural, customer, digits, log, 0, naturalOrders);
        long treatedSecond = startSecond + treatmentDay * DAY;
        boolean byEmail = engagement.consentAt(treatedSecond);
        if (isEligible && !holdout) {
            engagement.campaign(liftStream, digits, treatedSecond, byEmail);
            engagement.aroundOrders(liftStream, customer, digits, log, naturalOrders, log.size());
        }

        long signup = Math.min(startSecond + (long) Math.floor(customer.signup() * DAY), firstOrder - 60);
        customers.id('C', digits, -1)
                .timestamp(signup)
                .text(engagement.consentAt(Long.MAX_VALUE) ? "true" : "false")
                .text(Catalog.COUNTRIES[customer.country()])
                .text(email(digits))
                .text(phone(digits))
                .end();
        if (isEligible) {
            treatments.text(programId)
                    .id('C', digits, -1)
                    .text(treatedAt)
                    .text(holdout ? HOLDOUT : TREATMENT)
                    .text(byEmail ? "email" : "sms")
                    .text(holdout ? "0.00" : GeneratorConfig.TREATMENT_COST)
                    .end();
        }
    }

    /** Natural purchase times (days from period start, before its end), first purchase included. */
    private int naturalPurchases(SplittableRandom random, CustomerProfile customer) {
        if (!customer.archetype().buys() || customer.firstPurchase() >= config.days()) {
            return 0;
        }
        int count = 0;
        purchaseDays[count++] = customer.firstPurchase();
        if (customer.rate() > 0) {
            double until = Math.min(customer.dropOut(), config.days());
            double candidateMean = 1 / (customer.rate() * Seasonality.MAX);
            for (double t = customer.firstPurchase() + Draw.exponential(random, candidateMean); t < until;
                    t += Draw.exponential(random, candidateMean)) {
                if (random.nextDouble() * Seasonality.MAX < season.factor(t)) {
                    if (count == purchaseDays.length) {
                        purchaseDays = Arrays.copyOf(purchaseDays, count * 2);
                    }
                    purchaseDays[count++] = t;
                }
            }
        }
        return count;
    }

    private static long secondOfDay(SplittableRandom random) {
        int hour = Catalog.HOUR_WEIGHT.draw(random);
        return Math.max(1, hour * 3600L + random.nextInt(3600));
    }

    private byte[] digits(int number) {
        byte[] digits = new byte[idWidth];
        for (int i = idWidth - 1; i >= 0; i--, number /= 10) {
            digits[i] = (byte) ('0' + number % 10);
        }
        return digits;
    }

    /** SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long[] archetypeCounts() {
        return archetypeCounts.clone();
    }

    long eligible() {
        return eligible;
    }

    long treated() {
        return treated;
    }

    /** Mean over eligible customers of {@code min(L, 1 - p_i)}: the lift the files should show. */
    double expectedLift() {
        return eligible == 0 ? 0 : expectedLiftSum / eligible;
    }

    long orders() {
        return orders.orders();
    }

    long returns() {
        return orders.returns();
    }

    /**
     * A synthetic address of the reserved domain example.com, in mixed case so that the demo shows
     * the normalisation (trimmed, lower-cased) before hashing. Made from the id, not drawn: no
     * random stream moves.
     */
    static String email(byte[] digits) {
        return "Customer-C" + new String(digits, java.nio.charset.StandardCharsets.US_ASCII) + "@Example.com";
    }

    /**
     * A fictitious phone number, written as people do: Ofcom's range for drama, +44 7700 900000 to
     * 900999, by the id's last three digits (so customers share numbers), never a real line.
     */
    static String phone(byte[] digits) {
        String id = new String(digits, java.nio.charset.StandardCharsets.US_ASCII);
        String last = ("000" + id).substring(id.length());
        return "+44 7700 900" + last;
    }
}
