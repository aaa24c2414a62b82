package org.retentionsegments.warehouse;

import static org.retentionsegments.warehouse.jooq.Tables.ACTIVITY_DAILY;
import static org.retentionsegments.warehouse.jooq.Tables.ACTIVITY_LIVE;
import static org.retentionsegments.warehouse.jooq.Tables.CLUSTER_ASSIGNMENT;
import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_PREDICTION;
import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_SEGMENT;
import static org.retentionsegments.warehouse.jooq.Tables.INPUT_COUNT_DAILY;
import static org.retentionsegments.warehouse.jooq.Tables.REFRESH_RUN;
import static org.retentionsegments.warehouse.jooq.Tables.REJECTED_INPUT;
import static org.retentionsegments.warehouse.jooq.Tables.PURCHASE_CYCLE;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_CRITERIA;
import static org.retentionsegments.warehouse.jooq.Tables.SCORE_BOUNDARY;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_CONFIG;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_SNAPSHOT;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_TRANSITION;
import static org.retentionsegments.warehouse.jooq.Tables.TOPIC_DELIVERY;
import static org.retentionsegments.warehouse.jooq.Tables.TREATMENT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.retentionsegments.core.ActivityDay;
import org.retentionsegments.core.ClusterAssignment;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.ConfiguredSegment;
import org.retentionsegments.core.InputCountDaily;
import org.retentionsegments.core.LiveActivity;
import org.retentionsegments.core.RefreshRun;
import org.retentionsegments.core.RejectedInput;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.SegmentTransition;
import org.retentionsegments.core.TopicDelivery;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.config.Strategy;

/**
 * The pipeline's rows as table rows, in each table's column order (the migrations'): money
 * rounded to cents (DECIMAL(18,2), half-even), instants as UTC timestamps, enums as their
 * lower-case labels, {@code updated_at} the time of the write.
 */
final class RowTables {

    /** The current segment; an older refresh never replaces a newer one, in a call or stored. */
    static final RowTable<SegmentAssignment> CURRENT = new RowTable<>(CUSTOMER_SEGMENT, SegmentAssignment::customerId,
            (earlier, later) -> later.asOf().isBefore(earlier.asOf()) ? earlier : later,
            incoming -> CUSTOMER_SEGMENT.AS_OF.le(incoming.of(CUSTOMER_SEGMENT.AS_OF)), RowTables::assignment);
    static final RowTable<SegmentAssignment> SNAPSHOT = new RowTable<SegmentAssignment>(SEGMENT_SNAPSHOT,
            a -> new Key(a.customerId(), a.asOf(), null), RowTable.later(), RowTable.ALWAYS, RowTables::assignment)
            .orderedBy(SEGMENT_SNAPSHOT.AS_OF, SegmentAssignment::asOf);
    static final RowTable<SegmentTransition> TRANSITION = new RowTable<SegmentTransition>(SEGMENT_TRANSITION,
            t -> new Key(t.customerId(), t.asOf(), null), RowTable.later(), RowTable.ALWAYS, (t, stamp, out) -> {
                out.text(t.customerId());
                out.date(t.asOf());
                out.text(t.fromSegment());
                out.text(t.toSegment());
                out.text(stamp.configVersion());
            }).orderedBy(SEGMENT_TRANSITION.AS_OF, SegmentTransition::asOf);
    static final RowTable<ScoreBoundary> BOUNDARY = new RowTable<ScoreBoundary>(SCORE_BOUNDARY,
            b -> new Key(b.asOf(), b.dimension(), b.score()), RowTable.later(), RowTable.ALWAYS, (b, stamp, out) -> {
                out.date(b.asOf());
                out.text(b.dimension());
                out.int4(b.score());
                out.text(b.method());
                out.float8(b.lowerBound());
                out.float8(b.upperBound());
                out.int8(b.customers());
                out.text(stamp.configVersion());
            }).orderedBy(SCORE_BOUNDARY.AS_OF, ScoreBoundary::asOf);
    static final RowTable<ActivityDay> ACTIVITY = new RowTable<ActivityDay>(ACTIVITY_DAILY,
            d -> new Key(d.customerId(), d.activityDate(), null), RowTable.later(), RowTable.ALWAYS,
            (d, stamp, out) -> activity(out, d.customerId(), d.activityDate(), d.orders(), d.returnOrders(),
                    d.revenue(), d.returns(), d.engagementEvents()))
            .orderedBy(ACTIVITY_DAILY.ACTIVITY_DATE, ActivityDay::activityDate);
    /**
     * Today's activity: replaces the stored row only with a later day's, or the same day's with at
     * least as many records (a job restored from a checkpoint writes earlier counts of the day again
     * on its way back; they must not undo a later count already written).
     */
    static final RowTable<LiveActivity> LIVE = new RowTable<>(ACTIVITY_LIVE, LiveActivity::customerId,
            (earlier, later) -> later.activityDate().isBefore(earlier.activityDate())
                    || later.activityDate().equals(earlier.activityDate()) && later.records() < earlier.records()
                    ? earlier : later,
            incoming -> ACTIVITY_LIVE.ACTIVITY_DATE.lt(incoming.of(ACTIVITY_LIVE.ACTIVITY_DATE))
                    .or(ACTIVITY_LIVE.ACTIVITY_DATE.eq(incoming.of(ACTIVITY_LIVE.ACTIVITY_DATE))
                            .and(ACTIVITY_LIVE.RECORDS.le(incoming.of(ACTIVITY_LIVE.RECORDS)))),
            (d, stamp, out) -> {
                activity(out, d.customerId(), d.activityDate(), d.orders(), d.returnOrders(), d.revenue(), d.returns(),
                        d.engagementEvents());
                out.int4(d.records());
                out.timestamp(utc(d.lastEventAt()));
                out.timestamp(stamp.now());
            });
    static final RowTable<Treatment> TREATMENTS = new RowTable<Treatment>(TREATMENT,
            t -> new Key(t.programId(), t.customerId(), t.treatedTs()), RowTable.later(), RowTable.ALWAYS, (t, stamp, out) -> {
                out.text(t.programId());
                out.text(t.customerId());
                out.timestamp(utc(t.treatedTs()));
                out.text(label(t.arm()));
                out.text(t.segment());
                out.text(t.channel());
                out.decimal(t.cost() == null ? null : money(t.cost(), "cost", t.customerId()));
                out.text(t.source());
                out.text(stamp.configVersion());
            }).orderedBy(TREATMENT.TREATED_TS, t -> utc(t.treatedTs()));
    /** The continuous job's sends to its transitions topic: the message's own config_version, not the writer's. */
    static final RowTable<TopicDelivery> DELIVERIES = new RowTable<>(TOPIC_DELIVERY,
            d -> new Key(d.topic(), d.customerId(), d.asOf()), RowTable.later(), RowTable.ALWAYS, (d, stamp, out) -> {
                out.text(d.topic());
                out.text(d.customerId());
                out.date(d.asOf());
                out.text(d.fromSegment());
                out.text(d.toSegment());
                out.text(d.programId());
                out.text(label(d.arm()));
                out.text(d.configVersion());
            });
    static final RowTable<RefreshRun> RUN = new RowTable<>(REFRESH_RUN,
            r -> new Key(r.runId(), r.source(), null), RowTable.later(), RowTable.ALWAYS, (r, stamp, out) -> {
                out.text(r.runId());
                out.text(r.source());
                out.timestamp(utc(r.startedAt()));
                out.timestamp(utc(r.finishedAt()));
                out.date(r.asOf());
                out.int8(r.read());
                out.int8(r.accepted());
                out.int8(r.rejected());
                out.int8(r.duplicates());
                out.int8(r.customers());
                out.text(stamp.configVersion());
            });
    /** Rejected input has no key: inserts, skipping rows whose place the run already wrote (a replayed run clears its rows first). */
    static final RowTable<RejectedInput> REJECTED = new RowTable<>(REJECTED_INPUT, null, null, RowTable.ALWAYS,
            (r, stamp, out) -> {
                out.text(r.runId());
                out.text(r.source());
                out.text(r.rawText() == null ? "" : r.rawText());
                out.text(r.reason());
                out.text(r.inputFile());
                out.int8(r.inputLine());
            });
    static final RowTable<ConfiguredSegment> CONFIGURED = new RowTable<>(SEGMENT_CONFIG, ConfiguredSegment::segment,
            RowTable.later(), RowTable.ALWAYS, (c, stamp, out) -> {
                out.text(c.segment());
                out.bool(c.atRisk());
                out.timestamp(stamp.now());
                Strategy s = c.strategy();
                out.int4(c.segmentOrder());
                out.int4(c.engagementRank());
                out.text(c.description());
                out.int4(s == null ? null : s.priority());
                out.text(s == null ? null : s.name());
                out.text(s == null ? null : s.objective());
                out.text(s == null ? null : s.message());
                out.text(s == null ? null : s.channel());
                out.text(s == null ? null : s.cadence());
                out.text(s == null ? null : s.incentive().type());
                out.float8(s == null ? null : s.incentive().depthPct());
                out.decimal(s == null ? null : money(s.incentive().cap(), "incentive cap", c.segment()));
                out.bool(s == null ? null : s.highTouch());
                out.bool(s == null ? null : s.suppress());
                out.bool(s == null ? null : s.alwaysOn());
                out.text(c.programId());
                out.float8(s == null ? null : s.holdoutShare());
                out.bool(true);
                out.float8(s == null ? null : s.targetLift());
                out.text(stamp.configVersion());
                out.int4(s == null ? null : s.minSegmentSize());
            });

    static final RowTable<InputCountDaily> INPUT_DAILY = new RowTable<>(INPUT_COUNT_DAILY,
            c -> new Key(c.runId(), c.source(), c.eventDay()), RowTable.later(), RowTable.ALWAYS, (c, stamp, out) -> {
                out.text(c.runId());
                out.text(c.source());
                out.date(c.eventDay());
                out.int8(c.read());
                out.int8(c.accepted());
                out.int8(c.rejected());
                out.int8(c.late());
                out.int8(c.duplicates());
                out.timestamp(stamp.now());
            });

    static final RowTable<ClusterAssignment> CLUSTER = new RowTable<>(CLUSTER_ASSIGNMENT,
            c -> new Key(c.modelVersion(), c.asOf(), c.customerId()), RowTable.later(), RowTable.ALWAYS,
            (c, stamp, out) -> {
                out.text(c.modelVersion());
                out.date(c.asOf());
                out.text(c.customerId());
                out.int4(c.cluster());
                out.text(c.label());
                out.float8(c.distance());
                out.timestamp(stamp.now());
            });

    /**
     * Predictions are plain inserts: {@code PredictionStore.save} removes the refresh's rows first
     * and writes one per customer (an upsert's anti-join against every earlier refresh's rows made
     * a run's predictions at its kept refreshes several times slower).
     */
    static final RowTable<org.retentionsegments.core.CustomerPrediction> PREDICTION = new RowTable<>(CUSTOMER_PREDICTION,
            null, null, RowTable.ALWAYS, (p, stamp, out) -> {
                out.date(p.asOf());
                out.text(p.customerId());
                out.int4(p.repeatOrders());
                out.float8(p.recencyUnits());
                out.float8(p.ageUnits());
                out.float8(p.pAlive());
                out.float8(p.expectedOrders());
                out.float8(p.expectedSpend());
                out.float8(p.predictedValue());
            });

    static final RowTable<org.retentionsegments.core.PurchaseCycle> CYCLE = new RowTable<>(PURCHASE_CYCLE,
            c -> c.asOf(), RowTable.later(), RowTable.ALWAYS, (c, stamp, out) -> {
                out.date(c.asOf());
                out.float8(c.cycleDays());
                out.bool(c.measured());
                out.int8(c.repeatCustomers());
                out.float8(c.newWithinDays());
                out.float8(c.activeWithinDays());
                out.float8(c.lapsingWithinDays());
                out.timestamp(stamp.now());
                out.text(stamp.configVersion());
            });

    static final RowTable<org.retentionsegments.core.SegmentCriteria> CRITERIA = new RowTable<>(SEGMENT_CRITERIA,
            c -> new Key(c.asOf(), c.segment(), null), RowTable.later(), RowTable.ALWAYS, (c, stamp, out) -> {
                out.date(c.asOf());
                out.text(c.segment());
                out.text(c.criteria());
                out.timestamp(stamp.now());
                out.text(stamp.configVersion());
            });

    /** A natural key of two or three parts (the third null for two). */
    private record Key(Object a, Object b, Object c) {}

    private RowTables() {}

    /** The columns of {@code customer_segment}, and of {@code segment_snapshot}, which has the same. */
    private static void assignment(SegmentAssignment a, RowTable.Stamp stamp, ColumnSink out) throws SQLException {
        out.text(a.customerId());
        out.date(a.asOf());
        out.int4(a.recencyDays());
        out.int4(a.frequency());
        out.decimal(money(a.monetary(), "monetary", a.customerId()));
        out.int4(a.rScore());
        out.int4(a.fScore());
        out.int4(a.mScore());
        out.text(a.rfmCell());
        out.float8(a.compositeScore());
        out.text(a.lifecycleStage() == null ? null : a.lifecycleStage().label());
        out.bool(a.highReturnRate());
        out.bool(a.singleChannel());
        out.bool(a.discountDependent());
        out.bool(a.emailUnengaged());
        out.text(a.topCategory());
        out.float8(a.topCategoryShare());
        out.int4(a.engagement30());
        out.int4(a.engagement90());
        out.text(a.segment());
        out.text(a.strategy());
        out.text(label(a.arm()));
        out.timestamp(stamp.now());
        SegmentAssignment.Traits t = a.traits();
        out.int4(t.leadScore());
        out.text(t.leadClass());
        out.date(t.firstOrderDate());
        out.text(t.topChannel());
        out.float8(t.discountShare());
        out.float8(t.returnShare());
        out.text(t.topEngagement());
        out.bool(t.emailConsent());
        out.text(t.country());
        SegmentAssignment.Lifetime l = a.lifetime();
        out.int4(l.orders());
        out.decimal(money(l.revenue(), "lifetime_revenue", a.customerId()));
        out.decimal(money(l.peakWindowValue(), "peak_window_value", a.customerId()));
        out.int4(l.fScore());
        out.int4(l.mScore());
        out.bool(t.emailUnsubscribed());
        out.text(t.emailSha256());
        out.text(t.phoneSha256());
        out.text(stamp.configVersion());
    }

    /** The columns activity_daily and activity_live share, in their order: a customer's day. */
    private static void activity(ColumnSink out, String customerId, java.time.LocalDate day, int orders,
            int returnOrders, double revenue, double returns, int engagementEvents) throws SQLException {
        out.text(customerId);
        out.date(day);
        out.int4(orders);
        out.int4(returnOrders);
        out.decimal(money(revenue, "revenue", customerId));
        out.decimal(money(returns, "returns", customerId));
        out.int4(engagementEvents);
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * The amount in cents, half-even, as {@code BigDecimal.valueOf(amount).setScale(2, HALF_EVEN)}
     * gives it (the decimal Java prints for the double, rounded), without printing it when the
     * amount in cents lies clearly off a half cent: then the double and the printed decimal, at
     * most 114 units in the last place of the amount apart in cents (below 1.4e-5 cents for an
     * amount under 1e9), round to the same cent. {@code RowTablesTest} compares both ways on
     * sums, prices and half cents.
     */
    static BigDecimal money(double amount, String column, String customerId) {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException(
                    column + " of customer " + customerId + " is " + amount + ", not an amount");
        }
        if (Math.abs(amount) < 1e9) {
            double cents = amount * 100;
            double whole = Math.floor(cents);
            double fraction = cents - whole;
            if (Math.abs(fraction - 0.5) > 1e-4) {
                return BigDecimal.valueOf((long) whole + (fraction > 0.5 ? 1 : 0), 2);
            }
        }
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String label(Arm arm) {
        return arm == null ? null : arm.label();
    }
}
