package org.retentionsegments.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.retentionsegments.warehouse.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./segments} command line. */
@Command(
        name = "segments",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:done, or the help or version was printed", ExitCodes.FAILED, ExitCodes.USAGE},
        version = "retention-segments 0.1.0",
        description = "Keeps every customer in exactly one actionable retention segment, assigns each segment a retention strategy and a holdout, and measures whether it worked.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            StreamCommand.class,
            GenerateCommand.class,
            ReportCommand.class,
            ExplainCommand.class,
            ConfigCommand.class,
            ModelsCommand.class,
            ClusterCommand.class,
            PredictCommand.class,
            BudgetCommand.class,
            ReviewCommand.class,
            AudiencesCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Segments implements Runnable {

    /** Held, so that the level set on it stays (java.util.logging keeps loggers only weakly). */
    private static Logger postgresDriver;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * Masks the process's secrets on System.out and System.err first, before log4j, Flink or the
     * JDBC drivers take hold of those streams, and registers the passwords of the environment and
     * of the arguments, so that no line the process prints shows them.
     */
    public static void main(String[] args) {
        MaskingOutput.install();
        quietPostgresDriver();
        Secrets.registerEnvironment(System.getenv());
        for (String arg : args) {
            Secrets.registerUrl(arg);
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * The PostgreSQL driver warns through java.util.logging before our one-line error says the same
     * in words ("JDBC URL invalid port number", twice, then "malformed PostgreSQL URL"); its warnings
     * are off unless the user configured java.util.logging.
     */
    private static void quietPostgresDriver() {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.config.class") == null) {
            postgresDriver = Logger.getLogger("org.postgresql");
            postgresDriver.setLevel(Level.SEVERE);
        }
    }

    /** The command line with one-line error reporting; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        Errors errors = new Errors();
        return OptionValues.register(new CommandLine(new Segments()))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(110)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
