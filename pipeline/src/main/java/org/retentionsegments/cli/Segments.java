package org.retentionsegments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./segments} command line. */
@Command(
        name = "segments",
        mixinStandardHelpOptions = true,
        version = "retention-segments 0.1.0",
        description = "Keeps every customer in exactly one actionable retention segment, assigns each segment a retention strategy and a holdout, and measures whether it worked.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            GenerateCommand.class,
            ReportCommand.class,
            ConfigCommand.class,
            ModelsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Segments implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with one-line error reporting; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        return new CommandLine(new Segments())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(110)
                .setExecutionExceptionHandler(new Errors());
    }
}
