-- The canonical order columns as text, one row per input record; header and blank lines dropped.
-- An adapter (--source-sql) may replace this view: it must produce these columns, all STRING.
CREATE TEMPORARY VIEW orders_fields AS
SELECT
  line AS raw_line,
  ${orders.parse_error} AS parse_error,
  ${orders.col.order_id} AS order_id,
  ${orders.col.customer_id} AS customer_id,
  ${orders.col.order_ts} AS order_ts,
  ${orders.col.amount} AS amount,
  ${orders.col.line_no} AS line_no,
  ${orders.col.category} AS category,
  ${orders.col.channel} AS channel,
  ${orders.col.discount} AS discount
FROM (
  SELECT line, ${orders.split} AS f
  FROM orders_lines
  WHERE IS_RECORD(line, ${orders.header})
)
