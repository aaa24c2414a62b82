-- The per-input accounting of the batch stage, read back by the launcher.
CREATE TEMPORARY TABLE input_counts_staged (
  source STRING,
  read_rows BIGINT,
  rejected BIGINT,
  duplicates BIGINT,
  last_ts TIMESTAMP(3)
) WITH (
  'connector' = 'filesystem',
  'path' = ${staging.input_counts},
  'format' = 'json',
  'sink.parallelism' = '1'
)
