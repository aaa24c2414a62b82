package org.retentionsegments.replay;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka clients of the replay and the live demo, and the one-line error when the brokers cannot be reached. */
public final class KafkaClients {

    /** How long a client waits for the brokers before it gives up. */
    static final int TIMEOUT_MS = 15_000;

    private KafkaClients() {}

    static Properties properties(String bootstrapServers, Map<String, String> extra) {
        Properties p = new Properties();
        p.putAll(extra);
        p.put("bootstrap.servers", bootstrapServers);
        p.put("default.api.timeout.ms", String.valueOf(TIMEOUT_MS));
        p.put("request.timeout.ms", String.valueOf(TIMEOUT_MS));
        return p;
    }

    /**
     * A producer's properties (serializers to add) that keep each partition in the order records
     * were sent: every record acknowledged by all in-sync replicas, one request in flight. Not
     * idempotent: on the tests' in-process broker an idempotent producer under load once fell into
     * endless OutOfOrderSequence retries, and a send never returned.
     */
    public static Properties orderedProducer(String bootstrapServers, Map<String, String> extra) {
        Properties p = properties(bootstrapServers, extra);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(TIMEOUT_MS));
        return p;
    }

    /** {@link #orderedProducer} with text keys and values. */
    public static Properties orderedTextProducer(String bootstrapServers, Map<String, String> extra) {
        Properties p = orderedProducer(bootstrapServers, extra);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    public static Admin admin(String bootstrapServers, Map<String, String> extra) {
        return Admin.create(properties(bootstrapServers, extra));
    }

    /** The failure of a call to the brokers at {@code bootstrapServers}, in one line that says what to do. */
    static IllegalArgumentException unreachable(String bootstrapServers, String what, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String why = cause.getMessage() == null ? "no answer within " + TIMEOUT_MS / 1000 + " s" : cause.getMessage();
        return new IllegalArgumentException("cannot " + what + " at " + bootstrapServers + " (" + why
                + "): is Kafka running there? infra/start-kafka.sh starts a local broker on 127.0.0.1:9092", e);
    }
}
