package org.retentionsegments.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.segment.ConfigCheck;
import org.retentionsegments.core.segment.ConfigCheckReport;
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
            description = "Validates pipeline.yaml, segments.yaml and strategies.yaml, prints which segment every R x F x M cell lands in, and flags unreachable segments and monotonicity violations (a lower recency score must never give a more engaged segment). With --warehouse, also judges the score tiers of the warehouse's latest refresh. Exits non-zero when the configuration is invalid or has findings, or when a segment is unreachable at that refresh because every rule of it needs a tier no customer had; empty or crowded tiers alone are warnings.")
    public static final class Check implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "DIR",
                description = "Folder with pipeline.yaml, segments.yaml, strategies.yaml and/or lead_scoring.yaml (default: built-in).")
        Path config;

        /** Null without the option: then nothing is read from a warehouse. */
        String warehouse;

        /** The tier check of the warehouse's latest refresh; null without one. */
        private TierCheckReport tiers;

        @Option(names = "--warehouse", paramLabel = "JDBC_URL",
                description = "Also judge the score tiers of this warehouse's latest refresh (score_boundary): empty,"
                        + " equal-boundary or crowded tiers, the segment rules that use a tier no customer had,"
                        + " segments no customer can reach, and suggested fixed thresholds. jdbc:duckdb:FILE (the"
                        + " file must exist) or jdbc:postgresql://HOST:PORT/DB?user=...")
        void warehouse(String url) {
            Secrets.registerUrl(url);
            this.warehouse = url;
        }

        @Override
        public Integer call() {
            ConfigBundle bundle = config == null ? ConfigBundle.loadDefault() : ConfigBundle.load(config);
            ConfigCheckReport report = ConfigCheck.run(bundle);
            // the warehouse first: a wrong URL or a missing file is one line, not the end of a long report
            String tierText = warehouse == null ? null : tierText(bundle);
            System.out.println("configuration: " + bundle.sources());
            System.out.print(report.text());
            System.out.println("LEAD SCORING: " + bundle.leadScoring().summary());
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
            System.out.println("OK: every customer lands in exactly one segment, every segment is reachable"
                    + " and has a strategy" + (tiers != null && tiers.hasWarnings()
                            ? " (the tiers at " + tiers.asOf() + " have warnings, see TIERS above)." : "."));
            return 0;
        }

        /** Reads the warehouse's latest refresh into {@link #tiers} and returns the section to print. */
        private String tierText(ConfigBundle bundle) {
            try (Warehouse w = Warehouse.openExisting(warehouse)) {
                LocalDate asOf = TierStore.latestRefresh(w);
                if (asOf == null) {
                    return "TIERS: " + w.url() + " has no refresh yet (score_boundary is empty): nothing to judge.\n";
                }
                tiers = TierCheck.run(asOf, TierStore.boundaries(w, asOf), bundle, TierStore.histograms(w, asOf));
                return tiers.text();
            }
        }
    }
}
