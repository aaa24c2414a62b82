package org.retentionsegments.flink;

import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_SEGMENT;

import java.time.LocalDate;
import org.retentionsegments.warehouse.Warehouse;

/** Small read-backs from the warehouse after a run. */
final class SegmentCounts {

    private SegmentCounts() {}

    /** Customers whose current segment was set by the refresh as of {@code asOf}. */
    static long customers(Warehouse warehouse, LocalDate asOf) {
        return warehouse.dsl().selectCount().from(CUSTOMER_SEGMENT)
                .where(CUSTOMER_SEGMENT.AS_OF.eq(asOf)).fetchOne(0, long.class);
    }
}
