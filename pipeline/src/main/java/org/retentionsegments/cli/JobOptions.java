package org.retentionsegments.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.ContinuousJob;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the continuous job wherever it runs, embedded ({@code ./segments stream}) or on a
 * Flink cluster ({@link ClusterJob}): the topics, the warehouse and the configuration.
 */
public final class JobOptions {

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT",
            description = "Kafka brokers to read the topics from.")
    public String bootstrapServers;

    @Option(names = "--topic-prefix", defaultValue = "", paramLabel = "PREFIX",
            description = "Prefix of the topic names: PREFIXorders, PREFIXengagement, PREFIXtreatments, PREFIXcustomers, "
                    + "PREFIXsegment-transitions "
                    + "(default: no prefix).")
    public String topicPrefix;

    @Option(names = "--group-id", defaultValue = "retention-segments", paramLabel = "ID",
            description = "Kafka consumer group of the job (default: ${DEFAULT-VALUE}); also its run_id in "
                    + "rejected_input (stream-ID).")
    public String groupId;

    @Option(names = "--config", paramLabel = "DIR",
            description = "Folder with pipeline.yaml, segments.yaml, strategies.yaml and/or lead_scoring.yaml (default: built-in).")
    public Path config;

    @Option(names = ConfigGate.FLAG,
            description = "Run even when `config check` finds unreachable segments or monotonicity violations.")
    boolean allowConfigFindings;

    @Option(names = "--kafka", paramLabel = "KEY=VALUE",
            description = "A Kafka consumer property, e.g. security.protocol=SASL_SSL. Repeatable.")
    public Map<String, String> kafka = new LinkedHashMap<>();

    @Mixin
    public WarehouseOption warehouse;

    /**
     * The job's settings; the configuration must load and pass {@code config check} (unless
     * {@code --allow-config-findings}; the warning goes to {@code err}).
     */
    public ContinuousJob.Settings settings(PrintStream err) {
        ConfigGate.check(config, allowConfigFindings, err);
        return ContinuousJob.Settings.of(bootstrapServers, topicPrefix, groupId, warehouse.url,
                BoundedRun.configTexts(config), kafka);
    }
}
