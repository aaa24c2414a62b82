package org.retentionsegments.core.refresh;

import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.cluster.ClusterModel;

/**
 * Where one customer lands at one refresh. Scores, recency and composite are null for a
 * customer who never ordered; {@code lifetimeF} and {@code lifetimeM} score the orders and the
 * money of the customer's whole history. The holdout arm is drawn apart ({@link Segmenter#arm}), only
 * where a row needs it.
 *
 * @param flags bit mask of {@link Flag#bit()}
 * @param segment index of the segment in the rules
 * @param cluster where the saved model puts the customer ({@code segmentation: clusters}, a
 *     customer with an order); null otherwise
 */
public record Placement(
        Integer recencyDays,
        Integer r,
        Integer f,
        Integer m,
        Integer lifetimeF,
        Integer lifetimeM,
        Double composite,
        LifecycleStage stage,
        int flags,
        int segment,
        ClusterModel.Assignment cluster) {

    /** The digits R F M, e.g. {@code "545"}; null without scores. */
    public String rfmCell() {
        return r == null ? null : "" + r + f + m;
    }

    public boolean has(Flag flag) {
        return flag.in(flags);
    }
}
