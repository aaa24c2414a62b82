-- A customer entered a segment at a refresh: one row per customer per refresh with a change.
-- from_segment is NULL when the customer is seen for the first time.
CREATE TABLE segment_transition (
    customer_id  VARCHAR          NOT NULL,
    as_of        DATE             NOT NULL,
    from_segment VARCHAR,
    to_segment   VARCHAR          NOT NULL,
    CONSTRAINT segment_transition_pk PRIMARY KEY (customer_id, as_of)
);
