package org.retentionsegments.core;

/**
 * A row the pipeline writes to the warehouse. Each kind maps to one table (and
 * {@link SegmentAssignment} to two: {@code customer_segment} and, when the refresh is kept,
 * {@code segment_snapshot}); writes are idempotent upserts on the table's natural key.
 */
public sealed interface WarehouseRow
        permits SegmentAssignment, ScoreBoundary, SegmentTransition, Treatment, ActivityDay,
                RefreshRun, RejectedInput, ConfiguredSegment, InputCountDaily, ClusterAssignment, PurchaseCycle,
                SegmentCriteria, CustomerPrediction, TopicDelivery,
                LiveActivity {}
