package org.retentionsegments.core;

import java.util.Locale;

/** The known engagement event types; anything else counts as {@link #OTHER}. */
public enum EngagementType {
    EMAIL_OPEN,
    EMAIL_CLICK,
    SITE_VISIT,
    APP_SESSION,
    PRODUCT_USAGE,
    PUSH_OPEN,
    SMS_CLICK,
    SUPPORT_TICKET,
    UNSUBSCRIBE,
    OTHER,
    /** An email that could not be delivered (a negative lead signal); after OTHER to keep the older types' numbers. */
    EMAIL_BOUNCE;

    public static final int COUNT = values().length;

    private static final int[] NO_COUNTS = new int[COUNT];
    private static final double[] NO_VALUES = new double[COUNT];

    /**
     * The counts, or one shared array of zeros in their place when every count is zero: most
     * customers' windows and facts have no engagement (an orders-only input, none of them), and
     * each array of their own was about 64 bytes per day in the window and per facts (decayed
     * values 104), held for as long as the customer is. Arrays so shared are only ever read.
     */
    public static int[] sharedIfNone(int[] counts) {
        if (counts == null || counts.length != COUNT) {
            return counts;
        }
        for (int c : counts) {
            if (c != 0) {
                return counts;
            }
        }
        return NO_COUNTS;
    }

    /** As {@link #sharedIfNone(int[])}, for values that are all positive zeros (to the bit). */
    public static double[] sharedIfNone(double[] values) {
        if (values == null || values.length != COUNT) {
            return values;
        }
        for (double v : values) {
            if (Double.doubleToRawLongBits(v) != 0L) {
                return values;
            }
        }
        return NO_VALUES;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps the open vocabulary of {@code event_type} onto the known types. */
    public static EngagementType of(String eventType) {
        if (eventType == null) {
            return OTHER;
        }
        try {
            return valueOf(eventType.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return OTHER;
        }
    }
}
