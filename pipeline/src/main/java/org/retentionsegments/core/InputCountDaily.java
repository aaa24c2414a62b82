package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * The accounting of one input of a continuous job for one UTC day of event time:
 * read = accepted + rejected + duplicates. {@code late} counts the records that came after their
 * day was refreshed: rejected ({@code late_records: reject}; then a part of {@code rejected}) or
 * applied on the day the job was in ({@code next_refresh}; then counted on that day, as accepted).
 * Natural key: (run_id, source, event_day).
 */
public record InputCountDaily(String runId, String source, LocalDate eventDay, long read, long accepted,
        long rejected, long late, long duplicates) implements WarehouseRow {

    public InputCountDaily {
        if (read != accepted + rejected + duplicates) {
            throw new IllegalArgumentException("read " + read + " != accepted " + accepted + " + rejected " + rejected
                    + " + duplicates " + duplicates + " for " + source + " on " + eventDay);
        }
    }
}
