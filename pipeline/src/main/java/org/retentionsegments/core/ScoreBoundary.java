package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * One score bucket of one dimension at one refresh: the raw-value range that earns the score and
 * how many customers actually got it. Natural key: (as_of, dimension, score).
 *
 * @param dimension {@code recency}, {@code frequency} or {@code monetary}
 * @param method the tier method used: {@code quantile}, {@code fixed} or {@code cycle}
 * @param lowerBound the boundary below the bucket (null for the lowest bucket)
 * @param upperBound the boundary above the bucket (null for the highest bucket)
 */
public record ScoreBoundary(
        LocalDate asOf,
        String dimension,
        String method,
        int score,
        Double lowerBound,
        Double upperBound,
        long customers)
        implements WarehouseRow {}
