package org.retentionsegments.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.report.ExplainJson;
import org.retentionsegments.report.ExplainText;
import org.retentionsegments.report.Explanation;
import org.retentionsegments.warehouse.CustomerQueries;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code explain}: why one customer is in its segment, from the warehouse. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Explains one customer's segment at a refresh, from the warehouse: its raw values (days since the"
                + " last order, orders and money in the window and ever) with the R/F/M scores and the boundaries of"
                + " that refresh they fell between, its lifecycle stage with the purchase cycle's thresholds in days,"
                + " its flags with their thresholds, the rule of segments.yaml that matched and, for every earlier"
                + " rule, the criteria that failed (value and threshold), its strategy and holdout arm, its last"
                + " segment changes and program entries, lifetime value, lead score and cluster.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:explained",
            "1:the warehouse or the configuration cannot be read (one line on stderr)",
            "2:wrong usage",
            "3:the warehouse has no row for the customer",
            "4:the customer has no snapshot as of --as-of (the nearest kept refreshes are named)"})
public final class ExplainCommand implements Callable<Integer> {

    /** Exit code: the warehouse has no row for the customer. */
    static final int UNKNOWN_CUSTOMER = 3;
    /** Exit code: the customer has no snapshot on the day asked. */
    static final int NO_SNAPSHOT = 4;

    @Mixin WarehouseOption warehouse;

    @Option(names = "--customer", required = true, paramLabel = "ID",
            description = "The customer_id, as the warehouse keeps it.")
    String customer;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Explain the kept refresh of this day (default: the customer's current segment, the latest"
                    + " refresh).")
    LocalDate asOf;

    @Option(names = "--json", description = "Print one JSON object with the same content instead of text.")
    boolean json;

    @Option(names = "--config", paramLabel = "DIR",
            description = "Folder with the segments.yaml, strategies.yaml and pipeline.yaml the run used (default:"
                    + " built-in); explain warns when its rules put the customer elsewhere than the run did.")
    Path config;

    @Override
    public Integer call() {
        return explain(warehouse.url, config, customer, asOf, json, System.out, System.err);
    }

    static int explain(String url, Path config, String customer, LocalDate asOf, boolean json, PrintStream out,
            PrintStream err) {
        ConfigBundle bundle = config == null ? ConfigBundle.loadDefault() : ConfigBundle.load(config);
        Explanation explanation;
        try (Warehouse w = Warehouse.openExisting(url)) {
            CustomerQueries q = new CustomerQueries(w);
            if (!q.known(customer)) {
                err.println("error: no customer '" + customer + "' in " + w.url()
                        + " (no row in customer_segment or segment_snapshot); check the id as the input wrote it");
                return UNKNOWN_CUSTOMER;
            }
            CustomerQueries.Row row = find(q, customer, asOf);
            if (row == null) {
                LocalDate day = asOf == null ? LocalDate.of(9999, 12, 31) : asOf;
                err.println("error: " + noSnapshot(customer, asOf, q.nearest(customer, day), q.current(customer)));
                return NO_SNAPSHOT;
            }
            explanation = Explanation.of(q, w.url(), bundle, row);
        }
        out.print(json ? ExplainJson.of(explanation) : ExplainText.of(explanation));
        return 0;
    }

    /** The current row without {@code asOf}; else the kept snapshot of that day, or the current row if it is of that day. */
    private static CustomerQueries.Row find(CustomerQueries q, String customer, LocalDate asOf) {
        if (asOf == null) {
            return q.current(customer);
        }
        CustomerQueries.Row kept = q.snapshot(customer, asOf);
        if (kept != null) {
            return kept;
        }
        CustomerQueries.Row current = q.current(customer);
        return current != null && current.asOf().equals(asOf) ? current : null;
    }

    /** The one line for a day without a snapshot of the customer, naming the nearest days that have one. */
    static String noSnapshot(String customer, LocalDate asOf, CustomerQueries.Nearest nearest,
            CustomerQueries.Row current) {
        if (asOf == null) {
            return "customer '" + customer + "' has no current row in customer_segment, only kept snapshots (the"
                    + " latest on " + nearest.before() + "): pass --as-of " + nearest.before();
        }
        List<String> days = new ArrayList<>();
        if (nearest.before() != null) {
            days.add(nearest.before() + " (before)");
        }
        if (nearest.after() != null) {
            days.add(nearest.after() + " (after)");
        }
        if (current != null && !days.contains(current.asOf() + " (after)") && current.asOf().isAfter(asOf)
                && (nearest.after() == null || current.asOf().isBefore(nearest.after()))) {
            days.add(current.asOf() + " (current)");
        }
        return "no snapshot of customer '" + customer + "' as of " + asOf + "; the nearest: "
                + (days.isEmpty() ? "none" : String.join(", ", days)) + " (refreshes are kept as"
                + " pipeline.yaml's refresh.snapshot_every says)";
    }
}
