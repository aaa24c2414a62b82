-- One row per order: its lines summed (a negative total is a return or refund).
CREATE TEMPORARY VIEW orders AS
SELECT
  order_id,
  MIN(customer_id) AS customer_id,
  MIN(order_ts) AS order_ts,
  SUM(amount) AS amount,
  MIN(channel) AS channel,
  MAX(CASE WHEN discount > 0 THEN 1 ELSE 0 END) AS discounted
FROM order_lines
WHERE copy_no = 1
GROUP BY order_id
