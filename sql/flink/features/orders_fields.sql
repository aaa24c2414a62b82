-- The canonical order columns as text, one row per readable record of the orders files.
-- An adapter (--source-sql) may replace this view, reading orders_lines (input_file, input_line,
-- line) instead: it must produce these columns, input_line a BIGINT and all others STRING.
-- The record_time placeholder is empty for files; a continuous job passes its time attribute through.
CREATE TEMPORARY VIEW orders_fields AS
SELECT
  input_file, input_line, raw_line, CAST(NULL AS STRING) AS parse_error,
  order_id, customer_id, order_ts, amount, line_no, category, channel, discount${record_time}
FROM orders_records
