-- Rejected input rows handed to the streaming stage, whose warehouse writer keeps them in
-- rejected_input.
CREATE TEMPORARY TABLE rejected_staged (
  source STRING,
  input_file STRING,
  input_line BIGINT,
  raw_line STRING,
  reject_reason STRING
) WITH (
  'connector' = 'filesystem',
  'path' = ${staging.rejected},
  'format' = 'json',
  'sink.parallelism' = '1'
)
