package org.retentionsegments.cli;

import org.apache.flink.core.execution.JobClient;
import org.retentionsegments.flink.ContinuousJob;
import org.retentionsegments.warehouse.Secrets;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/**
 * The continuous job on a Flink cluster, the entry point of {@code retention-segments-cluster.jar}:
 * {@code flink run -d -c org.retentionsegments.cli.ClusterJob retention-segments-cluster.jar
 * --bootstrap-servers HOST:PORT --warehouse jdbc:postgresql://...}, or a Kubernetes
 * {@code FlinkDeployment} ({@code infra/k8s}). The options are those of {@code ./segments stream}
 * ({@link JobOptions}) but the parallelism, the checkpoints, the state backend's memory and a
 * savepoint to resume from, which are the cluster's ({@code flink run -p N -s SAVEPOINT}).
 */
@Command(
        name = "ClusterJob",
        mixinStandardHelpOptions = true,
        description = "Submits the continuous job to the Flink cluster this program runs on (flink run): reads the "
                + "PREFIXorders, engagement, treatments and customers topics, keeps every customer's segment "
                + "current in the warehouse (PostgreSQL) and writes the transitions to PREFIXsegment-transitions. "
                + "The cluster's checkpoint storage, state backend and restart strategy apply; where it sets none, "
                + "RocksDB with incremental checkpoints every 10 s.")
public final class ClusterJob {

    /** The main class of the cluster jar, as {@code flink run -c} and a FlinkDeployment name it. */
    public static final String MAIN = ClusterJob.class.getName();

    @Mixin
    JobOptions job;

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            Secrets.registerUrl(arg);
        }
        ClusterJob program = parse(args);
        if (program == null) {
            return;
        }
        ContinuousJob.Settings settings = program.job.settings(System.err);
        // on `flink run` (attached or detached) and on the operator the job is submitted here; the
        // pipeline extractor of `flink info` and of REST submission stops at this call instead
        JobClient running = ContinuousJob.startOnCluster(settings, System.err);
        System.err.printf("continuous job %s submitted: reading the %s* topics from %s, writing %s%n",
                running.getJobID(), program.job.topicPrefix, program.job.bootstrapServers,
                Warehouse.displayUrl(program.job.warehouse.url));
    }

    /**
     * The program with the options of {@code args}, parsed as {@link #main} parses them; null
     * (after the usage text) when {@code --help} or {@code --version} was asked.
     *
     * @throws IllegalArgumentException naming what is wrong with the options
     */
    public static ClusterJob parse(String... args) {
        ClusterJob program = new ClusterJob();
        CommandLine cmd = OptionValues.register(new CommandLine(program)).setUsageHelpWidth(110);
        try {
            cmd.parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(Secrets.mask(e.getMessage()) + "; see " + MAIN + " --help", e);
        }
        if (cmd.isUsageHelpRequested() || cmd.isVersionHelpRequested()) {
            cmd.usage(System.out);
            return null;
        }
        return program;
    }
}
