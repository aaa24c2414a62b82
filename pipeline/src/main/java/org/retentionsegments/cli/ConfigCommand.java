package org.retentionsegments.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.SegmentContract;
import org.retentionsegments.core.segment.ConfigCheck;
import org.retentionsegments.core.segment.ConfigCheckReport;
import org.retentionsegments.core.segment.ContractResult;
import org.retentionsegments.warehouse.ContractQueries;
import org.retentionsegments.warehouse.Secrets;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code config}: checks the segment, strategy and pipeline configuration. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Checks the configuration files.",
        subcommands = {ConfigCommand.Check.class})
public final class ConfigCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code config check}: the segment grid, unreachable segments, monotonicity violations. */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Validates pipeline.yaml, segments.yaml and strategies.yaml, prints which segment every R x F x M cell lands in, and flags unreachable segments and monotonicity violations (a lower recency score must never give a more engaged segment); with --warehouse, checks the segments' data contracts (expect: in segments.yaml) on the latest refresh there. Exits non-zero when the configuration is invalid or has findings, or a contract fails.")
    public static final class Check implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "DIR",
                description = "Folder with pipeline.yaml, segments.yaml, strategies.yaml and/or lead_scoring.yaml (default: built-in).")
        Path config;

        /** The warehouse to check the contracts on; null: the contracts are only validated. */
        String warehouse;

        @Option(names = "--warehouse", paramLabel = "JDBC_URL",
                description = "Also check the segments' data contracts (expect: in segments.yaml) on the latest refresh"
                        + " of this existing warehouse: jdbc:duckdb:FILE or jdbc:postgresql://HOST:PORT/DB?user=..."
                        + " (default: the contracts are only validated).")
        void warehouse(String url) {
            Secrets.registerUrl(url);
            this.warehouse = url;
        }

        @Override
        public Integer call() {
            ConfigBundle bundle = config == null ? ConfigBundle.loadDefault() : ConfigBundle.load(config);
            ConfigCheckReport report = ConfigCheck.run(bundle);
            System.out.println("configuration: " + bundle.sources());
            System.out.print(report.text());
            System.out.println("LEAD SCORING: " + bundle.leadScoring().summary());
            List<SegmentContract> contracts = bundle.segments().contracts();
            ContractQueries.Checked checked = null;
            if (warehouse != null) {
                try (Warehouse w = Warehouse.openExisting(warehouse)) {
                    checked = ContractQueries.current(w, contracts);
                    if (checked == null && !contracts.isEmpty()) {
                        throw new WarehouseException("no refresh in " + w.url() + " to check the segment contracts"
                                + " on: run ./segments run first");
                    }
                }
            }
            printContracts(contracts, checked, warehouse == null ? null : Warehouse.displayUrl(warehouse),
                    System.out);
            if (report.hasErrors()) {
                System.err.println("error: the segment configuration has findings (see above); fix segments.yaml");
                return 1;
            }
            if (checked != null && checked.failed() > 0) {
                System.err.println("error: " + checked.failed() + " of " + contracts.size() + " segment contracts"
                        + " fail on the refresh as of " + checked.asOf() + " (see CONTRACTS above)");
                return 1;
            }
            System.out.println("OK: every customer lands in exactly one segment, every segment is reachable"
                    + " and has a strategy" + (checked == null || contracts.isEmpty() ? "."
                    : "; every segment contract holds as of " + checked.asOf() + "."));
            return 0;
        }
    }

    /**
     * The CONTRACTS block: the number of contracts when they were only validated, else one
     * {@code PASS}/{@code FAIL} line per contract on the refresh checked.
     */
    static void printContracts(List<SegmentContract> contracts, ContractQueries.Checked checked, String url,
            PrintStream out) {
        if (contracts.isEmpty()) {
            out.println("CONTRACTS: none in segments.yaml (expect: states what must hold for a segment's customers)");
            return;
        }
        if (checked == null) {
            out.println("CONTRACTS: " + contracts.size() + (contracts.size() == 1 ? " contract" : " contracts")
                    + " in segments.yaml, valid; pass --warehouse JDBC_URL to check them on the latest refresh");
            return;
        }
        out.println("CONTRACTS   (the refresh as of " + checked.asOf() + " in " + url + ": "
                + (contracts.size() - checked.failed()) + " pass, " + checked.failed() + " fail)");
        for (ContractResult r : checked.results()) {
            out.println((r.passed() ? "  PASS  " : "  FAIL  ") + r.line());
        }
    }
}
