package org.retentionsegments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.segment.ConfigCheck;
import org.retentionsegments.core.segment.ConfigCheckReport;
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
            description = "Validates pipeline.yaml, segments.yaml and strategies.yaml, prints which segment every R x F x M cell lands in, and flags unreachable segments and monotonicity violations (a lower recency score must never give a more engaged segment). Exits non-zero when the configuration is invalid or has findings.")
    public static final class Check implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "DIR",
                description = "Folder with pipeline.yaml, segments.yaml, strategies.yaml and/or lead_scoring.yaml (default: built-in).")
        Path config;

        @Override
        public Integer call() {
            ConfigBundle bundle = config == null ? ConfigBundle.loadDefault() : ConfigBundle.load(config);
            ConfigCheckReport report = ConfigCheck.run(bundle);
            System.out.println("configuration: " + bundle.sources());
            System.out.print(report.text());
            System.out.println("LEAD SCORING: " + bundle.leadScoring().summary());
            if (report.hasErrors()) {
                System.err.println("error: the segment configuration has findings (see above); fix segments.yaml");
                return 1;
            }
            System.out.println("OK: every customer lands in exactly one segment, every segment is reachable"
                    + " and has a strategy.");
            return 0;
        }
    }
}
