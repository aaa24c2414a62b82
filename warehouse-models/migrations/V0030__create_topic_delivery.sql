-- Deliveries by the continuous job (issue 11 item 0): one row per message the job sent to the
-- transitions topic (segment-transitions), so that an activation system consuming the topic
-- counts as a delivery in holdout_lift. The warehouse sink writes these rows at the same
-- checkpoint whose Kafka transaction commits the messages, together with the segment_transition
-- and treatment rows of the same refresh; a job restored from a checkpoint sends again and writes
-- the same rows again (idempotent on the key). Bounded runs send nothing and write no row.
-- arm is the message's: a holdout customer's message tells the activation system to leave the
-- customer out, so it is no contact (holdout_lift counts only arm 'treatment' as contacted).
CREATE TABLE topic_delivery (
    topic          VARCHAR NOT NULL,
    customer_id    VARCHAR NOT NULL,
    as_of          DATE    NOT NULL,
    from_segment   VARCHAR,
    to_segment     VARCHAR NOT NULL,
    program_id     VARCHAR,
    arm            VARCHAR,
    config_version VARCHAR,
    CONSTRAINT topic_delivery_pk PRIMARY KEY (topic, customer_id, as_of)
);

COMMENT ON TABLE topic_delivery IS 'Transitions the continuous job sent to its Kafka topic: one row per message (customer and refresh day), written with the refresh''s rows at the checkpoint that commits the message; a send of a treatment-arm customer of a program counts as a delivery in holdout_lift.';
COMMENT ON COLUMN topic_delivery.topic IS 'The Kafka topic the message went to (the job''s prefix and segment-transitions)';
COMMENT ON COLUMN topic_delivery.customer_id IS 'The customer''s identifier, as in the input (the message''s key)';
COMMENT ON COLUMN topic_delivery.as_of IS 'The refresh day at which the customer moved (segment_transition.as_of; for a program, the day of its treatment row)';
COMMENT ON COLUMN topic_delivery.from_segment IS 'The segment the customer left; empty on the customer''s first placement';
COMMENT ON COLUMN topic_delivery.to_segment IS 'The segment the customer entered';
COMMENT ON COLUMN topic_delivery.program_id IS 'The program the segment''s strategy enrolls the customer in (always_on); empty when it enrolls no one';
COMMENT ON COLUMN topic_delivery.arm IS 'treatment (to contact) or holdout (to leave out: not a contact) in that program; empty when there is no program';
COMMENT ON COLUMN topic_delivery.config_version IS 'The configuration that placed the customer, as the message says (a digest; its texts in config_version)';
