-- The canonical engagement columns as text, one row per readable record of the engagement files.
-- An adapter may replace this view, reading engagement_lines (input_file, input_line, line).
-- The record_time placeholder is empty for files; a continuous job passes its time attribute through.
CREATE TEMPORARY VIEW engagement_fields AS
SELECT
  input_file, input_line, raw_line, CAST(NULL AS STRING) AS parse_error,
  customer_id, event_ts, event_type, channel, event_id${record_time}
FROM engagement_records
