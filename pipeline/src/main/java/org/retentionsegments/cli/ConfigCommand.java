package org.retentionsegments.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.ConfigException;
import org.retentionsegments.core.config.SegmentContract;
import org.retentionsegments.core.segment.ConfigCheck;
import org.retentionsegments.core.segment.ConfigCheckReport;
import org.retentionsegments.core.segment.ContractResult;
import org.retentionsegments.warehouse.ContractQueries;
import org.retentionsegments.warehouse.WarehouseException;
import org.retentionsegments.core.segment.TierCheck;
import org.retentionsegments.core.segment.TierCheckReport;
import org.retentionsegments.warehouse.Secrets;
import org.retentionsegments.warehouse.TierStore;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code config}: checks the segment, strategy and pipeline configuration. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:the help was printed", ExitCodes.FAILED, ExitCodes.USAGE},
        description = "Checks the configuration files.",
        subcommands = {ConfigCommand.Check.class})
public final class ConfigCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * {@code config check}: the segment grid, unreachable segments, monotonicity violations; with
     * {@code --warehouse}, also the score tiers of the latest refresh against the rules
     * ({@link TierCheck}). Tier warnings (empty or crowded tiers, rules that use an empty tier) do
     * not fail the command: every customer still lands in a segment. It fails when a segment
     * becomes unreachable at that refresh, as it fails for one unreachable in the rules themselves.
     */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {
                "0:valid: every segment reachable, the rules monotonic, every contract holds (tier warnings alone"
                        + " keep 0)",
                "1:invalid or with findings: a file does not load, a segment is unreachable, a monotonicity"
                        + " violation, a contract fails, or the warehouse cannot be read",
                ExitCodes.USAGE},
            description = "Validates pipeline.yaml, segments.yaml and strategies.yaml, prints which segment every R x F x M cell lands in, and flags unreachable segments and monotonicity violations (a lower recency score must never give a more engaged segment). With --warehouse, also judges the score tiers of the warehouse's latest refresh and checks the segments' data contracts (expect: in segments.yaml) on it. Exits non-zero when the configuration is invalid or has findings, when a contract fails, or when a segment is unreachable at that refresh because every rule of it needs a tier no customer had; empty or crowded tiers alone are warnings.")
    public static final class Check implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "DIR",
                description = "Folder with pipeline.yaml, segments.yaml, strategies.yaml and/or lead_scoring.yaml (default: built-in).")
        Path config;

        /** Null without the option: then nothing is read from a warehouse and the contracts are only validated. */
        String warehouse;

        /** The tier check of the warehouse's latest refresh; null without one. */
        private TierCheckReport tiers;

        @Option(names = "--warehouse", paramLabel = "JDBC_URL",
                description = "Also judge the score tiers of this warehouse's latest refresh (score_boundary): empty,"
                        + " equal-boundary or crowded tiers, the segment rules that use a tier no customer had,"
                        + " segments no customer can reach, and suggested fixed thresholds; and check the segments'"
                        + " data contracts (expect: in segments.yaml) on it. jdbc:duckdb:FILE (the file must exist)"
                        + " or jdbc:postgresql://HOST:PORT/DB?user=...")
        void warehouse(String url) {
            Secrets.registerUrl(url);
            this.warehouse = url;
        }

        @Option(names = "--json",
                description = "Print the verdict as one JSON object instead of text: valid (true exactly when the"
                        + " command exits 0), config (the files read), problems [{kind (invalid, unreachable,"
                        + " monotonicity, unreachable_at_refresh, contract_fails), file, line (null when not known),"
                        + " segment, message}], warnings (the tiers' notes), segments (rule order), cells_per_segment,"
                        + " prospect_segment, contracts_defined, contracts_checked_as_of, contracts [{segment, passed,"
                        + " customers, meeting, line}], tiers_as_of. A configuration that does not load is one problem"
                        + " of kind invalid; a warehouse that cannot be read is still one line on stderr.")
        boolean json;

        @Override
        public Integer call() {
            ConfigBundle bundle;
            try {
                bundle = config == null ? ConfigBundle.loadDefault() : ConfigBundle.load(config);
            } catch (ConfigException e) {
                if (!json) {
                    throw e;
                }
                System.out.print(ConfigCheckJson.invalid(e.getMessage()));
                return 1;
            }
            ConfigCheckReport report = ConfigCheck.run(bundle);
            List<SegmentContract> contracts = bundle.segments().contracts();
            String tierText = null;
            ContractQueries.Checked checked = null;
            String noRefresh = null;
            if (warehouse != null) {
                // opened once, before anything is printed: a wrong URL or a missing file is one
                // line, not the end of a long report
                try (Warehouse w = Warehouse.openExisting(warehouse)) {
                    tierText = tierText(w, bundle);
                    checked = ContractQueries.current(w, contracts);
                    if (checked == null && !contracts.isEmpty()) {
                        noRefresh = "no refresh in " + w.url() + " to check the segment contracts on: run"
                                + " ./segments run first";
                    }
                }
            }
            if (noRefresh != null && json) {
                throw new WarehouseException(noRefresh);
            }
            if (json) {
                ConfigCheckJson.Verdict verdict = ConfigCheckJson.of(bundle.sources(), report, contracts, checked,
                        tiers);
                System.out.print(verdict.json());
                return verdict.valid() ? 0 : 1;
            }
            System.out.println("configuration: " + bundle.sources());
            System.out.print(report.text());
            System.out.println("LEAD SCORING: " + bundle.leadScoring().summary());
            if (noRefresh != null) {
                throw new WarehouseException(noRefresh);
            }
            printContracts(contracts, checked, warehouse == null ? null : Warehouse.displayUrl(warehouse),
                    System.out);
            if (tierText != null) {
                System.out.print("\n" + tierText);
            }
            if (report.hasErrors()) {
                System.err.println("error: the segment configuration has findings (see above); fix segments.yaml");
                return 1;
            }
            if (tiers != null && tiers.hasErrors()) {
                System.err.println("error: at the latest refresh, " + tiers.asOf() + ", no customer can reach "
                        + String.join(", ", tiers.unreachable()) + ": every rule of it needs a tier no customer had"
                        + " (see TIERS above); use the suggested thresholds or method distinct in pipeline.yaml,"
                        + " or change segments.yaml");
                return 1;
            }
            if (checked != null && checked.failed() > 0) {
                System.err.println("error: " + checked.failed() + " of " + contracts.size() + " segment contracts"
                        + " fail on the refresh as of " + checked.asOf() + " (see CONTRACTS above)");
                return 1;
            }
            System.out.println("OK: every customer lands in exactly one segment, every segment is reachable"
                    + " and has a strategy" + (checked == null || contracts.isEmpty() ? ""
                    : "; every segment contract holds as of " + checked.asOf())
                    + (tiers != null && tiers.hasWarnings()
                            ? " (the tiers at " + tiers.asOf() + " have warnings, see TIERS above)." : "."));
            return 0;
        }

        /** Reads the warehouse's latest refresh into {@link #tiers} and returns the section to print. */
        private String tierText(Warehouse w, ConfigBundle bundle) {
            LocalDate asOf = TierStore.latestRefresh(w);
            if (asOf == null) {
                return "TIERS: " + w.url() + " has no refresh yet (score_boundary is empty): nothing to judge.\n";
            }
            tiers = TierCheck.run(asOf, TierStore.boundaries(w, asOf), bundle, TierStore.histograms(w, asOf));
            return tiers.text();
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
