-- Naive R/F/M in one Flink SQL batch query over order_lines: lines summed per order, one GROUP BY
-- customer as of midnight after the last order's day, window (as_of - 365 days, as_of), NTILE(5)
-- quintile scores (5 = best). One row out: customers, orders in the window, monetary, and a
-- checksum of the scores (sum of score x raw value: the same whichever way NTILE breaks ties).
WITH orders AS (
  SELECT order_id, MIN(customer_id) AS customer_id, MIN(order_ts) AS order_ts, SUM(amount) AS amount
  FROM order_lines
  GROUP BY order_id
),
as_of AS (
  SELECT CAST(CAST(MAX(order_ts) AS DATE) + INTERVAL '1' DAY AS TIMESTAMP(0)) AS ts FROM orders
),
rfm AS (
  SELECT
    o.customer_id,
    TIMESTAMPDIFF(DAY, CAST(CAST(MAX(CASE WHEN o.amount > 0 THEN o.order_ts END) AS DATE) AS TIMESTAMP(0)),
      MAX(a.ts)) AS recency_days,
    SUM(CASE WHEN o.amount > 0 AND o.order_ts > a.ts - INTERVAL '365' DAY(3) AND o.order_ts < a.ts
      THEN 1 ELSE 0 END) AS frequency,
    GREATEST(CAST(0 AS DECIMAL(18, 2)), CAST(SUM(CASE WHEN o.order_ts > a.ts - INTERVAL '365' DAY(3)
      AND o.order_ts < a.ts THEN o.amount ELSE 0 END) AS DECIMAL(18, 2))) AS monetary
  FROM orders o CROSS JOIN as_of a
  GROUP BY o.customer_id
),
scored AS (
  SELECT
    COALESCE(recency_days, 99999) AS recency_key, frequency, monetary,
    NTILE(5) OVER (ORDER BY COALESCE(recency_days, 99999) DESC) AS r_score,
    NTILE(5) OVER (ORDER BY frequency) AS f_score,
    NTILE(5) OVER (ORDER BY monetary) AS m_score
  FROM rfm
)
SELECT
  COUNT(*) AS customers,
  CAST(SUM(frequency) AS BIGINT) AS orders_in_window,
  CAST(SUM(monetary) AS DECIMAL(24, 2)) AS monetary,
  CAST(SUM(CAST(r_score * recency_key + f_score * frequency AS DECIMAL(24, 2)) + m_score * monetary)
    AS DECIMAL(30, 2)) AS checksum
FROM scored
