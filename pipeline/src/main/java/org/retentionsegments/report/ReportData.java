package org.retentionsegments.report;

import java.time.LocalDate;
import java.util.List;
import org.retentionsegments.core.segment.ContractResult;
import org.retentionsegments.core.segment.TierCheck;

/**
 * Everything the report shows from the warehouse for one kept refresh.
 *
 * @param url the warehouse, without a password
 * @param previousAsOf the kept refresh before {@code asOf}, or null
 * @param run the latest run's input accounting, or null when no run was recorded
 * @param leads the lead classes at {@code asOf} and how they converted
 * @param boundaries the score boundaries of {@code asOf} and the customers of each score (score_boundary)
 * @param cycle the purchase cycle of {@code asOf} and the lifecycle thresholds it set; null when
 *     the warehouse has none (written before purchase_cycle existed)
 * @param personas the rows of segment_persona (the current refresh of customer_segment, which may
 *     be later than {@code asOf}), empty when the warehouse has none
 * @param contracts the data contracts of segments.yaml checked on {@code asOf}, in rule order
 * @param scores how the scores of the latest kept snapshot whose horizon has passed sorted the
 *     customers who bought again (not necessarily {@code asOf}: its horizon may still be open)
 * @param predictions the latest prediction of ./segments predict by segment and the check of the
 *     latest whose horizon has passed; {@link PredictionText.Predictions#NONE} when there is none
 * @param power the rows of holdout_power (one per row of {@code lift})
 * @param cuped the rows of holdout_lift_cuped (one per row of {@code lift})
 * @param signals which signals still tell who bought again within segments, at the snapshot and
 *     horizon of {@code scores} (signal_value); {@link SignalText.Signals#NONE} when there is none
 * @param budget today's spread (the treatment cost of the last days up to the latest refresh)
 *     reallocated by budget_allocation; null: {@link BudgetSection.Budget#NONE}
 * @param validation the rows of segment_validation (ReviewQueries), one per configured segment in report order
 */
record ReportData(
        String url,
        LocalDate asOf,
        LocalDate previousAsOf,
        List<SegmentRow> segments,
        List<Move> moves,
        List<LiftRow> lift,
        Run run,
        LeadText.Leads leads,
        List<PersonaRow> personas,
        List<org.retentionsegments.core.ScoreBoundary> boundaries,
        org.retentionsegments.core.PurchaseCycle cycle,
        List<ContractResult> contracts,
        ScoreText.Validation scores,
        PredictionText.Predictions predictions,
        List<PowerText.PowerRow> power,
        List<CupedText.CupedRow> cuped, SignalText.Signals signals,
        BudgetSection.Budget budget,
        List<java.util.Map<String, Object>> validation) {

    ReportData {
        budget = budget == null ? BudgetSection.Budget.NONE : budget;
        validation = validation == null ? List.of() : List.copyOf(validation);
        cuped = cuped == null ? List.of() : List.copyOf(cuped);
        signals = signals == null ? SignalText.Signals.NONE : signals;
        power = power == null ? List.of() : List.copyOf(power);
        predictions = predictions == null ? PredictionText.Predictions.NONE : predictions;
        personas = personas == null ? List.of() : List.copyOf(personas);
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
    }

    /** The contracts that fail on {@code asOf}. */
    List<ContractResult> failedContracts() {
        return contracts.stream().filter(c -> !c.passed()).toList();
    }

    /**
     * The notes on the tiers of {@code asOf} that ties left empty or crowded, and the segments of
     * {@code config} they starve ({@link TierCheck}); empty when the tiers are fine.
     */
    List<String> tierNotes(org.retentionsegments.core.config.ConfigBundle config) {
        return TierCheck.run(asOf, boundaries, config, java.util.Map.of()).notes();
    }

    /** The segment_persona row of a segment, or null. */
    PersonaRow persona(String segment) {
        return personas.stream().filter(p -> p.segment().equals(segment)).findFirst().orElse(null);
    }

    long customers() {
        return segments.stream().mapToLong(SegmentRow::customers).sum();
    }

    /** One row of segment_summary joined with segment_profile. */
    record SegmentRow(
            String segment,
            long customers,
            Double customerShare,
            Double revenue,
            Double revenueShare,
            Double revenueAtRisk,
            Double avgRecencyDays,
            Double avgFrequency,
            Double avgMonetary,
            Double highReturnRateShare,
            Double singleChannelShare,
            Double discountDependentShare,
            Double emailUnengagedShare,
            Double avgEngagement90d,
            String topCategory,
            Double topCategoryShare,
            Double avgLifetimeOrders,
            Double avgLifetimeRevenue,
            Double avgPeakWindowValue,
            long topLifetimeCustomers) {}

    /** One row of segment_persona: the measured behaviour of a segment's current customers. */
    record PersonaRow(
            LocalDate asOf,
            String segment,
            long customers,
            long customersWithOrders,
            Double medianRecencyDays,
            Double medianFrequency,
            Double avgOrderValue,
            Double medianTenureDays,
            List<Share> topCategories,
            Share topChannel,
            List<Share> topEngagements,
            Double engaged90dShare,
            Double avgDiscountShare,
            Double avgReturnShare,
            Double emailConsentShare,
            Double emailConsentUnknownShare,
            long leadScored,
            Double avgLeadScore,
            List<Share> leadClasses,
            List<Share> topCountries) {

        PersonaRow {
            topCountries = List.copyOf(topCountries);
            topCategories = List.copyOf(topCategories);
            topEngagements = List.copyOf(topEngagements);
            leadClasses = List.copyOf(leadClasses);
        }
    }

    /** A value and the share of the segment's customers it describes. */
    record Share(String value, Double share) {}

    /** One cell of segment_transition_matrix at {@code asOf}. */
    record Move(String from, String to, long customers, Double shareOfFrom) {}

    /**
     * One row of holdout_lift; {@code pValueAdjusted} the Benjamini-Hochberg p-value over the program's
     * segments; {@code revenueCiLow/High} the Welch interval of the incremental revenue;
     * {@code costPerRetainedCiLow/High} the interval of the cost per retained customer (high null: unbounded);
     * {@code measuredAs} 'delivered' (a measured effect) or 'assigned' (entries with no contact recorded);
     * {@code cost} = {@code contactCost} + {@code incentiveCost}.
     */
    record LiftRow(
            String program,
            String segment,
            Integer horizonDays,
            long treated,
            long holdout,
            Double treatedRate,
            Double holdoutRate,
            Double lift,
            Double ciLow,
            Double ciHigh,
            Double pValue,
            Double incrementalRetained,
            Double incrementalRevenue,
            Double revenueCiLow,
            Double revenueCiHigh,
            Double cost,
            Double costPerRetained,
            Double costPerRetainedCiLow,
            Double costPerRetainedCiHigh,
            Double pValueAdjusted,
            String measuredAs,
            Double contactCost,
            Double incentiveCost) {

        /** A row without the parts of its cost. */
        LiftRow(String program, String segment, Integer horizonDays, long treated, long holdout, Double treatedRate,
                Double holdoutRate, Double lift, Double ciLow, Double ciHigh, Double pValue, Double incrementalRetained,
                Double incrementalRevenue, Double revenueCiLow, Double revenueCiHigh, Double cost,
                Double costPerRetained, Double costPerRetainedCiLow, Double costPerRetainedCiHigh,
                Double pValueAdjusted, String measuredAs) {
            this(program, segment, horizonDays, treated, holdout, treatedRate, holdoutRate, lift, ciLow, ciHigh, pValue,
                    incrementalRetained, incrementalRevenue, revenueCiLow, revenueCiHigh, cost, costPerRetained,
                    costPerRetainedCiLow, costPerRetainedCiHigh, pValueAdjusted, measuredAs, cost, null);
        }

        /** A row without intervals on money (read before holdout_lift had them). */
        LiftRow(String program, String segment, Integer horizonDays, long treated, long holdout, Double treatedRate,
                Double holdoutRate, Double lift, Double ciLow, Double ciHigh, Double pValue, Double incrementalRetained,
                Double incrementalRevenue, Double cost, Double costPerRetained, Double pValueAdjusted) {
            this(program, segment, horizonDays, treated, holdout, treatedRate, holdoutRate, lift, ciLow, ciHigh, pValue,
                    incrementalRetained, incrementalRevenue, null, null, cost, costPerRetained, null, null,
                    pValueAdjusted, "delivered");
        }

        /** A row without an adjusted p-value (read before holdout_lift had one). */
        LiftRow(String program, String segment, Integer horizonDays, long treated, long holdout, Double treatedRate,
                Double holdoutRate, Double lift, Double ciLow, Double ciHigh, Double pValue, Double incrementalRetained,
                Double incrementalRevenue, Double cost, Double costPerRetained) {
            this(program, segment, horizonDays, treated, holdout, treatedRate, holdoutRate, lift, ciLow, ciHigh, pValue,
                    incrementalRetained, incrementalRevenue, cost, costPerRetained, null);
        }

        boolean all() {
            return "ALL".equals(segment);
        }

        /** False for an 'assigned' row: entries with no contact recorded, whose lift is no measured effect. */
        boolean delivered() {
            return !"assigned".equals(measuredAs);
        }
    }

    /** The accounting of one run: one {@link Input} per source. */
    /** @param finished false while the run writes, or when it died before it finished */
    record Run(String runId, LocalDate asOf, boolean finished, List<Input> inputs) {}

    record Input(String source, long read, long accepted, long rejected, long duplicates) {}
}
