package org.retentionsegments.cli;

import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retentionsegments.report.BudgetPlan;
import org.retentionsegments.report.BudgetText;
import org.retentionsegments.report.JsonLine;
import org.retentionsegments.warehouse.BudgetQueries;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code budget}: a retention budget allocated across segments by measured incremental value per unit of cost. */
@Command(
        name = "budget",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:allocated and printed", ExitCodes.FAILED, ExitCodes.USAGE},
        description = {
            "Allocates a retention budget across the segments by incremental revenue per unit of cost (view"
                    + " budget_allocation): each segment's measured holdout lift, shrunk toward the pooled lift"
                    + " (empirical Bayes), times its revenue per retained customer, over its cost per treated customer;"
                    + " the best first, each up to its capacity (its reachable customers treated once per period).",
            "Never funds a suppressed segment or one whose lift interval lies below zero. Prints the allocation,"
                    + " the incremental retained customers and revenue it buys with 95 %% intervals, and what today's"
                    + " spread (the treatment cost of the last period) buys."
        })
public final class BudgetCommand implements Callable<Integer> {

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})d?");

    @Spec CommandSpec spec;

    @Mixin WarehouseOption warehouse;

    @Option(names = "--amount", required = true, paramLabel = "MONEY",
            description = "The budget per period, in the input's currency, e.g. 50000.")
    double amount;

    @Option(names = "--period", paramLabel = "DAYS", defaultValue = "30d",
            description = "The period the budget is for, in days (30d or 30; default: ${DEFAULT-VALUE}): each reachable"
                    + " customer is treated once per period, and today's spread is the treatment cost of the period up"
                    + " to the latest refresh.")
    String period;

    @Option(names = "--json", description = "Print the allocation as one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        int days = periodDays(period);
        if (days == 0) {
            throw new ParameterException(spec.commandLine(), "--period '" + period + "' is not a period: give 1 to 3660 days, e.g. 30d");
        }
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new ParameterException(spec.commandLine(), "--amount " + amount + " is not a budget: give a positive amount, e.g. 50000");
        }
        BudgetPlan plan;
        try (Warehouse w = Warehouse.openExisting(warehouse.url)) {
            plan = BudgetPlan.of(amount, days, BudgetQueries.allocate(w, amount, days));
        }
        System.out.print(json ? JsonLine.of(plan.json(), "the budget") : BudgetText.text(plan));
        return 0;
    }

    /** {@code 30d} or {@code 30} as days, 1 to 3660; 0 when the text is no such period. */
    static int periodDays(String text) {
        Matcher m = PERIOD.matcher(text.strip());
        int days = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        return days >= 1 && days <= 3660 ? days : 0;
    }
}
