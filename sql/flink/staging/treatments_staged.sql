-- Accepted treatment rows handed to the streaming stage, sorted by time, which stamps each with
-- the customer's segment at that time.
CREATE TEMPORARY TABLE treatments_staged (
  program_id STRING,
  customer_id STRING,
  treated_ts TIMESTAMP(3),
  arm STRING,
  channel STRING,
  cost DOUBLE
) WITH (
  'connector' = 'filesystem',
  'path' = ${staging.treatments},
  'format' = 'json',
  'sink.parallelism' = '1'
)
