package org.retentionsegments.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.retentionsegments.flink.ContinuousJob;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.replay.TopicRecords.TopicRecord;

/**
 * Sends topic records ({@link TopicRecords}) to the continuous job's input topics in the order
 * given, at most {@link Options#rate()} a second, each partition in the order sent
 * ({@link KafkaClients#orderedProducer}).
 * {@link #sent()} and {@link #eventMs()} may be read from another thread while it runs.
 */
public final class Replay {

    /**
     * @param rate records per second; 0 sends as fast as the brokers take them
     * @param partitions partitions of a topic the replay creates
     * @param kafka further producer and admin properties
     */
    public record Options(String bootstrapServers, String prefix, int partitions, double rate,
            Map<String, String> kafka) {

        public Options {
            if (partitions < 1) {
                throw new IllegalArgumentException("--partitions " + partitions + " must be at least 1");
            }
            if (rate < 0) {
                throw new IllegalArgumentException("--rate " + rate + " must be 0 (as fast as possible) or more");
            }
            kafka = Map.copyOf(kafka);
        }

        /** The four input topics and the transitions topic. */
        public List<String> topics() {
            return ContinuousJob.topicNames(prefix);
        }

        public List<String> inputTopics() {
            return ContinuousJob.inputTopicNames(prefix);
        }
    }

    private final Options options;
    private final List<TopicRecord> records;
    private volatile long sent;
    private volatile long eventMs = TopicRecords.NO_TIME;

    public Replay(Options options, List<TopicRecord> records) {
        this.options = options;
        this.records = records;
    }

    public long total() {
        return records.size();
    }

    /** Records handed to the producer so far. */
    public long sent() {
        return sent;
    }

    /** The event time of the last record sent, or {@link TopicRecords#NO_TIME}. */
    public long eventMs() {
        return eventMs;
    }

    /**
     * Creates those of {@link Options#topics()} that do not exist, with {@link Options#partitions()}
     * partitions each; returns the ones it created.
     *
     * @throws IllegalArgumentException in one line when the brokers cannot be reached
     */
    public static List<String> createTopics(Options options) {
        try (Admin admin = KafkaClients.admin(options.bootstrapServers(), options.kafka())) {
            Set<String> existing;
            try {
                existing = admin.listTopics().names().get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw KafkaClients.unreachable(options.bootstrapServers(), "list the topics", e);
            }
            List<NewTopic> missing = options.topics().stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.of(options.partitions()), Optional.empty())).toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    throw KafkaClients.unreachable(options.bootstrapServers(), "create the topics " + missing, e);
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        }
    }

    /**
     * Deletes those of {@link Options#topics()} that exist, with their records, and waits until
     * the brokers list them no more.
     */
    public static void deleteTopics(Options options) throws InterruptedException {
        try (Admin admin = KafkaClients.admin(options.bootstrapServers(), options.kafka())) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KafkaClients.TIMEOUT_MS);
            while (true) {
                Set<String> existing;
                try {
                    existing = admin.listTopics().names().get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw KafkaClients.unreachable(options.bootstrapServers(), "list the topics", e);
                }
                List<String> there = options.topics().stream().filter(existing::contains).toList();
                if (there.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("Kafka at " + options.bootstrapServers() + " still lists the topics "
                            + there + " after deleting them; try again in a minute");
                }
                admin.deleteTopics(there);
                Thread.sleep(500);
            }
        }
    }

    /**
     * Sends every record and waits until all are acknowledged.
     *
     * @return the records sent per input
     * @throws IOException when a record was not acknowledged (the first failure, in one line)
     */
    public Map<InputKind, Long> run() throws IOException, InterruptedException {
        Map<InputKind, Long> counts = new EnumMap<>(InputKind.class);
        Map<InputKind, String> topics = new EnumMap<>(InputKind.class);
        for (InputKind kind : InputKind.values()) {
            counts.put(kind, 0L);
            topics.put(kind, ContinuousJob.inputTopic(options.prefix(), kind));
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        Pace pace = new Pace(options.rate());
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            for (TopicRecord r : records) {
                long wait = pace.waitNanos(sent, System.nanoTime() - started);
                if (wait > 1_000_000) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (failure.get() != null) {
                    break;
                }
                producer.send(new ProducerRecord<>(topics.get(r.kind()), r.key(), r.value()), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                counts.merge(r.kind(), 1L, Long::sum);
                eventMs = r.eventMs();
                sent++;
            }
            producer.flush();
        }
        Exception e = failure.get();
        if (e != null) {
            throw new IOException("Kafka at " + options.bootstrapServers() + " did not take a record after " + sent
                    + " were sent (" + e.getMessage() + "): is the broker still running?", e);
        }
        return counts;
    }

    private Properties producerProperties() {
        Properties p = KafkaClients.orderedTextProducer(options.bootstrapServers(), options.kafka());
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return p;
    }
}
