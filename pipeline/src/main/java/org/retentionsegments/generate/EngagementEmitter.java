package org.retentionsegments.generate;

import java.util.SplittableRandom;
import org.retentionsegments.core.EngagementType;

/**
 * Writes a customer's engagement: a background Poisson stream at the archetype's rate from signup
 * until drop-out that then fades exponentially (so prospects engage without buying and churned
 * customers go quiet), plus bursts around each order (visits before it, product usage after it,
 * support tickets after returns) and reactions to the program's message.
 */
final class EngagementEmitter {

    /** Days over which background engagement fades after drop-out. */
    static final double FADE_DAYS = 40;
    private static final long DAY = 86_400L;
    private static final EngagementType[] TYPES = EngagementType.values();
    private static final String[] LABELS = new String[TYPES.length];

    static {
        for (EngagementType type : TYPES) {
            LABELS[type.ordinal()] = type.label();
        }
    }

    private static final Weights[] MIXES = new Weights[8];

    static {
        for (int i = 0; i < MIXES.length; i++) {
            MIXES[i] = mix((i & 4) != 0, (i & 2) != 0, (i & 1) != 0);
        }
    }

    private static final String[] CHANNEL_OF_TYPE = {
        "email", "email", "web", "app", "app", "app", "sms", "support", "email", "web", "email"
    };

    private final LineWriter out;
    private final long periodStartSecond;
    private final long periodEndSecond;
    private final int periodDays;
    private boolean consentGiven;
    private long unsubscribedAt;
    private int sequence;

    EngagementEmitter(LineWriter out, long periodStartSecond, int periodDays) {
        this.out = out;
        this.periodStartSecond = periodStartSecond;
        this.periodEndSecond = periodStartSecond + periodDays * DAY;
        this.periodDays = periodDays;
    }

    /** Starts a customer: event numbers from 0, consent as given at signup. */
    void begin(CustomerProfile customer) {
        consentGiven = customer.emailConsent();
        unsubscribedAt = Long.MAX_VALUE;
        sequence = 0;
    }

    /** Email consent at {@code epochSecond}, given the {@code unsubscribe} events written so far. */
    boolean consentAt(long epochSecond) {
        return consentGiven && (unsubscribedAt == Long.MAX_VALUE || epochSecond < unsubscribedAt);
    }

    void background(SplittableRandom random, CustomerProfile customer, byte[] digits) {
        double rate = customer.archetype().engagementPerDay;
        double from = Math.max(0, customer.signup());
        double until = Math.min(periodDays, customer.dropOut() + 5 * FADE_DAYS);
        for (double t = from + Draw.exponential(random, 1 / rate); t < until;
                t += Draw.exponential(random, 1 / rate)) {
            if (t > customer.dropOut()
                    && random.nextDouble() >= StrictMath.exp(-(t - customer.dropOut()) / FADE_DAYS)) {
                continue;
            }
            long at = periodStartSecond + (long) (t * DAY);
            EngagementType type = TYPES[mix(customer, consentAt(at)).draw(random)];
            write(digits, at, type);
            if (type == EngagementType.UNSUBSCRIBE) {
                unsubscribedAt = at;
            }
        }
    }

    /** Visits before each logged order, usage after it, tickets after returns. */
    void aroundOrders(SplittableRandom random, CustomerProfile customer, byte[] digits, ActivityLog log,
            int from, int to) {
        for (int i = from; i < to; i++) {
            long at = log.time(i);
            int channel = log.channel(i);
            int visits = channel == Catalog.STORE
                    ? (Draw.chance(random, 0.3) ? 1 : 0)
                    : 1 + (Draw.chance(random, 0.6) ? 1 : 0) + (Draw.chance(random, 0.3) ? 1 : 0);
            EngagementType visit = channel == Catalog.APP ? EngagementType.APP_SESSION : EngagementType.SITE_VISIT;
            for (int v = 0; v < visits; v++) {
                write(digits, at - (long) (random.nextDouble() * 1.5 * DAY), visit);
            }
            if (consentAt(at) && Draw.chance(random, 0.15)) {
                write(digits, at - (long) (random.nextDouble() * 3 * DAY), EngagementType.EMAIL_CLICK);
            }
            if (customer.appUser() && Draw.chance(random, 0.3)) {
                write(digits, at + (long) (random.nextDouble() * 7 * DAY), EngagementType.PRODUCT_USAGE);
            }
            if (log.returned(i) && Draw.chance(random, 0.3)) {
                write(digits, at + (long) ((1 + random.nextDouble() * 9) * DAY), EngagementType.SUPPORT_TICKET);
            }
        }
    }

    /** Reactions to the program's message sent at {@code sentAt} over email or sms. */
    void campaign(SplittableRandom random, byte[] digits, long sentAt, boolean byEmail) {
        long at = sentAt + (long) (Draw.exponential(random, 0.5) * DAY);
        if (byEmail && Draw.chance(random, 0.35)) {
            write(digits, at, EngagementType.EMAIL_OPEN);
            if (Draw.chance(random, 0.25)) {
                write(digits, at + 60 + (long) (random.nextDouble() * 600), EngagementType.EMAIL_CLICK);
            }
        } else if (!byEmail && Draw.chance(random, 0.1)) {
            write(digits, at, EngagementType.SMS_CLICK);
        }
    }

    private static Weights mix(CustomerProfile customer, boolean consent) {
        return MIXES[(consent ? 4 : 0) + (customer.appUser() ? 2 : 0) + (customer.smsConsent() ? 1 : 0)];
    }

    /** Background event types for a customer with or without email consent, the app, sms consent. */
    private static Weights mix(boolean consent, boolean app, boolean sms) {
        double[] w = new double[TYPES.length];
        w[EngagementType.EMAIL_OPEN.ordinal()] = consent ? 0.35 : 0;
        w[EngagementType.EMAIL_CLICK.ordinal()] = consent ? 0.08 : 0;
        w[EngagementType.SITE_VISIT.ordinal()] = 0.30;
        w[EngagementType.APP_SESSION.ordinal()] = app ? 0.30 : 0;
        w[EngagementType.PRODUCT_USAGE.ordinal()] = app ? 0.10 : 0.02;
        w[EngagementType.PUSH_OPEN.ordinal()] = app ? 0.08 : 0;
        w[EngagementType.SMS_CLICK.ordinal()] = sms ? 0.04 : 0;
        w[EngagementType.SUPPORT_TICKET.ordinal()] = 0.01;
        w[EngagementType.UNSUBSCRIBE.ordinal()] = consent ? 0.004 : 0;
        w[EngagementType.OTHER.ordinal()] = 0;
        return new Weights(w);
    }

    private void write(byte[] digits, long at, EngagementType type) {
        if (at < periodStartSecond || at >= periodEndSecond) {
            return;
        }
        out.id('C', digits, -1)
                .timestamp(at)
                .text(LABELS[type.ordinal()])
                .text(CHANNEL_OF_TYPE[type.ordinal()])
                .id('E', digits, sequence++)
                .end();
    }
}
