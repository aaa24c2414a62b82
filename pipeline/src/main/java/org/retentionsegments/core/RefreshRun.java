package org.retentionsegments.core;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The accounting of one input of one run: read = accepted + rejected + duplicates.
 * Natural key: (run_id, source).
 *
 * @param source {@code orders}, {@code engagement}, {@code treatments} or {@code customers}
 * @param customers customers segmented at the end of the run
 */
public record RefreshRun(
        String runId,
        String source,
        Instant startedAt,
        Instant finishedAt,
        LocalDate asOf,
        long read,
        long accepted,
        long rejected,
        long duplicates,
        long customers)
        implements WarehouseRow {}
