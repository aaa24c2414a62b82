package org.retentionsegments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.generate.GenerationSummary;
import org.retentionsegments.generate.Generator;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.input.InputKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code demo}: generate a realistic retailer, run the pipeline on it, print the report. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:the demo ran and the report was printed", ExitCodes.FAILED, ExitCodes.USAGE},
        description = "Generates a realistic sample retailer (deterministic), runs the pipeline embedded (Flink MiniCluster) into a DuckDB file, applies the warehouse models and prints the SEGMENTATION STRATEGY report (and writes it as report.html), including the measured lift of a winback program whose true effect was planted in the data.")
public final class DemoCommand implements Callable<Integer> {

    /** The report's budget period in the demo: long enough to hold its winback program's spend. */
    static final int DEMO_BUDGET_DAYS = 120;

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", description = "Customers to generate (default: 20000; 3000 with --continuous).")
    Integer customers;

    @Option(names = "--days", description = "Days of history (default: 730; 365 with --continuous).")
    Integer days;

    @Option(names = "--continuous",
            description = "See it live: start a local Kafka broker (infra/start-kafka.sh) and PostgreSQL"
                    + " (infra/start-postgres.sh) unless they run, replay the generated business (ending yesterday)"
                    + " into the topics demo.*, run the continuous job embedded into the PostgreSQL schema demo_live,"
                    + " print progress until it has refreshed today, then stop it and print the report.")
    boolean continuous;

    @Option(names = "--bootstrap-servers", defaultValue = LiveDemo.LOCAL_KAFKA, paramLabel = "HOST:PORT",
            description = "With --continuous: the Kafka broker (default: ${DEFAULT-VALUE}, started if not running).")
    String bootstrapServers;

    @Option(names = "--warehouse", defaultValue = LiveDemo.LOCAL_POSTGRES, paramLabel = "JDBC_URL",
            description = "With --continuous: the PostgreSQL database to write, into its schema demo_live, replaced"
                    + " at each run (default: ${DEFAULT-VALUE}, started if not running).")
    String postgres;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--planted-lift", defaultValue = "0.07",
            description = "True lift of the winback program on 60-day retention (default: ${DEFAULT-VALUE}).")
    double plantedLift;

    @Option(names = "--dir", defaultValue = "./demo",
            description = "Folder for the generated data and the demo warehouse (default: ${DEFAULT-VALUE}; --continuous: DIR/live).")
    Path dir;

    @Option(names = "--config", paramLabel = "DIR",
            description = "Folder with pipeline.yaml, segments.yaml, strategies.yaml and/or lead_scoring.yaml (default: built-in).")
    Path configDir;

    @Option(names = ConfigGate.FLAG,
            description = "Run even when `config check` finds unreachable segments or monotonicity violations "
                    + "(a warning is printed).")
    boolean allowConfigFindings;

    @Override
    public Integer call() throws Exception {
        if (continuous) {
            return LiveDemo.run(this);
        }
        int customers = this.customers == null ? 20_000 : this.customers;
        int days = this.days == null ? 730 : this.days;
        GeneratorConfig config;
        try {
            config = GeneratorConfig.of(customers, days, seed).withPlantedLift(plantedLift);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        ConfigGate.check(configDir, allowConfigFindings, System.err);
        Path data = dir.resolve("data");
        Path db = dir.resolve("segments.duckdb");
        Files.createDirectories(data);
        Files.deleteIfExists(db);
        Files.deleteIfExists(dir.resolve("segments.duckdb.wal"));

        System.err.printf("generating %,d customers over %d days into %s (seed %d, planted lift %.2f) ...%n",
                customers, days, data, seed, plantedLift);
        GenerationSummary generated;
        try (Progress progress = Progress.start("      generated", Progress.Unit.of("customers"), customers,
                Progress.Mode.detect(false), System.err)) {
            generated = new Generator(config).writeTo(data, (done, total) -> progress.set(done));
        }
        System.err.printf("      %,d order lines, %,d engagement events, %,d customers in a winback program%n",
                generated.orderLines(), generated.engagementEvents(), generated.eligible());

        Map<InputKind, Path> files = new EnumMap<>(InputKind.class);
        files.put(InputKind.ORDERS, data.resolve(Generator.ORDERS_FILE));
        files.put(InputKind.ENGAGEMENT, data.resolve(Generator.ENGAGEMENT_FILE));
        files.put(InputKind.TREATMENTS, data.resolve(Generator.TREATMENTS_FILE));
        files.put(InputKind.CUSTOMERS, data.resolve(Generator.CUSTOMERS_FILE));
        String url = "jdbc:duckdb:" + db;
        BoundedRun.Result result = RunCommand.run(
                new BoundedRun.Options(new RunInputs(files, List.of()), configDir, url, null));
        System.err.printf("      %,d customers segmented as of %s in %.1f s%n%n",
                result.customers(), result.asOf(), result.elapsed().toMillis() / 1000.0);

        // the run predicted value and risk at every kept refresh (pipeline.yaml predictions), a year
        // before the latest among them: the year since shows how well it predicted
        Path html = dir.resolve("report.html");
        // the demo's winback ran 90 days before its last day: a 120-day budget period holds its spend
        ReportCommand.print(url, configDir, null, html, false, DEMO_BUDGET_DAYS, System.out);
        System.out.println();
        System.out.printf("The winback program's true effect was +%.1f points of 60-day retention; compare the"
                + " lift row above.%n", 100 * generated.expectedLift());
        System.out.println("The HTML report with charts is " + html + ".");
        System.out.println("The warehouse is " + db + ": open it with DuckDB or a BI tool, or run");
        System.out.println("  ./segments report --warehouse " + url);
        return 0;
    }

}
