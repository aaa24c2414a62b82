package org.retentionsegments.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.flink.RunProgress;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: a bounded run on the user's files, embedded in this JVM. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the run finished and the warehouse holds its segments",
            "1:failed: a file, the warehouse or the configuration cannot be read, no order is usable, or `config check`"
                    + " finds the rules unreachable or not monotonic (without --allow-config-findings); one line on"
                    + " stderr",
            ExitCodes.USAGE},
        description = "Runs the pipeline on your files: validates and rolls up the inputs, keeps rolling RFM windows per customer, refreshes scores and segments daily up to --as-of, writes the warehouse tables and applies the models. Bad rows go to rejected_input.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--orders", required = true, paramLabel = "FILE",
            description = "Orders: order_id, customer_id, order_ts, amount [, line_no, category, channel, discount]; "
                    + "CSV with a header or JSON lines (.jsonl); a file or a folder.")
    Path orders;

    @Option(names = "--engagement", paramLabel = "FILE",
            description = "Engagement events: customer_id, event_ts, event_type [, channel, event_id].")
    Path engagement;

    @Option(names = "--treatments", paramLabel = "FILE",
            description = "Program entries: program_id, customer_id, treated_ts, arm [, channel, cost].")
    Path treatments;

    @Option(names = "--customers", paramLabel = "FILE",
            description = "Customers: customer_id [, signup_ts, email_consent, country, email, phone] (email and phone are kept only as SHA-256 hashes, for audiences).")
    Path customers;

    @Option(names = "--source-sql", paramLabel = "ADAPTER",
            description = "Flink SQL adapter mapping another layout onto the contract: a .sql file named after "
                    + "the view it replaces (e.g. orders_fields.sql), a folder of them, or a shipped "
                    + "adapter: cdnow, online_retail. Repeatable.")
    List<String> sourceSql = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Refresh as of midnight starting this day (yyyy-MM-dd); default: the day after the last event.")
    LocalDate asOf;

    @Option(names = "--config", paramLabel = "DIR",
            description = "Folder with pipeline.yaml, segments.yaml, strategies.yaml and/or lead_scoring.yaml (default: built-in).")
    Path config;

    @Option(names = ConfigGate.FLAG,
            description = "Run even when `config check` finds unreachable segments or monotonicity violations "
                    + "(a warning is printed).")
    boolean allowConfigFindings;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Tasks per operator, the refresh included (default: the machine's cores).")
    Integer parallelism;

    @Option(names = "--flink", paramLabel = "KEY=VALUE",
            description = "A Flink configuration option for the run, e.g. state.backend.type=rocksdb. Repeatable.")
    Map<String, String> flink = new java.util.LinkedHashMap<>();

    @Mixin
    WarehouseOption warehouse;

    @Override
    public Integer call() throws Exception {
        ConfigGate.check(config, allowConfigFindings, System.err);
        Map<InputKind, Path> files = new EnumMap<>(InputKind.class);
        files.put(InputKind.ORDERS, orders);
        if (engagement != null) {
            files.put(InputKind.ENGAGEMENT, engagement);
        }
        if (treatments != null) {
            files.put(InputKind.TREATMENTS, treatments);
        }
        if (customers != null) {
            files.put(InputKind.CUSTOMERS, customers);
        }
        if (parallelism != null && parallelism < 1) {
            throw new IllegalArgumentException("--parallelism " + parallelism + " must be at least 1");
        }
        BoundedRun.Result result = run(new BoundedRun.Options(new RunInputs(files, sourceSql), config, warehouse.url,
                asOf, parallelism == null ? Runtime.getRuntime().availableProcessors() : parallelism, flink));
        String shown = Warehouse.displayUrl(warehouse.url);
        System.out.printf("run %s: %,d customers segmented as of %s in %.1f s; warehouse %s%n",
                result.runId(), result.customers(), result.asOf(), result.elapsed().toMillis() / 1000.0, shown);
        // the report reads the segments and strategies of the run's configuration
        System.out.println("next: ./segments report" + (config == null ? "" : " --config '" + config + "'")
                + (warehouse.url.equals(Warehouse.DEFAULT_URL)
                ? "" : " --warehouse '" + shown + "'" + (shown.equals(warehouse.url) ? "" : " (with your password)")));
        return 0;
    }

    /**
     * Runs (the run re-applies the warehouse models, so BI tools and the report see it), with a
     * {@link Progress} line for what a stage counts.
     */
    static BoundedRun.Result run(BoundedRun.Options options) throws Exception {
        return BoundedRun.run(options, System.err, (label, unit, total, done) -> Progress.start(label,
                unit.equals(RunProgress.BYTES) ? Progress.Unit.BYTES : Progress.Unit.of(unit), total,
                Progress.Mode.detect(false), System.err).follow(done)::close);
    }
}
