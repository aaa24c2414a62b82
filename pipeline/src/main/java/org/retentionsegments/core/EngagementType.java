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
