package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * A transition the continuous job sent to a Kafka topic ({@code topic_delivery}): the message's
 * customer, refresh day, segments, program and arm. A treatment-arm message of a program is a
 * delivery (an activation system consuming the topic contacts the customer); a holdout-arm one
 * tells it to leave the customer out. Natural key: (topic, customer_id, as_of).
 */
public record TopicDelivery(String topic, String customerId, LocalDate asOf, String fromSegment, String toSegment,
        String programId, Arm arm, String configVersion) implements WarehouseRow, CustomerRow {

    /** The record of sending {@code event} to {@code topic}. */
    public static TopicDelivery of(String topic, TransitionEvent event) {
        return new TopicDelivery(topic, event.customerId(), event.asOf(), event.fromSegment(), event.toSegment(),
                event.programId(), event.arm(), event.configVersion());
    }
}
