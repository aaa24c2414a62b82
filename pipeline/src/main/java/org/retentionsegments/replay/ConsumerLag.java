package org.retentionsegments.replay;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind on some topics: per partition, the latest offset minus the
 * group's committed offset (the earliest offset where it has committed none), summed. The
 * continuous job commits its offsets at every checkpoint, so its lag falls in steps.
 */
public final class ConsumerLag {

    private ConsumerLag() {}

    /** The records not yet consumed, given each partition's offsets. */
    public static long of(Map<TopicPartition, Long> latest, Map<TopicPartition, Long> earliest,
            Map<TopicPartition, Long> committed) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : latest.entrySet()) {
            Long done = committed.get(end.getKey());
            long from = done != null ? done : earliest.getOrDefault(end.getKey(), 0L);
            lag += Math.max(0, end.getValue() - from);
        }
        return lag;
    }

    /** The records the {@code topics} hold now (latest minus earliest offsets), asked of the brokers. */
    public static long records(Admin admin, Collection<String> topics) throws Exception {
        Ends ends = ends(admin, topics);
        return of(ends.latest(), ends.earliest(), Map.of());
    }

    /** The lag of {@code group} on {@code topics}, asked of the brokers. */
    public static long fetch(Admin admin, String group, Collection<String> topics) throws Exception {
        Ends ends = ends(admin, topics);
        Map<TopicPartition, Long> latest = ends.latest();
        Map<TopicPartition, Long> earliest = ends.earliest();
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> groupOffsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        groupOffsets.forEach((tp, offset) -> {
            if (offset != null && latest.containsKey(tp)) {
                committed.put(tp, offset.offset());
            }
        });
        return of(latest, earliest, committed);
    }

    /** The latest and the earliest offset of every partition of some topics. */
    private record Ends(Map<TopicPartition, Long> latest, Map<TopicPartition, Long> earliest) {}

    private static Ends ends(Admin admin, Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latestSpec = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliestSpec = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .forEach((name, description) -> description.partitions().forEach(p -> {
                    latestSpec.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
                    earliestSpec.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
                }));
        return new Ends(offsets(admin, latestSpec), offsets(admin, earliestSpec));
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Map<TopicPartition, OffsetSpec> specs)
            throws Exception {
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(specs).all().get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }
}
