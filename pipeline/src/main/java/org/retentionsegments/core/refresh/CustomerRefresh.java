package org.retentionsegments.core.refresh;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.ClusterAssignment;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.EngagementType;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.SegmentTransition;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.LeadScoring;
import org.retentionsegments.core.config.Strategy;

/**
 * One customer's part of a refresh: placed against the refresh's scales, then, in order, a
 * {@code SegmentTransition} when the segment changed (from null on first sight), a
 * {@code Treatment} when the customer entered a segment whose strategy is always-on, and, when
 * the refresh assigns, a {@code SegmentAssignment} with {@code snapshot = true} and, when the
 * refresh is kept as a snapshot with {@code segmentation: clusters}, the customer's
 * {@code ClusterAssignment}. Needs nothing
 * of other customers, so a refresh can run on any number of tasks.
 */
public final class CustomerRefresh {

    /** The segment of a customer not placed yet. */
    public static final byte NONE = -1;

    /** What the rows of one refresh add up to, per task. */
    public static final class Tally {
        public long customers;
        public long transitions;
        public long treatments;
        public long assignments;
    }

    private final Segmenter segmenter;

    public CustomerRefresh(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    /** Places the customer and emits its rows; returns the segment it is now in. */
    /**
     * @param keep whether the refresh writes the customer's assignment (a snapshot, a current row, or both)
     * @param snapshot whether the refresh is kept as a snapshot (cluster_assignment keeps those only)
     */
    public byte refresh(CustomerFacts facts, byte previous, RefreshScales scales, LocalDate asOf, boolean keep,
            boolean snapshot, Consumer<WarehouseRow> out, Tally tally) {
        Placement p = segmenter.place(facts, scales);
        String customerId = facts.customerId();
        Arm arm = null; // drawn at most once, only for a customer that gets a row
        tally.customers++;
        if (p.segment() != previous) {
            String from = previous == NONE ? null : segmenter.segmentName(previous);
            out.accept(new SegmentTransition(customerId, asOf, from, segmenter.segmentName(p.segment())));
            tally.transitions++;
            Strategy strategy = segmenter.strategy(p.segment());
            if (strategy.alwaysOn()) {
                arm = segmenter.arm(p.segment(), customerId);
                out.accept(treatment(asOf, customerId, p, arm, strategy));
                tally.treatments++;
            }
        }
        if (keep) {
            out.accept(assignment(asOf, facts, p, arm != null ? arm : segmenter.arm(p.segment(), customerId)));
            tally.assignments++;
            if (snapshot && p.cluster() != null) {
                out.accept(new ClusterAssignment(segmenter.clusterModel().version(), asOf, customerId,
                        p.cluster().cluster(), p.cluster().label(), p.cluster().distance()));
            }
        }
        return (byte) p.segment();
    }

    /** The name of a segment index, null for {@link #NONE}. */
    public String segmentName(byte segment) {
        return segment == NONE ? null : segmenter.segmentName(segment);
    }

    private Treatment treatment(LocalDate asOf, String customerId, Placement p, Arm arm, Strategy s) {
        return new Treatment(s.programId(), customerId,
                asOf.atStartOfDay(ZoneOffset.UTC).toInstant(), arm,
                segmenter.segmentName(p.segment()), s.channel(),
                arm == Arm.TREATMENT ? s.contactCost() : 0.0, "always_on");
    }

    private SegmentAssignment assignment(LocalDate asOf, CustomerFacts f, Placement p, Arm arm) {
        return new SegmentAssignment(f.customerId(), asOf, p.recencyDays(), f.frequency(),
                f.monetary(), p.r(), p.f(), p.m(), p.rfmCell(), p.composite(), p.stage(),
                p.has(Flag.HIGH_RETURN_RATE), p.has(Flag.SINGLE_CHANNEL),
                p.has(Flag.DISCOUNT_DEPENDENT), p.has(Flag.EMAIL_UNENGAGED),
                f.topCategory(), f.topCategory() == null ? null : f.topCategoryShare(),
                f.engagement30Total(), f.engagement90Total(),
                segmenter.segmentName(p.segment()), segmenter.strategy(p.segment()).name(),
                arm, true, true, traits(f, (int) asOf.toEpochDay()),
                new SegmentAssignment.Lifetime(f.lifetimeOrders(), f.lifetimeNet(), f.peakWindowValue(),
                        p.lifetimeF(), p.lifetimeM()));
    }

    /** The lead score (for the customers lead_scoring.yaml scores) and the persona facts. */
    private SegmentAssignment.Traits traits(CustomerFacts f, int day) {
        LeadScoring scoring = segmenter.leadScoring();
        LeadScoring.Lead lead = scoring.scores(f) ? scoring.score(f, day) : null;
        EngagementType top = f.topEngagement();
        return new SegmentAssignment.Traits(
                lead == null ? null : lead.score(),
                lead == null ? null : lead.leadClass().label(),
                f.firstOrderDay() == CustomerFacts.NEVER ? null : LocalDate.ofEpochDay(f.firstOrderDay()),
                f.topChannel(),
                f.discountedOrderShare(),
                f.windowGross() > 0 ? Math.min(1.0, f.windowReturns() / f.windowGross()) : 0.0,
                top == null ? null : top.label(),
                f.emailConsent() < 0 ? null : f.emailConsent() == 1,
                f.country(),
                f.unsubscribed(),
                f.emailSha256(),
                f.phoneSha256());
    }
}
