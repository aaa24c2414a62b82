-- The canonical treatment columns as text, one row per readable record of the treatments files.
-- An adapter may replace this view, reading treatments_lines (input_file, input_line, line).
-- The record_time placeholder is empty for files; a continuous job passes its time attribute through.
CREATE TEMPORARY VIEW treatments_fields AS
SELECT
  input_file, input_line, raw_line, CAST(NULL AS STRING) AS parse_error,
  program_id, customer_id, treated_ts, arm, channel, cost${record_time}
FROM treatments_records
