package org.retentionsegments.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.retentionsegments.report.BudgetPlan;
import org.retentionsegments.report.JsonLine;
import org.retentionsegments.report.ReviewText;
import org.retentionsegments.warehouse.BudgetQueries;
import org.retentionsegments.warehouse.ReviewQueries;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code review}: the periodic review of boundaries, sizes, holdouts, lifts, segment validation and budget. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:reviewed and printed", ExitCodes.FAILED, ExitCodes.USAGE},
        description = {
            "Prints the periodic review in plain sentences: the refresh cadence the measured purchase cycle"
                    + " suggests (a refresh every quarter of the cycle, a review every cycle), score boundaries that"
                    + " moved since the previous kept refresh, segments that grew or shrank sharply, holdouts too small"
                    + " to see their target lift (holdout_power), negative or insignificant lifts (holdout_lift),"
                    + " segments that fail a validation criterion (segment_validation) and the budget moves that"
                    + " budget_allocation recommends against today's spread."
        })
public final class ReviewCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin WarehouseOption warehouse;

    @Option(names = "--drift-threshold", paramLabel = "SHARE", defaultValue = "0.2",
            description = "Name a score boundary that moved by more than this share since the previous kept refresh"
                    + " (default: ${DEFAULT-VALUE}, 20 %%).")
    double driftThreshold;

    @Option(names = "--size-threshold", paramLabel = "SHARE", defaultValue = "0.25",
            description = "Name a segment whose customers changed by more than this share between the last two kept"
                    + " refreshes (default: ${DEFAULT-VALUE}, 25 %%).")
    double sizeThreshold;

    @Option(names = "--period", paramLabel = "DAYS", defaultValue = "30d",
            description = "Today's spread is the treatment cost of this many days up to the latest refresh (default:"
                    + " ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--budget", paramLabel = "MONEY",
            description = "Recommend moves for this budget per period (default: today's spread, reallocated).")
    Double budget;

    @Option(names = "--json", description = "Print the review as one JSON object: the sentences and the rows behind them.")
    boolean json;

    @Override
    public Integer call() {
        int days = BudgetCommand.periodDays(period);
        if (days == 0) {
            throw new ParameterException(spec.commandLine(), "--period '" + period + "' is not a period: give 1 to 3660"
                    + " days, e.g. 30d");
        }
        for (double t : List.of(driftThreshold, sizeThreshold)) {
            if (!(t > 0) || t > 100) {
                throw new ParameterException(spec.commandLine(), "a threshold must be a share above 0, e.g. 0.2, not " + t);
            }
        }
        if (budget != null && (!(budget > 0) || budget.isInfinite())) {
            throw new ParameterException(spec.commandLine(), "--budget " + budget + " is not a budget: give a positive"
                    + " amount, e.g. 50000");
        }
        ReviewText.Review review;
        try (Warehouse w = Warehouse.openExisting(warehouse.url)) {
            ReviewQueries q = new ReviewQueries(w);
            BudgetPlan plan = budgetPlan(w, days);
            review = new ReviewText.Review(driftThreshold, sizeThreshold, q.boundaryDrift(driftThreshold),
                    q.segmentChanges(sizeThreshold), q.underpowered(), q.weakLifts(), q.purchaseCycle(),
                    q.segmentValidation(), days, plan, budget != null);
        }
        System.out.print(json ? JsonLine.of(ReviewText.json(review), "the review") : ReviewText.text(review));
        return 0;
    }

    /** The budget given, else today's spread reallocated; null when neither has money. */
    private BudgetPlan budgetPlan(Warehouse w, int days) {
        if (budget != null) {
            return BudgetPlan.of(budget, days, BudgetQueries.allocate(w, budget, days));
        }
        return BudgetPlan.ofTodaySpread(w, days);
    }
}
