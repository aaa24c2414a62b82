package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * A segment's rule in words at one kept refresh, with its score ranges in days, orders and money
 * at that refresh's boundaries. Natural key: {@code (as_of, segment)}.
 */
public record SegmentCriteria(LocalDate asOf, String segment, String criteria) implements WarehouseRow {}
