package org.retentionsegments.core;

import java.util.Locale;

/**
 * A behaviour flag (DESIGN section 4). A customer's flags are kept as a bit mask:
 * bit {@code ordinal()} is set when the flag holds.
 */
public enum Flag {
    HIGH_RETURN_RATE,
    SINGLE_CHANNEL,
    DISCOUNT_DEPENDENT,
    EMAIL_UNENGAGED;

    public static final int COUNT = values().length;
    /** Number of distinct flag masks. */
    public static final int MASKS = 1 << COUNT;

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }

    /** The key used in {@code segments.yaml}, e.g. {@code high_return_rate}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The flag with this label, or null. */
    public static Flag parse(String label) {
        for (Flag flag : values()) {
            if (flag.label().equals(label)) {
                return flag;
            }
        }
        return null;
    }
}
