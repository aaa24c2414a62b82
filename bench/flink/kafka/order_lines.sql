-- One row per order line with a customer, typed (timestamps written 2025-12-10T19:47:18Z, UTC).
CREATE TEMPORARY VIEW order_lines AS
SELECT
  order_id,
  customer_id,
  CAST(REPLACE(SUBSTRING(order_ts FROM 1 FOR 19), 'T', ' ') AS TIMESTAMP(0)) AS order_ts,
  CAST(amount AS DECIMAL(18, 2)) AS amount
FROM orders_raw
WHERE customer_id IS NOT NULL AND customer_id <> ''
