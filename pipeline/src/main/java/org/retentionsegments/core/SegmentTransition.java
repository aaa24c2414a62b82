package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * A customer moved into a segment at a refresh ({@code fromSegment} null on first sight).
 * Natural key: (customer_id, as_of).
 */
public record SegmentTransition(
        String customerId, LocalDate asOf, String fromSegment, String toSegment)
        implements WarehouseRow, CustomerRow {}
