-- Typed engagement events with the reason each bad one is rejected (NULL = accepted). The
-- record_time placeholder passes a continuous job's time attribute through (empty for files).
CREATE TEMPORARY VIEW engagement_checked AS
SELECT
  input_file, input_line, raw_line, customer_id, ts AS event_ts, LOWER(TRIM(event_type)) AS event_type,
  channel, event_id,
  CASE
    WHEN parse_error IS NOT NULL THEN parse_error
    WHEN customer_id IS NULL THEN 'missing customer_id'
    WHEN event_type IS NULL THEN 'missing event_type'
    WHEN text_problem IS NOT NULL THEN text_problem
    WHEN ts IS NULL THEN 'event_ts is not a valid ISO-8601 timestamp: ' || COALESCE(event_ts, '(empty)')
    WHEN ts < TIMESTAMP '${earliest} 00:00:00' THEN 'event_ts is before the earliest accepted date ${earliest}: ' || event_ts
    WHEN ts > TIMESTAMP '${future_cutoff}' THEN 'event_ts is in the future (beyond ${future_cutoff} UTC): ' || event_ts
  END AS reject_reason${record_time}
FROM (
  SELECT f.*, PARSE_TS(event_ts, '${timezone}') AS ts,
    COALESCE(ID_PROBLEM('customer_id', customer_id), ID_PROBLEM('event_id', event_id),
      TEXT_PROBLEM('event_type', event_type), TEXT_PROBLEM('channel', channel)) AS text_problem
  FROM engagement_fields AS f
)
