package org.retentionsegments.flink;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.retentionsegments.core.ConfiguredSegment;
import org.retentionsegments.core.RefreshRun;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.core.config.SegmentRules;
import org.retentionsegments.core.config.Strategies;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.KeptPredictions;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.UnfinishedRuns;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseWriter;

/**
 * A bounded run on files, embedded in this JVM: checks the configuration and the warehouse, runs
 * the first stage (parse, validate, dedupe, roll up: in Java, or in Flink SQL for a user's adapter
 * SQL) and the stream stage (windows, refreshes, warehouse), then records the run's accounting in
 * {@code refresh_run}, after the predictions at the kept refreshes ({@link KeptPredictions}).
 */
public final class BoundedRun {

    /**
     * @param configDir a folder with any of pipeline.yaml, segments.yaml, strategies.yaml; null for the defaults
     * @param asOf the refresh time (midnight starting that day); null for the day after the last event
     */
    /**
     * @param parallelism tasks per operator (the refresh included); 0 for the machine's cores
     * @param flinkSettings Flink configuration options for the run's jobs (e.g. {@code
     *     state.backend.type: rocksdb}), applied as given
     */
    public record Options(RunInputs inputs, Path configDir, String warehouseUrl, LocalDate asOf, int parallelism,
            Map<String, String> flinkSettings) {

        public Options(RunInputs inputs, Path configDir, String warehouseUrl, LocalDate asOf) {
            this(inputs, configDir, warehouseUrl, asOf, 0, Map.of());
        }

        public Options {
            if (parallelism < 0) {
                throw new IllegalArgumentException("parallelism " + parallelism + " must be at least 1");
            }
            flinkSettings = Map.copyOf(flinkSettings);
        }
    }

    /** What a run did. */
    public record Result(String runId, LocalDate asOf, Map<String, InputCounts> counts, long customers,
            Duration elapsed) {}

    private BoundedRun() {}

    public static Result run(Options options, PrintStream progress) throws Exception {
        return run(options, progress, RunProgress.NONE);
    }

    /** Runs, telling {@code meters} what each stage counts as it goes. */
    public static Result run(Options options, PrintStream progress, RunProgress meters) throws Exception {
        Instant started = Instant.now();
        ConfigTexts config = configTexts(options.configDir());
        PipelineConfig pipeline = config.parse().pipeline();
        String runId = LocalDateTime.now(ZoneOffset.UTC).withNano(0).toString().replace(":", "")
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path staging = StagingFolder.create(progress);
        FirstStage first = null;
        try {
            LocalDateTime cutoff = LocalDateTime.ofInstant(started.plus(pipeline.futureSkew()), ZoneOffset.UTC);
            RunInputs.Validation validation = new RunInputs.Validation(
                    pipeline.timezone(), cutoff, pipeline.earliestDate(), pipeline.inputEncoding());
            RunInputs.Plan plan = options.inputs().plan(staging, validation);
            Configuration flink = flinkConfiguration(options, staging);
            // the first stage in Java reads the inputs while the warehouse opens (FirstStage)
            first = FirstStage.start(options.inputs(), plan, validation, staging, flink, progress, meters);
            return run(options, progress, started, config, pipeline, runId, staging, flink, first);
        } finally {
            if (first != null) {
                first.stop();
            }
            try {
                StagingFolder.delete(staging);
            } catch (IOException e) {
                progress.println("could not remove the run's temporary folder " + staging + " (" + e
                        + "); the next run removes it");
            }
        }
    }

    private static Result run(Options options, PrintStream progress, Instant started, ConfigTexts config,
            PipelineConfig pipeline, String runId, Path staging, Configuration flink, FirstStage first)
            throws Exception {
        // the warehouse is opened (and migrated) once and held to the end of the run: on DuckDB no
        // other process can take the file between the stages, and the sink shares the database
        try (Warehouse warehouse = Warehouse.open(options.warehouseUrl())) {
            WarehouseWriter writer = new WarehouseWriter(warehouse, java.time.Clock.systemUTC(), config.version());
            config.record(writer);
            for (String dead : UnfinishedRuns.supersede(warehouse, runId)) {
                progress.println("run " + dead + " did not finish (it was stopped or killed): its accounting and"
                        + " rejected rows are removed, and this run rewrites what it wrote");
            }
            writer.write(ConfiguredSegment.of(config.parse()));
            progress.println("warehouse " + warehouse.url() + " is ready (migrations applied)");
            first.await(progress);
            Map<String, InputCounts> counts = InputCounts.read(staging);
            InputCounts orders = counts.get("orders");
            boolean usable = orders != null && orders.accepted() > 0;
            LocalDate asOf = !usable ? null : options.asOf() != null ? options.asOf()
                    : counts.values().stream().map(InputCounts::lastEvent).filter(java.util.Objects::nonNull)
                            .max(Comparator.naturalOrder()).orElseThrow().toLocalDate().plusDays(1);
            // recorded as started before anything of the run is written: a BI user and the report
            // can tell a warehouse that is mid-update (finished_at stays empty if the run dies),
            // and the next run supersedes it
            writer.write(runRows(runId, counts, started, null, asOf, 0));
            if (!usable) {
                StagedRows.writeRejected(staging, runId, writer);
                writer.write(runRows(runId, counts, started, Instant.now(), asOf, 0));
                Path ordersPath = options.inputs().files().get(InputKind.ORDERS);
                if (orders == null || orders.read() == 0) {
                    throw new IllegalArgumentException("the orders input " + ordersPath + " holds no rows (it is empty"
                            + " or has only a header line): give a file with orders");
                }
                throw new IllegalArgumentException("no order in " + ordersPath + " could be used: all "
                        + String.format("%,d", orders.read()) + " rows were rejected or duplicates; see why in the"
                        + " warehouse table rejected_input (run_id '" + runId + "')");
            }
            for (InputCounts c : counts.values()) {
                if (c.read() > 0) {
                    progress.printf("      %-10s read %,d = accepted %,d + rejected %,d + duplicates %,d%n",
                            c.source(), c.read(), c.accepted(), c.rejected(), c.duplicates());
                }
            }
            // the rejected rows go to the warehouse on a thread of their own while the streaming job
            // starts (a MiniCluster's start leaves a core idle): rejected_input is the run's alone
            // (plain inserts; the job's sink writes other tables through its own connection)
            SideTask<Long> rejectedRows = SideTask.start("rejected rows",
                    () -> StagedRows.writeRejected(staging, runId, writer));
            progress.println("[2/2] rolling windows and daily refreshes up to as_of " + asOf
                    + " (Flink streaming) ...");
            long t1 = System.nanoTime();
            try {
                StreamStage.run(staging, flink, new StreamStage.Settings(options.warehouseUrl(), config, asOf));
            } catch (Exception | Error e) {
                rejectedRows.stop(); // before the warehouse closes under it
                throw e;
            }
            progress.printf("      done in %.1f s%n", (System.nanoTime() - t1) / 1e9);
            long rejected = rejectedRows.join();
            if (rejected > 0) {
                progress.printf("      %,d rejected rows written to rejected_input (run_id '%s')%n", rejected, runId);
            }
            FinishedJobs.release();

            // the segments are committed: predicted value and risk at the kept refreshes (pipeline.yaml
            // predictions), before the models that read them are applied
            KeptPredictions.write(warehouse, pipeline.predictions(), asOf, progress);
            Models.bundled().applyIfChanged(warehouse);
            long customers = SegmentCounts.customers(warehouse, asOf);
            Instant finished = Instant.now();
            writer.write(runRows(runId, counts, started, finished, asOf, customers));
            return new Result(runId, asOf, counts, customers, Duration.between(started, finished));
        }
    }

    /**
     * The Flink settings of the run's jobs: the user's, Flink's temporary files inside the run's
     * folder (removed with it, even after a kill), the parallelism, and checkpoints of the
     * streaming stage in the run's folder unless the user chose a place.
     */
    private static Configuration flinkConfiguration(Options options, Path staging) throws IOException {
        Configuration flink = Configuration.fromMap(options.flinkSettings());
        flink.set(org.apache.flink.configuration.CoreOptions.TMP_DIRS,
                Files.createDirectories(staging.resolve("flink")).toString());
        if (options.parallelism() > 0) {
            flink.set(org.apache.flink.configuration.CoreOptions.DEFAULT_PARALLELISM, options.parallelism());
        }
        if (!flink.contains(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
            flink.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                    staging.resolve("checkpoints").toUri().toString());
        }
        return flink;
    }

    private static List<WarehouseRow> runRows(String runId, Map<String, InputCounts> counts, Instant started,
            Instant finished, LocalDate asOf, long customers) {
        List<WarehouseRow> runs = new ArrayList<>();
        for (InputCounts c : counts.values()) {
            runs.add(new RefreshRun(runId, c.source(), started, finished, asOf, c.read(), c.accepted(), c.rejected(),
                    c.duplicates(), customers));
        }
        return runs;
    }

    /** The configuration texts of a folder, each absent file falling back to the default. */
    public static ConfigTexts configTexts(Path dir) {
        if (dir == null) {
            return ConfigTexts.defaults();
        }
        ConfigBundle.load(dir);
        String pipeline = text(dir, PipelineConfig.FILE);
        return new ConfigTexts(pipeline, text(dir, SegmentRules.FILE), text(dir, Strategies.FILE),
                ConfigBundle.modelText(dir, pipeline), text(dir, org.retentionsegments.core.config.LeadScoring.FILE));
    }

    private static String text(Path dir, String file) {
        Path path = dir.resolve(file);
        try {
            return Files.exists(path) ? Files.readString(path) : ConfigBundle.classpath(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
