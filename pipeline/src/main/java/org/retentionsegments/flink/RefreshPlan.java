package org.retentionsegments.flink;

import org.retentionsegments.core.refresh.RefreshScales;

/**
 * One refresh as the merge decided it, broadcast to every scoring task: the day (epoch day,
 * midnight starting it), the scales to score against, whether it is kept as a snapshot, whether it
 * is the last of a bounded run, whether it writes every customer's current row (a backfill writes
 * customer_segment once, at its last refresh; a continuous job at every refresh once it has
 * caught up with the clock), whether it is live (a continuous job's refresh of a recent day, whose
 * transitions go to the transitions topic), and the population size for the progress line.
 */
public record RefreshPlan(int day, RefreshScales scales, boolean keep, boolean last, boolean current,
        boolean live, long customers) {

    /** Whether customers get an assignment row at this refresh (a snapshot, a current row, or both). */
    public boolean assigns() {
        return keep || current;
    }
}
