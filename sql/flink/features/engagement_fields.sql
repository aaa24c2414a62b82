-- The canonical engagement columns as text, one row per input record.
CREATE TEMPORARY VIEW engagement_fields AS
SELECT
  line AS raw_line,
  ${engagement.parse_error} AS parse_error,
  ${engagement.col.customer_id} AS customer_id,
  ${engagement.col.event_ts} AS event_ts,
  ${engagement.col.event_type} AS event_type,
  ${engagement.col.channel} AS channel,
  ${engagement.col.event_id} AS event_id
FROM (
  SELECT line, ${engagement.split} AS f
  FROM engagement_lines
  WHERE IS_RECORD(line, ${engagement.header})
)
