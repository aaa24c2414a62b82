package org.retentionsegments.report;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.segment.ContractResult;
import org.retentionsegments.warehouse.ContractQueries;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseException;

/**
 * The SEGMENTATION STRATEGY report a marketer reads: every segment of the configuration by strategy
 * priority with its size, revenue share, criteria, measured profile, strategy and KPIs; the
 * movement between segments since the previous kept refresh; and the holdout lift of every
 * program; a persona card per segment (segment_persona and the persona of segments.yaml); how well
 * the scores of the latest snapshot whose horizon has passed sorted the customers who bought again;
 * today's spread moved by measured value per unit of cost ({@link BudgetSection}) and the five
 * checks of every segment ({@link ValidationText}).
 * Read from the warehouse views (segment_summary, segment_profile, segment_persona,
 * segment_transition_matrix, holdout_lift, score_validation, score_validation_summary,
 * budget_allocation, segment_validation) of one kept refresh, with a warning for every data
 * contract of segments.yaml ({@code expect:}) that fails on it; the HTML page adds its pictures
 * ({@link PictureData}, {@link PictureHtml}) and the charts of a cluster model when there is one
 * ({@link ClusterSection}).
 */
public final class StrategyReport {

    /** What the report says when the warehouse has no refresh yet. */
    public static final String NO_REFRESH = "The warehouse has no refresh yet: run ./segments run --orders FILE on your"
            + " data, or ./segments demo for a sample.\n";

    /** The period of today's spread in the Budget section unless told otherwise, as {@code budget --period}. */
    public static final int BUDGET_PERIOD_DAYS = BudgetSection.PERIOD_DAYS;

    private final ReportData data;
    private final ConfigBundle config;
    /** The HTML page's Clusters section; null without a cluster model. */
    private final ClusterSection clusters;
    /** What the HTML page's pictures read; null when only the text is wanted. */
    private final PictureData pictures;

    private StrategyReport(ReportData data, ConfigBundle config, ClusterSection clusters, PictureData pictures) {
        this.data = data;
        this.config = config;
        this.clusters = clusters;
        this.pictures = pictures;
    }

    /**
     * Loads the report of the kept refresh {@code asOf}, or of the latest one when null.
     *
     * @throws WarehouseException when {@code asOf} is not a kept refresh, or the models are not applied
     */
    public static StrategyReport load(Warehouse warehouse, ConfigBundle config, LocalDate asOf) {
        return load(warehouse, config, asOf, true);
    }

    /**
     * Loads the report of the kept refresh {@code asOf}, or of the latest one when null; with
     * {@code clusters}, also what the HTML page alone shows: the pictures' data ({@link PictureData})
     * and the cluster model and its customers for the Clusters section (the text report does without
     * them, and reading the customers takes a while on a large warehouse).
     *
     * @throws WarehouseException when {@code asOf} is not a kept refresh, or the models are not applied
     */
    public static StrategyReport load(Warehouse warehouse, ConfigBundle config, LocalDate asOf, boolean clusters) {
        return load(warehouse, config, asOf, clusters, BUDGET_PERIOD_DAYS);
    }

    /**
     * The same, with today's spread (the Budget section) the treatment cost of the {@code budgetDays}
     * days up to the latest refresh.
     */
    public static StrategyReport load(Warehouse warehouse, ConfigBundle config, LocalDate asOf, boolean clusters,
            int budgetDays) {
        List<LocalDate> kept = ReportQueries.keptRefreshes(warehouse);
        if (kept.isEmpty()) {
            return new StrategyReport(null, config, null, null);
        }
        LocalDate day = asOf != null ? asOf : kept.get(0);
        int at = kept.indexOf(day);
        if (at < 0) {
            throw new WarehouseException("no kept refresh as of " + day + " in " + ReportQueries.safeUrl(warehouse.url())
                    + "; pass --as-of one of " + kept.stream().limit(12).map(LocalDate::toString)
                    .collect(Collectors.joining(", ")) + (kept.size() > 12 ? " ..." : "") + " (or none for the latest)");
        }
        LocalDate previous = at + 1 < kept.size() ? kept.get(at + 1) : null;
        List<ContractResult> contracts = ContractQueries.kept(warehouse, day, config.segments().contracts());
        ReportData data = ReportQueries.load(warehouse, day, previous, contracts, budgetDays);
        return new StrategyReport(data, config, clusters ? ClusterSection.load(warehouse, config, day) : null,
                clusters ? PictureData.load(warehouse, day) : null);
    }

    /** Whether the warehouse had no refresh to report. */
    public boolean empty() {
        return data == null;
    }

    /** The kept refresh reported, or null when {@link #empty()}. */
    public LocalDate asOf() {
        return data == null ? null : data.asOf();
    }

    /**
     * The report as one self-contained HTML page, no external assets: a table of contents, inline
     * CSS, an SVG bar chart of each segment's share of customers and revenue, and (when loaded with
     * the HTML's reads) the pictures as ECharts charts: segment sizes over time, the movement heat
     * map, the R x F grid, the R, F and M distributions with their tier boundaries, and forest plots
     * of the holdout lift and the incremental revenue. With a cluster model (see
     * {@link ClusterSection}) a Clusters section of ECharts diagnostics follows; the ECharts script
     * is inlined once for all the charts.
     */
    public String html() {
        if (data == null) {
            return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\""
                    + " content=\"width=device-width, initial-scale=1\"><title>Segmentation strategy"
                    + "</title></head>\n<body>\n<h1>SEGMENTATION STRATEGY</h1>\n" + Html.el("p", NO_REFRESH.strip())
                    + "\n</body>\n</html>\n";
        }
        return HtmlReport.render(data, config, clusters, pictures);
    }

    /** The report's figures as one JSON object ({@link ReportJson}). */
    public String json() {
        return data == null ? ReportJson.empty(NO_REFRESH) : ReportJson.render(data, config);
    }

    /** The plain-text report, about 100 columns wide. */
    public String text() {
        return data == null ? NO_REFRESH : TextReport.render(data, config);
    }
}
