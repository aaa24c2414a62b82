package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * One customer's place at one refresh: raw R/F/M, scores, lifecycle, behaviour flags, affinity,
 * segment, strategy and holdout arm. Prospects (never bought) have null recency and scores.
 *
 * @param arm the customer's arm in the program of the segment's strategy; null when the strategy
 *     runs no program ({@code always_on: false})
 * @param snapshot whether this refresh is kept in {@code segment_snapshot}
 * @param current whether it is the customer's current segment, for {@code customer_segment}: a
 *     bounded backfill writes only its final refresh there, the snapshots keep the history
 * @param traits the lead score and the facts personas are built from ({@link Traits#NONE} when
 *     not known)
 * @param lifetime the customer's value over its whole history ({@link Lifetime#NONE} when not known)
 */
public record SegmentAssignment(
        String customerId,
        LocalDate asOf,
        Integer recencyDays,
        int frequency,
        double monetary,
        Integer rScore,
        Integer fScore,
        Integer mScore,
        String rfmCell,
        Double compositeScore,
        LifecycleStage lifecycleStage,
        boolean highReturnRate,
        boolean singleChannel,
        boolean discountDependent,
        boolean emailUnengaged,
        String topCategory,
        Double topCategoryShare,
        int engagement30,
        int engagement90,
        String segment,
        String strategy,
        Arm arm,
        boolean snapshot,
        boolean current,
        Traits traits,
        Lifetime lifetime)
        implements WarehouseRow, CustomerRow {

    /**
     * The customer's value over its whole history, beside the window's.
     *
     * @param orders positive orders ever
     * @param revenue net amount ever (may be negative)
     * @param peakWindowValue the highest window monetary value the customer ever had
     * @param fScore lifetime frequency score 1-5; null for a prospect
     * @param mScore lifetime monetary score 1-5; null for a prospect
     */
    public record Lifetime(int orders, double revenue, double peakWindowValue, Integer fScore, Integer mScore) {

        public static final Lifetime NONE = new Lifetime(0, 0.0, 0.0, null, null);
    }

    /** An assignment without its lifetime value ({@link Lifetime#NONE}). */
    public SegmentAssignment(String customerId, LocalDate asOf, Integer recencyDays, int frequency,
            double monetary, Integer rScore, Integer fScore, Integer mScore, String rfmCell,
            Double compositeScore, LifecycleStage lifecycleStage, boolean highReturnRate,
            boolean singleChannel, boolean discountDependent, boolean emailUnengaged,
            String topCategory, Double topCategoryShare, int engagement30, int engagement90,
            String segment, String strategy, Arm arm, boolean snapshot, boolean current, Traits traits) {
        this(customerId, asOf, recencyDays, frequency, monetary, rScore, fScore, mScore, rfmCell,
                compositeScore, lifecycleStage, highReturnRate, singleChannel, discountDependent,
                emailUnengaged, topCategory, topCategoryShare, engagement30, engagement90, segment,
                strategy, arm, snapshot, current, traits, Lifetime.NONE);
    }

    /**
     * The lead score (for the customers {@code lead_scoring.yaml} scores) and per-customer facts
     * for segment personas.
     *
     * @param leadScore 0-100, null when the customer is not scored
     * @param leadClass cold, warm, hot or sales_ready; null when not scored
     * @param firstOrderDate day of the first positive order; null for a prospect
     * @param topChannel channel of most orders ever; null when none is known
     * @param discountShare share of the positive orders ever that carried a discount
     * @param returnShare window returns as a share of the window's gross order value
     * @param topEngagement the engagement type with most events in 90 days; null without any
     * @param emailConsent the latest consent given in the customers input; null when unknown
     * @param country the latest country of the customers input; null when unknown
     * @param emailUnsubscribed whether an {@code unsubscribe} event was ever seen
     * @param emailSha256 SHA-256 (lower-case hex) of the normalised email of the customers input; null when none
     * @param phoneSha256 SHA-256 (lower-case hex) of the E.164 phone of the customers input; null when none
     */
    public record Traits(
            Integer leadScore,
            String leadClass,
            LocalDate firstOrderDate,
            String topChannel,
            double discountShare,
            double returnShare,
            String topEngagement,
            Boolean emailConsent,
            String country,
            boolean emailUnsubscribed,
            String emailSha256,
            String phoneSha256) {

        public static final Traits NONE = new Traits(null, null, null, null, 0.0, 0.0, null, null, null);

        /** Traits without unsubscribe or contacts. */
        public Traits(Integer leadScore, String leadClass, LocalDate firstOrderDate, String topChannel,
                double discountShare, double returnShare, String topEngagement, Boolean emailConsent,
                String country) {
            this(leadScore, leadClass, firstOrderDate, topChannel, discountShare, returnShare, topEngagement,
                    emailConsent, country, false, null, null);
        }
    }

    /** An assignment without lead score or persona facts ({@link Traits#NONE}). */
    public SegmentAssignment(String customerId, LocalDate asOf, Integer recencyDays, int frequency,
            double monetary, Integer rScore, Integer fScore, Integer mScore, String rfmCell,
            Double compositeScore, LifecycleStage lifecycleStage, boolean highReturnRate,
            boolean singleChannel, boolean discountDependent, boolean emailUnengaged,
            String topCategory, Double topCategoryShare, int engagement30, int engagement90,
            String segment, String strategy, Arm arm, boolean snapshot, boolean current) {
        this(customerId, asOf, recencyDays, frequency, monetary, rScore, fScore, mScore, rfmCell,
                compositeScore, lifecycleStage, highReturnRate, singleChannel, discountDependent,
                emailUnengaged, topCategory, topCategoryShare, engagement30, engagement90, segment,
                strategy, arm, snapshot, current, Traits.NONE, Lifetime.NONE);
    }

    /** The same assignment, for the tables named. */
    public SegmentAssignment writtenTo(boolean snapshot, boolean current) {
        return new SegmentAssignment(customerId, asOf, recencyDays, frequency, monetary, rScore,
                fScore, mScore, rfmCell, compositeScore, lifecycleStage, highReturnRate,
                singleChannel, discountDependent, emailUnengaged, topCategory, topCategoryShare,
                engagement30, engagement90, segment, strategy, arm, snapshot, current, traits, lifetime);
    }
}
