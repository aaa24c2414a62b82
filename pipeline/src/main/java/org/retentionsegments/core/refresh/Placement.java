package org.retentionsegments.core.refresh;

import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;

/**
 * Where one customer lands at one refresh. Scores, recency and composite are null for a
 * customer who never ordered. The holdout arm is drawn apart ({@link Segmenter#arm}), only
 * where a row needs it.
 *
 * @param flags bit mask of {@link Flag#bit()}
 * @param segment index of the segment in the rules
 */
public record Placement(
        Integer recencyDays,
        Integer r,
        Integer f,
        Integer m,
        Double composite,
        LifecycleStage stage,
        int flags,
        int segment) {

    /** The digits R F M, e.g. {@code "545"}; null without scores. */
    public String rfmCell() {
        return r == null ? null : "" + r + f + m;
    }

    public boolean has(Flag flag) {
        return flag.in(flags);
    }
}
