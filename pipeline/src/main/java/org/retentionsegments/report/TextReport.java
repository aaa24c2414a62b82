package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.retentionsegments.core.Dimension;
import org.retentionsegments.core.TierMethod;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.segment.ContractResult;
import org.retentionsegments.report.ReportData.Input;

/** The plain-text SEGMENTATION STRATEGY report, about 100 columns wide. */
final class TextReport {

    static final int WIDTH = 100;
    private static final String LABEL = "             ";
    private static final String FIELD = "            ";

    private TextReport() {}

    static String render(ReportData data, ConfigBundle config) {
        List<ReportSegment> segments = ReportSegment.ordered(config, data.segments());
        StringBuilder out = new StringBuilder("SEGMENTATION STRATEGY\n=====================\n");
        out.append(Fmt.wrap("Approach:    ", LABEL, approach(config), WIDTH));
        out.append(Fmt.wrap("Segments:    ", LABEL, segmentCount(config, segments), WIDTH));
        out.append(Fmt.wrap("Data Source: ", LABEL, dataSource(data), WIDTH));
        if (data.cycle() != null) {
            out.append(Fmt.wrap("Lifecycle:   ", LABEL, lifecycle(data.cycle()), WIDTH));
        }
        String tiers = tiers(data, config);
        if (tiers != null) {
            out.append(Fmt.wrap("Tiers:       ", LABEL, tiers, WIDTH));
        }
        String value = lifetimeValue(segments);
        if (value != null) {
            out.append(Fmt.wrap("Top value:   ", LABEL, value, WIDTH));
        }
        if (!data.contracts().isEmpty()) {
            out.append(Fmt.wrap("Contracts:   ", LABEL, contracts(data), WIDTH));
        }
        if (!data.failedContracts().isEmpty()) {
            out.append("\nCONTRACTS   (expect: in segments.yaml, failing on this refresh)\n---------\n");
            for (ContractResult c : data.failedContracts()) {
                out.append(Fmt.wrap("WARNING: ", "         ", nonBreaking(c.line()), WIDTH));
            }
        }
        out.append("\nSEGMENTS   (ordered by strategy priority: 1 = ").append(first(segments)).append(" first)\n--------\n");
        int windowDays = config.pipeline().windowDays();
        ScoreUnits units = ScoreUnits.of(data.boundaries(), windowDays);
        for (ReportSegment s : segments) {
            out.append("Segment: ").append(s.name()).append("   [").append(SegmentText.tag(s)).append("]\n");
            out.append(Fmt.wrap("  Size:     ", FIELD, SegmentText.size(s), WIDTH));
            out.append(Fmt.wrap("  Criteria: ", FIELD, SegmentText.criteria(s, config, units), WIDTH));
            out.append(Fmt.wrap("  Profile:  ", FIELD, SegmentText.profile(s, windowDays), WIDTH));
            out.append(Fmt.wrap("  Needs:    ", FIELD, SegmentText.needs(s), WIDTH));
            out.append(Fmt.wrap("  Strategy: ", FIELD, SegmentText.strategy(s), WIDTH));
            out.append(Fmt.wrap("  KPIs:     ", FIELD, SegmentText.kpis(s), WIDTH));
            out.append('\n');
        }
        personas(out, data, segments, windowDays);
        out.append(MovementText.render(data, config.segments())).append('\n');
        out.append(LiftText.render(data.lift(), ReportSegment.order(segments)));
        out.append(CupedText.render(data.cuped()));
        out.append(PowerText.render(data.power(), ReportSegment.order(segments)));
        out.append('\n').append(BudgetSection.render(data.budget()));
        out.append('\n').append(ValidationText.render(data.validation()));
        out.append('\n').append(ScoreText.render(data.scores()));
        if (data.signals().asOf() != null) {
            out.append('\n').append(SignalText.render(data.signals()));
        }
        if (data.predictions().asOf() != null) {
            out.append('\n').append(PredictionText.render(data.predictions()));
        }
        out.append('\n').append(LeadText.render(config.leadScoring(), data.leads()));
        return Fmt.spaces(out.toString());
    }

    /** The indent of a persona card's values. */
    private static final String CARD = "                    ";

    /** The PERSONAS section: one card per segment (seed 001 template), in the order of the segments. */
    static void personas(StringBuilder out, ReportData data, List<ReportSegment> segments, int windowDays) {
        List<ReportSegment> cards = PersonaText.cards(segments, data);
        if (cards.isEmpty()) {
            return;
        }
        out.append("PERSONAS\n--------\n").append(Fmt.wrap("", "", PersonaText.intro(data), WIDTH)).append('\n');
        for (ReportSegment s : cards) {
            ReportData.PersonaRow p = data.persona(s.name());
            out.append("PERSONA: ").append(s.name()).append("   [").append(PersonaText.tag(s, p)).append("]\n");
            out.append("  Measured in the data (in place of demographics):\n");
            cardLines(out, PersonaText.measured(p, windowDays));
            cardList(out, "  Goals:", PersonaText.goals(s));
            cardList(out, "  Pain Points:", PersonaText.painPoints(s));
            out.append("  Behavior:\n");
            cardLines(out, PersonaText.behavior(s));
            out.append("  Messaging:\n");
            cardLines(out, PersonaText.messaging(s));
            out.append('\n');
        }
    }

    private static void cardLines(StringBuilder out, List<PersonaText.Line> lines) {
        for (PersonaText.Line line : lines) {
            out.append(Fmt.wrap(Fmt.left("    " + line.label() + ":", CARD.length()), CARD, line.text(), WIDTH));
        }
    }

    private static void cardList(StringBuilder out, String label, List<String> items) {
        if (items.isEmpty()) {
            out.append(Fmt.left(label, CARD.length())).append(Fmt.NONE).append('\n');
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            out.append(Fmt.wrap(Fmt.left(i == 0 ? label : "", CARD.length()) + "- ", CARD + "  ",
                    PersonaText.capitalised(items.get(i).strip()), WIDTH));
        }
    }

    /** {@code all 3 of segments.yaml hold on this refresh}, or how many fail. */
    static String contracts(ReportData data) {
        int all = data.contracts().size();
        int failed = data.failedContracts().size();
        String of = all == 1 ? "the 1 contract" : "all " + all + " contracts";
        return failed == 0 ? of + " of segments.yaml (expect:) hold on this refresh"
                : failed + " of " + all + " contracts of segments.yaml (expect:) fail on this refresh: see CONTRACTS";
    }

    /** A contract's line with its percent signs kept beside their figures when wrapped. */
    static String nonBreaking(String line) {
        return line.replace(" %", Fmt.NBSP + "%");
    }

    /** RFM scores 1-5 (quantile tiers recalibrated at every refresh, every day) + lifecycle + flags. */
    /** The approach line: with {@code segmentation: clusters}, the saved model first. */
    static String approach(org.retentionsegments.core.config.ConfigBundle config) {
        org.retentionsegments.core.cluster.ClusterModel model = config.clusterModel();
        if (config.pipeline().segmentation() != PipelineConfig.Segmentation.CLUSTERS || model == null) {
            return approach(config.pipeline());
        }
        return "K-Means clusters of log recency, frequency and monetary (model " + model.version() + ", k = "
                + model.k() + ", trained on the refresh of " + model.asOf() + ") with the outlier groups PAMPER,"
                + " UPSELL and DELIGHT, turned into segments by segments.yaml; beside them " + approach(config.pipeline());
    }

    static String approach(PipelineConfig p) {
        List<TierMethod> methods = List.of(Dimension.RFM).stream()
                .map(d -> p.scoring().tier(d).method()).toList();
        String tiers;
        if (methods.stream().allMatch(m -> m == TierMethod.QUANTILE)) {
            tiers = "quantile tiers recalibrated at every refresh";
        } else {
            tiers = List.of(Dimension.RFM).stream()
                    .map(d -> d.label().substring(0, 1).toUpperCase() + " " + p.scoring().tier(d).method().label())
                    .collect(Collectors.joining(", ")) + " tiers";
        }
        String cadence = p.cadenceDays() == 1 ? "every day" : "every " + p.cadenceDays() + " days";
        return "RFM scores 1-5 (" + tiers + "; refresh " + cadence + ", F and M over a " + p.windowDays()
                + "-day rolling window) + lifecycle stage + behaviour flags";
    }

    /** {@code 12 defined, 11 with customers (...)}, and any segments only the warehouse knows. */
    static String segmentCount(ConfigBundle config, List<ReportSegment> segments) {
        long populated = segments.stream().filter(s -> s.definition() != null && s.customers() > 0).count();
        long unknown = segments.stream().filter(s -> s.definition() == null).count();
        return config.segments().size() + " defined, " + populated + " with customers"
                + (unknown == 0 ? "" : ", plus " + unknown + " in the warehouse that segments.yaml no longer defines")
                + " (mutually exclusive: the first matching rule of segments.yaml wins)";
    }

    /**
     * Where the big spenders of all time (lifetime monetary score 5) are, and how many of them sit
     * in segments whose strategy is suppressed (no paid incentive); null when the warehouse has no
     * lifetime scores (snapshots written before they existed).
     */
    static String lifetimeValue(List<ReportSegment> segments) {
        long top = segments.stream().filter(s -> s.figures() != null).mapToLong(s -> s.figures().topLifetimeCustomers()).sum();
        boolean known = segments.stream().anyMatch(s -> s.figures() != null && s.figures().avgLifetimeOrders() != null);
        if (!known || top == 0) {
            return null;
        }
        List<String> suppressed = new ArrayList<>();
        long inSuppressed = 0;
        for (ReportSegment s : segments) {
            if (s.figures() != null && s.strategy() != null && s.strategy().suppress() && s.figures().topLifetimeCustomers() > 0) {
                inSuppressed += s.figures().topLifetimeCustomers();
                suppressed.add(s.name() + " " + Fmt.count(s.figures().topLifetimeCustomers()));
            }
        }
        return Fmt.count(top) + " customers score 5 on lifetime value (the big spenders of all time); "
                + (inSuppressed == 0 ? "none of them is in a suppressed segment"
                        : Fmt.count(inSuppressed) + " (" + Fmt.pct0((double) inSuppressed / top) + ") are in suppressed segments ("
                                + String.join(", ", suppressed) + "), where no incentive reaches them");
    }

    /**
     * The note on tiers that ties left empty or crowded at the refresh and the segments they
     * starve, with the remedy; null when the tiers are fine.
     */
    static String tiers(ReportData data, ConfigBundle config) {
        List<String> notes = data.tierNotes(config);
        if (notes.isEmpty()) {
            return null;
        }
        return String.join(" ", notes) + " Remedy: ./segments config check --warehouse URL suggests fixed thresholds"
                + " from the data, or set method: distinct for the dimension in pipeline.yaml (README, Scoring tiers"
                + " and ties).";
    }

    /** The purchase cycle and the lifecycle stages in days at the refresh. */
    static String lifecycle(org.retentionsegments.core.PurchaseCycle c) {
        return "purchase cycle " + days(c.cycleDays()) + (c.measured()
                ? " (the median gap between orders of " + Fmt.count(c.repeatCustomers()) + " repeat customers)"
                : " (the configured default: only " + Fmt.count(c.repeatCustomers()) + " repeat customers so far)")
                + "; new = first order in the last " + days(c.newWithinDays()) + "; active = last order in the last "
                + days(c.activeWithinDays()) + "; lapsing = in the last " + days(c.lapsingWithinDays())
                + "; lapsed = longer ago; reactivated = active again after a gap of more than "
                + days(c.lapsingWithinDays());
    }

    private static String days(double days) {
        return (days == Math.rint(days) ? String.valueOf((long) days) : Fmt.dec1(days)) + " days";
    }

    static String dataSource(ReportData data) {
        StringBuilder s = new StringBuilder(data.url()).append(", refresh as of ").append(data.asOf());
        if (data.previousAsOf() != null) {
            s.append(" (previous kept ").append(data.previousAsOf()).append(')');
        }
        s.append("; ").append(Fmt.count(data.customers())).append(" customers; ");
        if (data.run() == null) {
            return s.append("no run recorded in refresh_run").toString();
        }
        s.append("latest run ").append(data.run().runId()).append(" (as of ")
                .append(data.run().asOf() == null ? Fmt.NONE : data.run().asOf()).append("): ");
        s.append(data.run().inputs().stream().map(TextReport::input).collect(Collectors.joining("; ")));
        if (!data.run().finished()) {
            s.append(". WARNING: this run has not finished (it is still writing, or it stopped): the tables may"
                    + " be partial; run it again with the same arguments");
        }
        return s.toString();
    }

    private static String input(Input i) {
        return i.source() + " " + Fmt.count(i.read()) + " read / " + Fmt.count(i.accepted()) + " accepted / "
                + Fmt.count(i.rejected()) + " rejected" + (i.duplicates() > 0 ? " / " + Fmt.count(i.duplicates())
                + " duplicates" : "");
    }

    private static String first(List<ReportSegment> segments) {
        return segments.isEmpty() ? Fmt.NONE : segments.get(0).name();
    }
}
