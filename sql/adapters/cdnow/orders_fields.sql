-- Adapter for the CDNOW master file (whitespace-separated, CRLF, header line):
--   customer_id  date(yyyyMMdd)  number_of_cds  dollar_value
-- Each record is an order line; the order id is derived from customer and date, so records of
-- one customer on one day form one order. There is no time of day: every order is at midnight.
CREATE TEMPORARY VIEW orders_fields AS
SELECT
  input_file, input_line, line AS raw_line,
  CASE WHEN CARDINALITY(f) <> 4
    THEN 'expected 4 white-space separated fields, found ' || CAST(CARDINALITY(f) AS STRING)
  END AS parse_error,
  f[1] || '-' || f[2] AS order_id,
  f[1] AS customer_id,
  CASE WHEN CHAR_LENGTH(f[2]) = 8
    THEN SUBSTRING(f[2] FROM 1 FOR 4) || '-' || SUBSTRING(f[2] FROM 5 FOR 2) || '-' || SUBSTRING(f[2] FROM 7 FOR 2)
    ELSE f[2]
  END AS order_ts,
  f[4] AS amount,
  CAST(NULL AS STRING) AS line_no,
  CAST(NULL AS STRING) AS category,
  CAST(NULL AS STRING) AS channel,
  CAST(NULL AS STRING) AS discount
FROM (
  SELECT input_file, input_line, line, SPLIT_WS(line) AS f
  FROM orders_lines
  WHERE TRIM(line) <> '' AND line NOT LIKE '%customer_id%'
)
