package org.retentionsegments.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.cli.Segments;
import org.retentionsegments.fixtures.TestKafka;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.Values;
import picocli.CommandLine;

/**
 * {@code ./segments generate --kafka} on an in-process broker: the topics hold exactly the rows of
 * the files the same options write, keyed by customer, each partition in event-time order, sent
 * at the rate asked; the lag of a group is what it has not committed.
 */
class GenerateKafkaITCase {

    @RegisterExtension
    static final TestKafka KAFKA = new TestKafka();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTopicsHoldTheGeneratedRowsKeyedByCustomerInEventTimeOrderAtTheRateAsked(@TempDir Path files)
            throws Exception {
        String prefix = TestKafka.topicPrefix();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Segments.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        long started = System.nanoTime();
        int exit = cli.execute("generate", "--kafka", KAFKA.bootstrapServers(), "--topic-prefix", prefix,
                "--customers", "150", "--days", "200", "--seed", "3", "--end-date", "2026-06-30",
                "--partitions", "3", "--rate", "2000", "--out", files.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(0, exit, err.toString());

        long total = 0;
        for (Map.Entry<InputKind, Path> file : TopicRecords.generatedFiles(files).entrySet()) {
            InputKind kind = file.getKey();
            long rows = Files.readAllLines(file.getValue()).size() - 1; // the header
            List<ConsumerRecord<byte[], byte[]>> records = KAFKA.readAll(prefix + kind.label(), Duration.ofSeconds(2));
            assertEquals(rows, records.size(), "records of " + kind + " = rows of " + file.getValue().getFileName());
            Map<Integer, Long> lastTime = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                JsonNode value = JSON.readTree(record.value());
                assertEquals(value.get("customer_id").asText(), new String(record.key(), StandardCharsets.UTF_8));
                long ms = Values.timestampUtc(value.get(kind.timeColumn()).asText(), ZoneOffset.UTC)
                        .toInstant(ZoneOffset.UTC).toEpochMilli();
                long before = lastTime.getOrDefault(record.partition(), Long.MIN_VALUE);
                assertTrue(before <= ms, kind + " partition " + record.partition() + " in event-time order at "
                        + record.offset());
                lastTime.put(record.partition(), ms);
            }
            assertEquals(3, lastTime.size(), kind + " spread over the 3 partitions by customer");
            total += rows;
        }
        assertTrue(seconds >= (total - 1) / 2000.0, total + " events at 2000/s took " + seconds + " s");
        assertTrue(out.toString().contains(String.format("Sent %,d events", total)), out.toString());
        assertTrue(KAFKA.readAll(prefix + "segment-transitions", Duration.ofMillis(500)).isEmpty(),
                "the transitions topic is created, empty");

        // a group that has committed part of the orders topic lags by the rest
        String orders = prefix + "orders";
        List<String> inputs = List.of(orders, prefix + "engagement", prefix + "treatments", prefix + "customers");
        try (Admin admin = KafkaClients.admin(KAFKA.bootstrapServers(), Map.of())) {
            assertEquals(total, ConsumerLag.fetch(admin, "nobody", inputs), "a group that read nothing lags by all");
            long committed = commitHalfOf(orders, "half");
            assertEquals(total - committed, ConsumerLag.fetch(admin, "half", inputs));
        }
    }

    @Test
    void aBrokerThatCannotBeReachedIsOneLine() {
        StringWriter err = new StringWriter();
        int exit = Segments.commandLine().setErr(new PrintWriter(err))
                .execute("generate", "--kafka", "127.0.0.1:1", "--customers", "10");
        assertEquals(1, exit);
        String said = err.toString().strip();
        assertTrue(said.startsWith("error: cannot list the topics at 127.0.0.1:1") && said.contains("infra/start-kafka.sh")
                && !said.contains("\n"), said);
    }

    /** Commits half of each partition of {@code topic} for {@code group}; returns how many records that is. */
    private long commitHalfOf(String topic, String group) {
        Properties p = new Properties();
        p.put("bootstrap.servers", KAFKA.bootstrapServers());
        p.put("group.id", group);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            long committed = 0;
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
                offsets.put(end.getKey(), new OffsetAndMetadata(end.getValue() / 2));
                committed += end.getValue() / 2;
            }
            consumer.commitSync(offsets);
            return committed;
        }
    }
}
