package org.retentionsegments.flink;

import org.retentionsegments.core.refresh.RefreshScales;

/**
 * One refresh as the merge decided it, broadcast to every scoring task: the day (epoch day,
 * midnight starting it), the scales to score against, whether it is kept as a snapshot, whether it
 * is the last of a bounded run and whether it writes history only (a backfill writes
 * customer_segment once, at its last refresh), and the population size for the progress line.
 */
public record RefreshPlan(int day, RefreshScales scales, boolean keep, boolean last, boolean historyOnly,
        long customers) {}
