package org.retentionsegments.core;

import java.time.Instant;

/**
 * A customer's entry into a retention program, in the treated or the holdout arm.
 * Natural key: (program_id, customer_id, treated_ts).
 *
 * @param segment the segment the customer was in when treated (null when unknown, e.g. external)
 * @param source {@code always_on} for the pipeline's own programs, {@code input} for rows read
 */
public record Treatment(
        String programId,
        String customerId,
        Instant treatedTs,
        Arm arm,
        String segment,
        String channel,
        Double cost,
        String source)
        implements WarehouseRow, CustomerRow {}
