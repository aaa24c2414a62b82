package org.retentionsegments.core;

/** The arm of a retention program a customer is in. */
public enum Arm {
    TREATMENT,
    HOLDOUT;

    /** The lower-case name used in files and in the warehouse. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@code treatment} or {@code holdout} (any case); null for anything else. */
    public static Arm parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "treatment" -> TREATMENT;
            case "holdout" -> HOLDOUT;
            default -> null;
        };
    }
}
