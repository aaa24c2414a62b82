-- Typed program entries with the reason each bad one is rejected (NULL = accepted). The
-- record_time placeholder passes a continuous job's time attribute through (empty for files).
CREATE TEMPORARY VIEW treatments_checked AS
SELECT
  input_file, input_line, raw_line, program_id, customer_id, ts AS treated_ts, LOWER(TRIM(arm)) AS arm,
  channel, cost_value AS cost,
  CASE
    WHEN parse_error IS NOT NULL THEN parse_error
    WHEN customer_id IS NULL THEN 'missing customer_id'
    WHEN program_id IS NULL THEN 'missing program_id'
    WHEN text_problem IS NOT NULL THEN text_problem
    WHEN ts IS NULL THEN 'treated_ts is not a valid ISO-8601 timestamp: ' || COALESCE(treated_ts, '(empty)')
    WHEN ts < TIMESTAMP '${earliest} 00:00:00' THEN 'treated_ts is before the earliest accepted date ${earliest}: ' || treated_ts
    WHEN ts > TIMESTAMP '${future_cutoff}' THEN 'treated_ts is in the future (beyond ${future_cutoff} UTC): ' || treated_ts
    WHEN arm IS NULL OR LOWER(TRIM(arm)) NOT IN ('treatment', 'holdout')
      THEN 'arm must be treatment or holdout: ' || COALESCE(arm, '(empty)')
    WHEN cost IS NOT NULL AND cost_value IS NULL THEN 'cost is not a finite number: ' || cost
    WHEN ABS(cost_value) >= ${amount_limit} THEN 'cost is beyond the accepted range (less than ${amount_limit} either way): ' || cost
  END AS reject_reason${record_time}
FROM (
  SELECT f.*, PARSE_TS(treated_ts, '${timezone}') AS ts, PARSE_NUMBER(cost) AS cost_value,
    COALESCE(ID_PROBLEM('program_id', program_id), ID_PROBLEM('customer_id', customer_id),
      TEXT_PROBLEM('channel', channel)) AS text_problem
  FROM treatments_fields AS f
)
