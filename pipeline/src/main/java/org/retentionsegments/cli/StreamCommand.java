package org.retentionsegments.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.execution.JobClient;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.ContinuousJob;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stream}: the continuous job on Kafka topics, embedded in this JVM, until stopped. */
@Command(
        name = "stream",
        mixinStandardHelpOptions = true,
        description = "Runs the continuous job embedded: reads the orders, engagement, treatments and customers topics (JSON records "
                + "with the input contract's columns, keyed by customer_id), keeps every customer's segment current "
                + "with a refresh at each day boundary (watermark past midnight), writes the warehouse (PostgreSQL) "
                + "at every checkpoint and the transitions to PREFIXsegment-transitions; bad and late records go to "
                + "rejected_input. Runs until stopped (Ctrl-C); started again, it resumes from its last checkpoint.")
public final class StreamCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT",
            description = "Kafka brokers to read the topics from.")
    String bootstrapServers;

    @Option(names = "--topic-prefix", defaultValue = "", paramLabel = "PREFIX",
            description = "Prefix of the topic names: PREFIXorders, PREFIXengagement, PREFIXtreatments, PREFIXcustomers, "
                    + "PREFIXsegment-transitions "
                    + "(default: no prefix).")
    String topicPrefix;

    @Option(names = "--group-id", defaultValue = "retention-segments", paramLabel = "ID",
            description = "Kafka consumer group of the job (default: ${DEFAULT-VALUE}); also its run_id in "
                    + "rejected_input (stream-ID).")
    String groupId;

    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "Folder for the job's checkpoints (default: ./segments-checkpoints/ID); the job resumes "
                    + "from the latest one there.")
    Path checkpoints;

    @Option(names = "--config", paramLabel = "DIR",
            description = "Folder with pipeline.yaml, segments.yaml and/or strategies.yaml (default: built-in).")
    Path config;

    @Option(names = ConfigGate.FLAG,
            description = "Run even when `config check` finds unreachable segments or monotonicity violations.")
    boolean allowConfigFindings;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Tasks per operator (default: the machine's cores).")
    Integer parallelism;

    @Option(names = "--flink", paramLabel = "KEY=VALUE",
            description = "A Flink configuration option, e.g. execution.checkpointing.interval=30s. Repeatable.")
    Map<String, String> flink = new LinkedHashMap<>();

    @Option(names = "--kafka", paramLabel = "KEY=VALUE",
            description = "A Kafka consumer property, e.g. security.protocol=SASL_SSL. Repeatable.")
    Map<String, String> kafka = new LinkedHashMap<>();

    @Mixin
    WarehouseOption warehouse;

    @Override
    public Integer call() throws Exception {
        ConfigGate.check(config, allowConfigFindings, System.err);
        if (parallelism != null && parallelism < 1) {
            throw new IllegalArgumentException("--parallelism " + parallelism + " must be at least 1");
        }
        ContinuousJob.Settings settings = ContinuousJob.Settings.of(bootstrapServers, topicPrefix, groupId,
                warehouse.url, BoundedRun.configTexts(config), kafka);
        Configuration conf = Configuration.fromMap(flink);
        conf.set(CoreOptions.DEFAULT_PARALLELISM,
                parallelism == null ? Runtime.getRuntime().availableProcessors() : parallelism);
        Path dir = checkpoints != null ? checkpoints : Path.of("segments-checkpoints", groupId);
        JobClient job = ContinuousJob.start(settings, conf, dir, System.err);
        System.err.printf("continuous job %s: reading the %s* topics from %s, writing %s; checkpoints in"
                + " %s. Ctrl-C stops it.%n", job.getJobID(), topicPrefix, bootstrapServers,
                Warehouse.displayUrl(warehouse.url), dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                job.cancel().get();
            } catch (Exception e) {
                // the JVM is stopping: the job stops with it, and resumes from its last checkpoint
            }
        }));
        job.getJobExecutionResult().get();
        return 0;
    }
}
