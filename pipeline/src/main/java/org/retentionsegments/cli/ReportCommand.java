package org.retentionsegments.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.report.StrategyReport;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code report}: the SEGMENTATION STRATEGY report from the warehouse. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:the report was printed", ExitCodes.FAILED, ExitCodes.USAGE},
        description = "Prints the SEGMENTATION STRATEGY report: every segment's size, share of customers and revenue, criteria, profile, strategy and KPIs, the movement since the previous kept refresh, then the holdout lift of each program, what today's spread would buy moved to the segments by measured incremental value per unit of cost (Budget) and the five validation checks of every segment (Segment validation); a warning for every data contract of segments.yaml (expect:) that fails on the refresh. --html also writes it as a web page.")
public final class ReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin WarehouseOption warehouse;

    @Option(names = "--config", paramLabel = "DIR",
            description = "Folder with segments.yaml and strategies.yaml (default: built-in).")
    Path config;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Report this refresh (default: the latest).")
    LocalDate asOf;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the report as a self-contained HTML page with charts to FILE; when the"
                    + " warehouse holds a cluster model (or --config is in clusters mode), with a Clusters section of"
                    + " diagnostic charts and the customers per cluster over time.")
    Path html;

    @Option(names = "--budget-period", paramLabel = "DAYS", defaultValue = "30d",
            description = "The Budget section moves today's spread, the treatment cost of this many days up to the"
                    + " latest refresh (30d or 30; default: ${DEFAULT-VALUE}), as ./segments budget --period does.")
    String budgetPeriod;

    @Option(names = "--json",
            description = {"Print the report's figures as one JSON object instead of text. Keys: warehouse, as_of,"
                    + " previous_as_of, config, customers, run {run_id, as_of, finished, inputs [{source, read,"
                    + " accepted, rejected, duplicates}]}, segments [{segment, defined, customers, customer_share,"
                    + " revenue, revenue_share, revenue_at_risk, avg_recency_days, avg_frequency, avg_monetary,"
                    + " avg_lifetime_revenue, top_category, strategy {name, priority, objective, channel, cadence,"
                    + " incentive {type, depth_pct, cap}, suppress, always_on, program_id, holdout_share, kpis}}] in"
                    + " the report's order, moves [{from, to, customers, share_of_from}], lift [{program_id, segment,"
                    + " horizon_days, measured_as, treated_customers, holdout_customers, then for 'assigned' rows a"
                    + " note, for 'delivered' ones treated_retention_rate, holdout_retention_rate, lift, lift_ci_low,"
                    + " lift_ci_high, p_value, p_value_adjusted, incremental_retained, incremental_revenue,"
                    + " incremental_revenue_ci_low, incremental_revenue_ci_high, contact_cost, incentive_cost, cost (their"
                    + " sum), cost_per_retained,"
                    + " cost_per_retained_ci_low, cost_per_retained_ci_high}], lift_counts {program: why its ALL row's"
                    + " treated count differs from its segment rows'}, lift_cuped [{program_id, segment, horizon_days,"
                    + " treated_customers, holdout_customers, lift, lift_se, lift_cuped, lift_cuped_se, lift_cuped_ci_low,"
                    + " lift_cuped_ci_high, theta, covariate_correlation, variance_reduction}], contracts [{segment, passed, customers,"
                    + " meeting, line}], score_validation {as_of, horizon_days, summary [{dimension, customers,"
                    + " retained, auc, spearman}], values [{dimension, score, customers, retained}]}, signals {as_of,"
                    + " horizon_days, ranking [{signal, rank, auc_within, auc_overall, strength, direction,"
                    + " same_for_all, customers, pairs}]} (null before a snapshot's horizon has passed), predicted_value"
                    + " {as_of, horizon_days, fit {bgnbd_r, bgnbd_alpha, bgnbd_a, bgnbd_b, bgnbd_converged, spend_p,"
                    + " spend_q, spend_gamma, spend_converged}, segments [{segment, customers, mean_p_alive, likely_lost,"
                    + " expected_orders, predicted_value, value_at_risk, value_at_risk_share}], check {as_of,"
                    + " horizon_days, customers, expected_orders, actual_orders, expected_value, actual_revenue,"
                    + " auc_p_alive, auc_expected_orders}} (null before ./segments predict), budget {period_days,"
                    + " today_spend, note (why there is no table, else null), summary, plan (the object of budget"
                    + " --json for today's spread, or null), changes [{segment, today_cost, allocated, change, verdict"
                    + " (more, less, same, nothing), reason, why}]}, segment_validation {passing, segments_checked,"
                    + " summary, segments [{segment, strategy, customers, min_segment_size, reachable_share,"
                    + " retention_rate, criteria_met, passes_all, checks {sizeable, measurable, accessible,"
                    + " differentiable, actionable: {passed (null: not known yet), reason}}}]}.",
                "Shares are fractions, money is in the input's currency, a figure the warehouse lacks is null; a"
                    + " warehouse without a refresh gives as_of null and no segments."})
    boolean json;

    @Override
    public Integer call() throws IOException {
        int budgetDays = BudgetCommand.periodDays(budgetPeriod);
        if (budgetDays == 0) {
            throw new ParameterException(spec.commandLine(), "--budget-period '" + budgetPeriod + "' is not a period:"
                    + " give 1 to 3660 days, e.g. 30d");
        }
        print(warehouse.url, config, asOf, html, json, budgetDays, System.out);
        return 0;
    }

    /** Prints the text report to {@code out} and, when {@code html} is not null, writes the HTML page there. */
    static void print(String url, Path config, LocalDate asOf, Path html, PrintStream out) throws IOException {
        print(url, config, asOf, html, false, StrategyReport.BUDGET_PERIOD_DAYS, out);
    }

    /**
     * Prints the text report, or with {@code json} its JSON, to {@code out}; writes the HTML page to
     * {@code html}; the Budget section moves the treatment cost of the {@code budgetDays} days up to the latest refresh.
     */
    static void print(String url, Path config, LocalDate asOf, Path html, boolean json, int budgetDays,
            PrintStream out) throws IOException {
        ConfigBundle bundle = config == null ? ConfigBundle.loadDefault() : ConfigBundle.load(config);
        StrategyReport report;
        try (Warehouse w = Warehouse.openExisting(url)) {
            report = StrategyReport.load(w, bundle, asOf, html != null, budgetDays);
        }
        out.print(json ? report.json() : report.text());
        if (html != null) {
            Path parent = html.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(html, report.html(), StandardCharsets.UTF_8);
            System.err.println("wrote the HTML report to " + html);
        }
    }
}
