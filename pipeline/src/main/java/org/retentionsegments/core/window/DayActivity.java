package org.retentionsegments.core.window;

import java.util.HashMap;
import java.util.Map;
import org.retentionsegments.core.EngagementType;

/**
 * One customer's activity on one UTC day, as the batch stage rolls it up: orders and money (with
 * the part placed at exactly midnight, which leaves the open window a day earlier), orders per
 * channel, spend per category, engagement events per type, and whether the customer signed up.
 * A mutable POJO so Flink serialises it without Kryo.
 */
public class DayActivity {
    public String customerId;
    public int day;
    public int orders;
    public int returnOrders;
    public double revenue;
    public double gross;
    public double returnAmount;
    public int discountedOrders;
    public int midnightOrders;
    public double midnightRevenue;
    public double midnightGross;
    public double midnightReturnAmount;
    public Map<String, Integer> channelOrders = new HashMap<>();
    public Map<String, Double> categorySpend = new HashMap<>();
    public int[] engagement = new int[EngagementType.COUNT];
    public int engagementEvents;
    public boolean signedUp;
    /** 1 consented, 0 refused, -1 unknown. */
    public int emailConsent = -1;
    /** The country the customers input gave at signup; null when none. */
    public String country;
    /** SHA-256 of the email the customers input gave at signup ({@code Contacts}); null when none. */
    public String emailSha256;
    /** SHA-256 of the E.164 phone the customers input gave at signup; null when none. */
    public String phoneSha256;

    public DayActivity() {}

    public boolean hasOrders() {
        return orders > 0 || returnOrders > 0 || revenue != 0.0;
    }

    public boolean hasEngagement() {
        return engagementEvents > 0;
    }

    /** Adds another rollup of the same customer and day. */
    public void merge(DayActivity other) {
        orders += other.orders;
        returnOrders += other.returnOrders;
        revenue += other.revenue;
        gross += other.gross;
        returnAmount += other.returnAmount;
        discountedOrders += other.discountedOrders;
        midnightOrders += other.midnightOrders;
        midnightRevenue += other.midnightRevenue;
        midnightGross += other.midnightGross;
        midnightReturnAmount += other.midnightReturnAmount;
        other.channelOrders.forEach((k, v) -> channelOrders.merge(k, v, Integer::sum));
        other.categorySpend.forEach((k, v) -> categorySpend.merge(k, v, Double::sum));
        for (int i = 0; i < engagement.length; i++) {
            engagement[i] += other.engagement[i];
        }
        engagementEvents += other.engagementEvents;
        signedUp |= other.signedUp;
        if (other.country != null) {
            country = other.country;
        }
        if (other.emailSha256 != null) {
            emailSha256 = other.emailSha256;
        }
        if (other.phoneSha256 != null) {
            phoneSha256 = other.phoneSha256;
        }
        if (other.emailConsent >= 0) {
            emailConsent = other.emailConsent;
        }
    }

    /** Parses a packed list "a=2;b=5" of counts. */
    public static Map<String, Integer> counts(String packed) {
        Map<String, Integer> out = new HashMap<>();
        forEach(packed, (k, v) -> out.merge(k, (int) Math.round(v), Integer::sum));
        return out;
    }

    /** Parses a packed list "a=2.5;b=5" of amounts. */
    public static Map<String, Double> amounts(String packed) {
        Map<String, Double> out = new HashMap<>();
        forEach(packed, (k, v) -> out.merge(k, v, Double::sum));
        return out;
    }

    /** Parses packed engagement counts into an array indexed by {@link EngagementType}. */
    public static int[] engagement(String packed) {
        int[] out = new int[EngagementType.COUNT];
        forEach(packed, (k, v) -> out[EngagementType.of(k).ordinal()] += (int) Math.round(v));
        return out;
    }

    private static void forEach(String packed, java.util.function.ObjDoubleConsumer<String> action) {
        if (packed == null || packed.isEmpty()) {
            return;
        }
        for (String pair : packed.split(";")) {
            int eq = pair.lastIndexOf('=');
            if (eq > 0) {
                action.accept(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
            }
        }
    }
}
