package org.retentionsegments.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.execution.JobClient;
import org.retentionsegments.flink.ContinuousJob;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stream}: the continuous job on Kafka topics, embedded in this JVM, until stopped. */
@Command(
        name = "stream",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:the job stopped cleanly", ExitCodes.FAILED, ExitCodes.USAGE},
        description = "Runs the continuous job embedded: reads the orders, engagement, treatments and customers topics (JSON records "
                + "with the input contract's columns, keyed by customer_id), keeps every customer's segment current "
                + "with a refresh at each day boundary (watermark past midnight), writes the warehouse (PostgreSQL) "
                + "at every checkpoint and the transitions to PREFIXsegment-transitions; bad and late records go to "
                + "rejected_input. Runs until stopped (Ctrl-C); started again, it resumes from its last checkpoint.")
public final class StreamCommand implements Callable<Integer> {

    @Mixin
    JobOptions job;

    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "Folder for the job's checkpoints (default: ./segments-checkpoints/ID); the job resumes "
                    + "from the latest one there.")
    Path checkpoints;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Tasks per operator (default: the machine's cores).")
    Integer parallelism;

    @Option(names = "--flink", paramLabel = "KEY=VALUE",
            description = "A Flink configuration option, e.g. execution.checkpointing.interval=30s. Repeatable.")
    Map<String, String> flink = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (parallelism != null && parallelism < 1) {
            throw new IllegalArgumentException("--parallelism " + parallelism + " must be at least 1");
        }
        ContinuousJob.Settings settings = job.settings(System.err);
        Configuration conf = Configuration.fromMap(flink);
        conf.set(CoreOptions.DEFAULT_PARALLELISM,
                parallelism == null ? Runtime.getRuntime().availableProcessors() : parallelism);
        Path dir = checkpoints != null ? checkpoints : Path.of("segments-checkpoints", job.groupId);
        JobClient running = ContinuousJob.start(settings, conf, dir, System.err);
        System.err.printf("continuous job %s: reading the %s* topics from %s, writing %s; checkpoints in"
                + " %s. Ctrl-C stops it.%n", running.getJobID(), job.topicPrefix, job.bootstrapServers,
                Warehouse.displayUrl(job.warehouse.url), dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.cancel().get();
            } catch (Exception e) {
                // the JVM is stopping: the job stops with it, and resumes from its last checkpoint
            }
        }));
        running.getJobExecutionResult().get();
        return 0;
    }
}
