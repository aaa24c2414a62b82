-- R/F/M in DuckDB batch SQL over order_lines, the same definition as bench/flink/rfm_summary.sql:
-- lines summed per order, one GROUP BY customer as of midnight after the last order's day, window
-- (as_of - 365 days, as_of), NTILE(5) scores (5 = best). One row out: customers, orders in the
-- window, monetary, checksum (sum of score x raw value: the same whichever way NTILE breaks ties).
WITH orders AS (
  SELECT order_id, MIN(customer_id) AS customer_id, MIN(order_ts) AS order_ts, SUM(amount) AS amount
  FROM order_lines
  GROUP BY order_id
),
as_of AS (
  SELECT CAST(CAST(MAX(order_ts) AS DATE) + 1 AS TIMESTAMP) AS ts FROM orders
),
rfm AS (
  SELECT
    o.customer_id,
    date_diff('day', CAST(MAX(o.order_ts) FILTER (WHERE o.amount > 0) AS DATE), CAST(MAX(a.ts) AS DATE))
      AS recency_days,
    COUNT(*) FILTER (WHERE o.amount > 0 AND o.order_ts > a.ts - INTERVAL 365 DAY AND o.order_ts < a.ts)
      AS frequency,
    GREATEST(0, COALESCE(SUM(o.amount) FILTER (WHERE o.order_ts > a.ts - INTERVAL 365 DAY
      AND o.order_ts < a.ts), 0)) AS monetary
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
  SUM(frequency) AS orders_in_window,
  SUM(monetary) AS monetary,
  SUM(r_score * recency_key + f_score * frequency + m_score * monetary) AS checksum
FROM scored
