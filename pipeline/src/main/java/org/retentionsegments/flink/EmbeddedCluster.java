package org.retentionsegments.flink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * The in-process Flink cluster of a bounded run, started in the background as the run begins, so
 * that its start (actor system, JobManager, TaskManager: 1 to 2 s on an idle 2-core machine, more
 * of its classes loaded than in any other step) overlaps the warehouse's migrations and the first
 * stage, which use one core, instead of following them as {@code env.execute()}'s per-job cluster
 * does. Configured as that per-job cluster is (one TaskManager with a slot per unit of the job's
 * parallelism, a REST port the system picks); the job is submitted as {@code env.execute()} would
 * submit it, and its failure is thrown as {@code env.execute()} throws it.
 */
final class EmbeddedCluster implements AutoCloseable {

    private final CompletableFuture<MiniCluster> started;

    private EmbeddedCluster(CompletableFuture<MiniCluster> started) {
        this.started = started;
    }

    /** Starts a cluster for jobs of {@code conf}'s parallelism (the machine's cores if unset), on a daemon thread. */
    static EmbeddedCluster start(Configuration conf) {
        Configuration cluster = new Configuration(conf);
        if (!cluster.contains(RestOptions.BIND_PORT)) {
            cluster.set(RestOptions.BIND_PORT, "0");
        }
        int slots = cluster.getOptional(TaskManagerOptions.NUM_TASK_SLOTS)
                .orElse(cluster.getOptional(CoreOptions.DEFAULT_PARALLELISM)
                        .orElse(Runtime.getRuntime().availableProcessors()));
        MiniClusterConfiguration settings = new MiniClusterConfiguration.Builder()
                .setConfiguration(cluster)
                .setNumTaskManagers(1)
                .setRpcServiceSharing(RpcServiceSharing.SHARED)
                .setNumSlotsPerTaskManager(Math.max(1, slots))
                .build();
        CompletableFuture<MiniCluster> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            MiniCluster miniCluster = new MiniCluster(settings);
            try {
                miniCluster.start();
                started.complete(miniCluster);
            } catch (Throwable e) {
                miniCluster.closeAsync();
                started.completeExceptionally(e);
            }
        }, "flink cluster start");
        starter.setDaemon(true);
        starter.start();
        return new EmbeddedCluster(started);
    }

    /** Runs the environment's job (configured by {@code conf}) on the cluster to its end, as {@code env.execute(jobName)} would. */
    JobExecutionResult execute(StreamExecutionEnvironment env, Configuration conf, String jobName) throws Exception {
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(jobName);
        StreamGraph submitted = PipelineExecutorUtils.getStreamGraph(graph, conf);
        MiniCluster cluster = cluster();
        JobID job = cluster.submitJob(submitted).get().getJobID();
        JobResult result = cluster.requestJobResult(job).get();
        return result.toJobExecutionResult(EmbeddedCluster.class.getClassLoader());
    }

    private MiniCluster cluster() throws Exception {
        try {
            return started.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Stops the cluster (after its start, if it is still starting). */
    @Override
    public void close() throws Exception {
        MiniCluster cluster;
        try {
            cluster = started.get();
        } catch (ExecutionException e) {
            return; // it never started, and closed what it had
        }
        cluster.close();
    }
}
