-- The canonical orders CSV (./segments generate), one row per order line with a customer.
-- Read as text and converted, like the Flink side (timestamps 2025-12-10T19:47:18Z, UTC).
CREATE VIEW order_lines AS
SELECT
  order_id,
  customer_id,
  CAST(replace(substr(order_ts, 1, 19), 'T', ' ') AS TIMESTAMP) AS order_ts,
  CAST(amount AS DECIMAL(18, 2)) AS amount
FROM read_csv('${orders}', header = true, all_varchar = true)
WHERE customer_id IS NOT NULL AND customer_id <> ''
