-- The canonical customer columns as text, one row per readable record of the customers files.
-- An adapter may replace this view, reading customers_lines (input_file, input_line, line).
-- The record_time placeholder is empty for files; a continuous job passes its time attribute through.
CREATE TEMPORARY VIEW customers_fields AS
SELECT
  input_file, input_line, raw_line, CAST(NULL AS STRING) AS parse_error,
  customer_id, signup_ts, email_consent, country, email, phone${record_time}
FROM customers_records
