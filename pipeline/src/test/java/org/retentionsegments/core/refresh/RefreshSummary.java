package org.retentionsegments.core.refresh;

/**
 * Counts of one refresh.
 *
 * @param customers customers placed (prospects included)
 * @param scored customers with scores (ever ordered)
 * @param transitions customers whose segment changed (first sight included)
 * @param treatments always-on treatment rows written (both arms)
 * @param assignments segment assignment rows written (0 unless the refresh is kept)
 */
public record RefreshSummary(
        long customers, long scored, long transitions, long treatments, long assignments,
        double cycleDays) {}
