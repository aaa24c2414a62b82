package org.retentionsegments.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.retentionsegments.core.TransitionEvent;

/**
 * The {@code segment-transitions} topic: every move of a customer at a live refresh, as JSON keyed
 * by customer, written exactly once (Kafka transactions committed with each checkpoint; readers
 * use {@code isolation.level=read_committed}).
 */
final class TransitionsTopic {

    static final String NAME = "segment-transitions";

    /**
     * Kafka's transaction timeout for the job's producer: longer than a checkpoint interval and a
     * restart, and within the broker's default maximum (15 minutes).
     */
    static final String TRANSACTION_TIMEOUT_MS = String.valueOf(10 * 60 * 1000);

    private TransitionsTopic() {}

    static KafkaSink<TransitionEvent> sink(TopicInputs.Topics topics) {
        Properties producer = new Properties();
        producer.putAll(topics.properties());
        producer.setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
        String topic = ContinuousJob.transitionsTopic(topics.prefix());
        return KafkaSink.<TransitionEvent>builder()
                .setBootstrapServers(topics.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(topics.groupId() + "-" + NAME)
                .setRecordSerializer(new Serializer(topic))
                .build();
    }

    /** One record: key the customer id, value the JSON of {@link #json}. */
    static final class Serializer implements KafkaRecordSerializationSchema<TransitionEvent> {

        private final String topic;
        private transient ObjectMapper mapper;

        Serializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(TransitionEvent e, KafkaSinkContext context, Long timestamp) {
            if (mapper == null) {
                mapper = new ObjectMapper();
            }
            // the record's time is when it is sent (a refresh's event time may be ahead of the
            // broker's clock, which refuses records from the future)
            return new ProducerRecord<>(topic, null, null, e.customerId().getBytes(StandardCharsets.UTF_8),
                    json(mapper, e).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code {"customer_id", "as_of", "from", "to", "strategy", "arm", "program_id", "config_version"}}. */
    static String json(ObjectMapper mapper, TransitionEvent e) {
        ObjectNode node = mapper.createObjectNode();
        node.put("customer_id", e.customerId());
        node.put("as_of", e.asOf().toString());
        node.put("from", e.fromSegment());
        node.put("to", e.toSegment());
        node.put("strategy", e.strategy());
        node.put("arm", e.arm() == null ? null : e.arm().label());
        node.put("program_id", e.programId());
        node.put("config_version", e.configVersion());
        return node.toString();
    }
}
