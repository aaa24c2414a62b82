package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;
import org.retentionsegments.flink.ContinuousJob;
import org.retentionsegments.flink.state.EagerCompaction;

/** The cluster entry point reads the options of {@code ./segments stream}, and leaves the cluster its own. */
class ClusterJobTest {

    @Test
    void theOptionsOfTheContinuousJobAreRead() {
        ClusterJob program = ClusterJob.parse("--bootstrap-servers", "kafka:9092", "--topic-prefix", "shop.",
                "--group-id", "g1", "--warehouse", "jdbc:postgresql://db:5432/w?user=u", "--config", "/etc/rs",
                "--kafka", "security.protocol=SASL_SSL", "--kafka", "sasl.mechanism=PLAIN");
        assertEquals("kafka:9092", program.job.bootstrapServers);
        assertEquals("shop.", program.job.topicPrefix);
        assertEquals("g1", program.job.groupId);
        assertEquals("jdbc:postgresql://db:5432/w?user=u", program.job.warehouse.url);
        assertEquals(Path.of("/etc/rs"), program.job.config);
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"), program.job.kafka);
    }

    @Test
    void aWrongOptionIsOneMessageNamingIt() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ClusterJob.parse("--warehouse", "jdbc:postgresql://db/w"));
        assertTrue(missing.getMessage().contains("--bootstrap-servers"), missing.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ClusterJob.parse("--bootstrap-servers", "k:9092", "--parallelism", "2"));
        assertTrue(unknown.getMessage().contains("--parallelism") && unknown.getMessage().contains("--help"),
                unknown.getMessage());
    }

    @Test
    void helpIsNoProgram() {
        assertNull(ClusterJob.parse("--help"));
    }

    @Test
    void theClusterKeepsWhatItConfiguresAndTheJobFillsTheRest() {
        Configuration cluster = new Configuration();
        cluster.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        cluster.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMinutes(1));
        cluster.set(PipelineOptions.OBJECT_REUSE, false);
        cluster.set(org.apache.flink.state.rocksdb.RocksDBOptions.OPTIONS_FACTORY, "com.example.TheirOptions");
        cluster.set(org.apache.flink.state.rocksdb.RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS, false);
        Configuration conf = ContinuousJob.configuration(cluster);
        assertEquals(false, conf.get(org.apache.flink.state.rocksdb.RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS));
        assertEquals(false, conf.get(PipelineOptions.OBJECT_REUSE));
        assertEquals("com.example.TheirOptions", conf.get(org.apache.flink.state.rocksdb.RocksDBOptions.OPTIONS_FACTORY));
        assertEquals("hashmap", conf.get(StateBackendOptions.STATE_BACKEND));
        assertEquals(Duration.ofMinutes(1), conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
        assertEquals(true, conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS));
        assertEquals("exponential-delay", conf.get(RestartStrategyOptions.RESTART_STRATEGY));

        Configuration defaults = ContinuousJob.configuration(new Configuration());
        assertEquals("rocksdb", defaults.get(StateBackendOptions.STATE_BACKEND));
        assertEquals(Duration.ofSeconds(10), defaults.get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
        assertEquals(true, defaults.get(org.apache.flink.state.rocksdb.RocksDBConfigurableOptions.USE_BLOOM_FILTER));
        assertEquals(true, defaults.get(org.apache.flink.state.rocksdb.RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS));
        assertEquals(EagerCompaction.class.getName(),
                defaults.get(org.apache.flink.state.rocksdb.RocksDBOptions.OPTIONS_FACTORY));
        assertEquals(true, defaults.get(PipelineOptions.OBJECT_REUSE));
        assertTrue(!defaults.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)
                        && !defaults.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
                "no memory and no checkpoint folder on a cluster: " + defaults);
    }
}
