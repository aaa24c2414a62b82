-- One row per order and UTC day: its lines summed (a negative total is a return or refund).
-- other_customer differs from customer_id when the order's lines name more than one customer:
-- such an order is rejected as a whole (rejected_topics), not summed under one of them.
CREATE TEMPORARY VIEW orders_daily AS
SELECT order_id, MIN(customer_id) AS customer_id, MAX(customer_id) AS other_customer,
  MIN(order_ts) AS order_ts, SUM(amount) AS amount, MIN(channel) AS channel,
  MAX(CASE WHEN discount > 0 THEN 1 ELSE 0 END) AS discounted,
  MIN(input_file) AS input_file, MIN(input_line) AS input_line, LISTAGG(raw_line, ' | ') AS raw_lines,
  COUNT(*) AS line_count,
  window_time AS day_time
FROM TABLE(TUMBLE(TABLE order_lines_daily, DESCRIPTOR(day_time), INTERVAL '1' DAY))
GROUP BY window_start, window_end, window_time, order_id
