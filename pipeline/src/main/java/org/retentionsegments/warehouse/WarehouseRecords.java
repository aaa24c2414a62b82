package org.retentionsegments.warehouse;

import static org.retentionsegments.warehouse.jooq.Tables.ACTIVITY_DAILY;
import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_SEGMENT;
import static org.retentionsegments.warehouse.jooq.Tables.REFRESH_RUN;
import static org.retentionsegments.warehouse.jooq.Tables.SCORE_BOUNDARY;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_CONFIG;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_SNAPSHOT;
import static org.retentionsegments.warehouse.jooq.Tables.TREATMENT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.TableRecord;
import org.retentionsegments.core.ActivityDay;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.ConfiguredSegment;
import org.retentionsegments.core.RefreshRun;
import org.retentionsegments.core.RejectedInput;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.SegmentTransition;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.warehouse.jooq.tables.records.ActivityDailyRecord;
import org.retentionsegments.warehouse.jooq.tables.records.CustomerSegmentRecord;
import org.retentionsegments.warehouse.jooq.tables.records.RefreshRunRecord;
import org.retentionsegments.warehouse.jooq.tables.records.RejectedInputRecord;
import org.retentionsegments.warehouse.jooq.tables.records.ScoreBoundaryRecord;
import org.retentionsegments.warehouse.jooq.tables.records.SegmentConfigRecord;
import org.retentionsegments.warehouse.jooq.tables.records.SegmentTransitionRecord;
import org.retentionsegments.warehouse.jooq.tables.records.TreatmentRecord;

/**
 * Maps the pipeline's row records onto the generated jOOQ records: money rounded to cents
 * (DECIMAL(18,2), half-even), instants as UTC timestamps, enums as their lower-case labels.
 */
final class WarehouseRecords {

    private WarehouseRecords() {}

    /** A {@code customer_segment} record; {@link #snapshot} gives the same columns for history. */
    static CustomerSegmentRecord customerSegment(SegmentAssignment a, LocalDateTime updatedAt) {
        CustomerSegmentRecord r = CUSTOMER_SEGMENT.newRecord();
        r.setCustomerId(a.customerId());
        r.setAsOf(a.asOf());
        r.setRecencyDays(a.recencyDays());
        r.setFrequency(a.frequency());
        r.setMonetary(money(a.monetary(), "monetary", a.customerId()));
        r.setRScore(a.rScore());
        r.setFScore(a.fScore());
        r.setMScore(a.mScore());
        r.setRfmCell(a.rfmCell());
        r.setCompositeScore(a.compositeScore());
        r.setLifecycleStage(a.lifecycleStage() == null ? null : a.lifecycleStage().label());
        r.setHighReturnRate(a.highReturnRate());
        r.setSingleChannel(a.singleChannel());
        r.setDiscountDependent(a.discountDependent());
        r.setEmailUnengaged(a.emailUnengaged());
        r.setTopCategory(a.topCategory());
        r.setTopCategoryShare(a.topCategoryShare());
        r.setEngagement_30d(a.engagement30());
        r.setEngagement_90d(a.engagement90());
        r.setSegment(a.segment());
        r.setStrategy(a.strategy());
        r.setArm(label(a.arm()));
        r.setUpdatedAt(updatedAt);
        return r;
    }

    static TableRecord<?> snapshot(SegmentAssignment a, LocalDateTime updatedAt) {
        return customerSegment(a, updatedAt).into(SEGMENT_SNAPSHOT);
    }

    static SegmentTransitionRecord transition(SegmentTransition t) {
        return new SegmentTransitionRecord(t.customerId(), t.asOf(), t.fromSegment(), t.toSegment());
    }

    static ScoreBoundaryRecord boundary(ScoreBoundary b) {
        ScoreBoundaryRecord r = SCORE_BOUNDARY.newRecord();
        r.setAsOf(b.asOf());
        r.setDimension(b.dimension());
        r.setScore(b.score());
        r.setMethod(b.method());
        r.setLowerBound(b.lowerBound());
        r.setUpperBound(b.upperBound());
        r.setCustomers(b.customers());
        return r;
    }

    static ActivityDailyRecord activity(ActivityDay d) {
        ActivityDailyRecord r = ACTIVITY_DAILY.newRecord();
        r.setCustomerId(d.customerId());
        r.setActivityDate(d.activityDate());
        r.setOrders(d.orders());
        r.setReturnOrders(d.returnOrders());
        r.setRevenue(money(d.revenue(), "revenue", d.customerId()));
        r.setReturns(money(d.returns(), "returns", d.customerId()));
        r.setEngagementEvents(d.engagementEvents());
        return r;
    }

    static TreatmentRecord treatment(Treatment t) {
        TreatmentRecord r = TREATMENT.newRecord();
        r.setProgramId(t.programId());
        r.setCustomerId(t.customerId());
        r.setTreatedTs(utc(t.treatedTs()));
        r.setArm(label(t.arm()));
        r.setSegment(t.segment());
        r.setChannel(t.channel());
        r.setCost(t.cost() == null ? null : money(t.cost(), "cost", t.customerId()));
        r.setSource(t.source());
        return r;
    }

    static RefreshRunRecord run(RefreshRun run) {
        RefreshRunRecord r = REFRESH_RUN.newRecord();
        r.setRunId(run.runId());
        r.setSource(run.source());
        r.setStartedAt(utc(run.startedAt()));
        r.setFinishedAt(utc(run.finishedAt()));
        r.setAsOf(run.asOf());
        r.setReadRows(run.read());
        r.setAccepted(run.accepted());
        r.setRejected(run.rejected());
        r.setDuplicates(run.duplicates());
        r.setCustomers(run.customers());
        return r;
    }

    static RejectedInputRecord rejected(RejectedInput in) {
        RejectedInputRecord r = new RejectedInputRecord();
        r.setRunId(in.runId());
        r.setSource(in.source());
        r.setInputFile(in.inputFile());
        r.setInputLine(in.inputLine());
        r.setRawText(in.rawText() == null ? "" : in.rawText());
        r.setReason(in.reason());
        return r;
    }

    static SegmentConfigRecord configuredSegment(ConfiguredSegment c, LocalDateTime updatedAt) {
        SegmentConfigRecord r = SEGMENT_CONFIG.newRecord();
        r.setSegment(c.segment());
        r.setAtRisk(c.atRisk());
        r.setUpdatedAt(updatedAt);
        return r;
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static BigDecimal money(double amount, String column, String customerId) {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException(
                    column + " of customer " + customerId + " is " + amount + ", not an amount");
        }
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String label(Arm arm) {
        return arm == null ? null : arm.label();
    }
}
