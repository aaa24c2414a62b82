package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * One customer's place at one refresh: raw R/F/M, scores, lifecycle, behaviour flags, affinity,
 * segment, strategy and holdout arm. Prospects (never bought) have null recency and scores.
 *
 * @param snapshot whether this refresh is kept in {@code segment_snapshot}
 * @param current whether it is the customer's current segment, for {@code customer_segment}: a
 *     bounded backfill writes only its final refresh there, the snapshots keep the history
 */
public record SegmentAssignment(
        String customerId,
        LocalDate asOf,
        Integer recencyDays,
        int frequency,
        double monetary,
        Integer rScore,
        Integer fScore,
        Integer mScore,
        String rfmCell,
        Double compositeScore,
        LifecycleStage lifecycleStage,
        boolean highReturnRate,
        boolean singleChannel,
        boolean discountDependent,
        boolean emailUnengaged,
        String topCategory,
        Double topCategoryShare,
        int engagement30,
        int engagement90,
        String segment,
        String strategy,
        Arm arm,
        boolean snapshot,
        boolean current)
        implements WarehouseRow {

    /** The same assignment, for the tables named. */
    public SegmentAssignment writtenTo(boolean snapshot, boolean current) {
        return new SegmentAssignment(customerId, asOf, recencyDays, frequency, monetary, rScore,
                fScore, mScore, rfmCell, compositeScore, lifecycleStage, highReturnRate,
                singleChannel, discountDependent, emailUnengaged, topCategory, topCategoryShare,
                engagement30, engagement90, segment, strategy, arm, snapshot, current);
    }
}
