package org.retentionsegments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.retentionsegments.generate.GenerationSummary;
import org.retentionsegments.generate.Generator;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.flink.ContinuousJob;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.replay.Replay;
import org.retentionsegments.replay.ReplayProgress;
import org.retentionsegments.replay.TopicRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code generate}: writes a synthetic retailer's input files for demos and tests. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the files were written (with --kafka: the events were sent and acknowledged)",
            ExitCodes.FAILED,
            ExitCodes.USAGE},
        description = "Writes synthetic customers.csv, orders.csv, engagement.csv and treatments.csv. One winback program runs 90 days before the end date; --planted-lift adds a known effect on 60-day retention of treated customers. Same options give the same bytes. With --kafka, replays the same rows into the continuous job's input topics instead, as JSON records keyed by customer_id, in event-time order across the four inputs.")
public final class GenerateCommand implements Callable<Integer> {

    /** Seconds between two progress lines of a replay. */
    static final int PROGRESS_SECONDS = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", defaultValue = "10000",
            description = "Number of customers (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--days", defaultValue = "730", description = "Days of history (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "./data", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--planted-lift", defaultValue = "0",
            description = "Absolute lift in 60-day retention for treated customers (default: ${DEFAULT-VALUE}).")
    double plantedLift;

    @Option(names = "--holdout-share", defaultValue = "0.2",
            description = "Share of eligible customers held out (default: ${DEFAULT-VALUE}).")
    double holdoutShare;

    @Option(names = "--end-date", defaultValue = "2025-12-31",
            description = "Last day of the generated period, yyyy-MM-dd (default: ${DEFAULT-VALUE}).")
    LocalDate endDate;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Replay the business into the topics PREFIXorders, PREFIXengagement, PREFIXtreatments and "
                    + "PREFIXcustomers at these brokers (missing topics are created, with PREFIXsegment-transitions) "
                    + "instead of writing files (kept in --out only if given). The treatments all fall on one day: "
                    + "a replay that reaches it later than the job's stream.idle_timeout after the job started "
                    + "(default 1 minute) has them rejected as late.")
    String kafka;

    @Option(names = "--rate", paramLabel = "N",
            description = "With --kafka: events per second (default: as fast as the brokers take them).")
    double rate;

    @Option(names = "--topic-prefix", defaultValue = "", paramLabel = "PREFIX",
            description = "With --kafka: prefix of the topic names (default: none).")
    String topicPrefix;

    @Option(names = "--partitions", defaultValue = "4", paramLabel = "N",
            description = "With --kafka: partitions of a topic it creates (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        GeneratorConfig config;
        try {
            config = new GeneratorConfig(customers, days, seed, endDate, plantedLift, holdoutShare);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (kafka != null) {
            Replay.Options options;
            try {
                options = new Replay.Options(kafka, topicPrefix, partitions, rate, Map.of());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            boolean keep = spec.commandLine().getParseResult().hasMatchedOption("--out");
            replay(config, options, keep ? out : null, err, stdout);
            return 0;
        }
        long started = System.nanoTime();
        GenerationSummary summary;
        try (Progress progress = Progress.start("generating", Progress.Unit.of("customers"), customers,
                Progress.Mode.detect(false), err)) {
            summary = new Generator(config).writeTo(out, (done, total) -> progress.set(done));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        stdout.printf(Locale.ROOT, "Wrote %s in %.1f s (%.0f customers/s)%n", out.toAbsolutePath().normalize(),
                seconds, customers / seconds);
        row(stdout, Generator.CUSTOMERS_FILE, summary.customers());
        row(stdout, Generator.ORDERS_FILE, summary.orderLines());
        row(stdout, Generator.ENGAGEMENT_FILE, summary.engagementEvents());
        row(stdout, Generator.TREATMENTS_FILE, summary.eligible());
        stdout.printf(Locale.ROOT, "Program %s on %s: %d treated, %d holdout, planted lift %.4f (expected %.4f)%n",
                config.programId(), config.treatedAt(), summary.treated(), summary.holdout(), plantedLift,
                summary.expectedLift());
        stdout.flush();
        return 0;
    }

    /**
     * Generates the business into {@code files} (a temporary folder, removed after, when null),
     * then replays its rows into the topics, printing progress every {@link #PROGRESS_SECONDS} s.
     */
    static void replay(GeneratorConfig config, Replay.Options options, Path files, PrintWriter err, PrintWriter stdout)
            throws Exception {
        List<String> created = Replay.createTopics(options); // first: a broker that cannot be reached fails at once
        if (!created.isEmpty()) {
            err.printf(Locale.ROOT, "created the topics %s (%d partitions each)%n", String.join(", ", created),
                    options.partitions());
        }
        Path dir = files != null ? files : Files.createTempDirectory("segments-generate-");
        try {
            err.printf(Locale.ROOT, "generating %,d customers over %d days up to %s (seed %d) ...%n", config.customers(),
                    config.days(), config.endDate(), config.seed());
            err.flush();
            List<TopicRecords.TopicRecord> records = TopicRecords.generated(config, dir);
            warnOfLateTreatments(records, options.rate(), err);
            Replay replay = new Replay(options, records);
            long started = System.nanoTime();
            ReplayProgress progress = new ReplayProgress(replay, started);
            Map<InputKind, Long> sent;
            try (ProgressTicker ticker = ProgressTicker.every(PROGRESS_SECONDS, () -> {
                err.println(progress.line(System.nanoTime()));
                err.flush();
            })) {
                sent = replay.run();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            stdout.printf(Locale.ROOT, "Sent %,d events to %s in %.1f s (%,.0f events/s), acknowledged by the broker%n",
                    replay.total(), options.bootstrapServers(), seconds, replay.total() / seconds);
            for (InputKind kind : InputKind.values()) {
                stdout.printf(Locale.ROOT, "  %-24s %,12d records%n", ContinuousJob.inputTopic(options.prefix(), kind),
                        sent.get(kind));
            }
            stdout.flush();
        } finally {
            if (files == null) {
                for (Path file : TopicRecords.generatedFiles(dir).values()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(dir);
            }
        }
    }

    /**
     * The program's entries all fall on one day: a job whose treatments topic has been quiet for
     * longer than stream.idle_timeout follows the clock there and rejects them as late.
     */
    private static void warnOfLateTreatments(List<TopicRecords.TopicRecord> records, double rate, PrintWriter err) {
        if (rate <= 0) {
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).kind() == InputKind.TREATMENTS) {
                double seconds = i / rate;
                if (seconds > 30) {
                    err.printf(Locale.ROOT, "note: at %,.0f events/s the program's entries go out %.0f s into the replay;"
                            + " a continuous job that has read no treatment for its stream.idle_timeout (default 1"
                            + " minute) by then rejects them as late%n", rate, seconds);
                }
                return;
            }
        }
    }

    private static void row(PrintWriter out, String file, long rows) {
        out.printf(Locale.ROOT, "  %-16s %,12d rows%n", file, rows);
    }
}
