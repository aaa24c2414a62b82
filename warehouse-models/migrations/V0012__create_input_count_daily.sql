-- Accounting of a continuous job's inputs per source and UTC day of the records' event time
-- (order_ts, event_ts, treated_ts, signup_ts); a record whose event time cannot be read counts
-- on the UTC day its Kafka timestamp names. read_rows = accepted + rejected + duplicates. late
-- counts the records that came after their day was refreshed: rejected (late_records: reject in
-- pipeline.yaml) or applied on the day the job was in, and counted on that day (next_refresh).
-- A day's accepted and duplicates are complete once the watermark has passed the day's end.
CREATE TABLE input_count_daily (
    run_id     VARCHAR   NOT NULL,
    source     VARCHAR   NOT NULL,
    event_day  DATE      NOT NULL,
    read_rows  BIGINT    NOT NULL,
    accepted   BIGINT    NOT NULL,
    rejected   BIGINT    NOT NULL,
    late       BIGINT    NOT NULL,
    duplicates BIGINT    NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT input_count_daily_pk PRIMARY KEY (run_id, source, event_day)
);
