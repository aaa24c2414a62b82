package org.retentionsegments.core.config;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Which refreshes are kept in {@code segment_snapshot}: the first refresh of each calendar
 * month, of each ISO week, or every refresh. The final refresh of a run is always kept (the
 * caller knows which one is final and passes it).
 */
public enum SnapshotPolicy {
    MONTH,
    WEEK,
    REFRESH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the refresh on {@code day} is kept.
     *
     * @param previous the previous refresh of this run or job, null when {@code day} is the first
     * @param isFinal whether this is the last refresh of a bounded run
     */
    public boolean keeps(LocalDate previous, LocalDate day, boolean isFinal) {
        if (isFinal || previous == null || this == REFRESH) {
            return true;
        }
        return switch (this) {
            case MONTH -> previous.getYear() != day.getYear()
                    || previous.getMonthValue() != day.getMonthValue();
            case WEEK -> previous.get(IsoFields.WEEK_BASED_YEAR) != day.get(IsoFields.WEEK_BASED_YEAR)
                    || previous.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                            != day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case REFRESH -> true;
        };
    }

    static SnapshotPolicy parse(YamlNode node, String key) {
        String value = node.string(key, "month");
        return switch (value) {
            case "month" -> MONTH;
            case "week" -> WEEK;
            case "refresh" -> REFRESH;
            default -> throw node.failAt(key, key + " '" + value + "' is not one of month, week, refresh");
        };
    }
}
