-- The accepted order lines of orders_timed, as they arrive.
CREATE TEMPORARY VIEW orders_on_time AS
SELECT input_file, input_line, raw_line, order_id, customer_id, order_ts, amount, line_no, category, channel,
  discount, rowtime
FROM orders_timed
WHERE reject_reason IS NULL
