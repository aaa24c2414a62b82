package org.retentionsegments.core;

/** Where a customer is in the relationship with the business (DESIGN section 4). */
public enum LifecycleStage {
    /** Known or engaged, never bought. */
    PROSPECT,
    /** First purchase recently. */
    NEW,
    /** Buying within the usual purchase cycle. */
    ACTIVE,
    /** Overdue against the purchase cycle. */
    LAPSING,
    /** Long overdue. */
    LAPSED,
    /** Bought again after having lapsed. */
    REACTIVATED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LifecycleStage parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
