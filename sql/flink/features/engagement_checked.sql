-- Typed engagement events with the reason each bad one is rejected (NULL = accepted).
CREATE TEMPORARY VIEW engagement_checked AS
SELECT
  raw_line, customer_id, ts AS event_ts, LOWER(TRIM(event_type)) AS event_type, channel, event_id,
  CASE
    WHEN parse_error IS NOT NULL THEN parse_error
    WHEN customer_id IS NULL THEN 'missing customer_id'
    WHEN event_type IS NULL THEN 'missing event_type'
    WHEN ts IS NULL THEN 'event_ts is not a valid ISO-8601 timestamp: ' || COALESCE(event_ts, '(empty)')
    WHEN ts > TIMESTAMP '${future_cutoff}' THEN 'event_ts is in the future (beyond ${future_cutoff} UTC): ' || event_ts
  END AS reject_reason
FROM (
  SELECT f.*, PARSE_TS(event_ts, '${timezone}') AS ts
  FROM engagement_fields AS f
)
