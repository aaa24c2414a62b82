-- The canonical customer columns as text, one row per input record.
CREATE TEMPORARY VIEW customers_fields AS
SELECT
  line AS raw_line,
  ${customers.parse_error} AS parse_error,
  ${customers.col.customer_id} AS customer_id,
  ${customers.col.signup_ts} AS signup_ts,
  ${customers.col.email_consent} AS email_consent,
  ${customers.col.country} AS country
FROM (
  SELECT line, ${customers.split} AS f
  FROM customers_lines
  WHERE IS_RECORD(line, ${customers.header})
)
