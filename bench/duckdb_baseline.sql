-- Baseline for bench/run.sh: per-customer R/F/M as of the day after the last order, computed by
-- DuckDB batch SQL straight from the canonical orders CSV (lines summed per order first).
-- ${orders} is replaced by the file path.
WITH lines AS (
    SELECT order_id, customer_id, CAST(order_ts AS TIMESTAMP) AS order_ts, amount
    FROM read_csv('${orders}', header = true, auto_detect = true)
    WHERE customer_id IS NOT NULL
),
orders AS (
    SELECT order_id, MIN(customer_id) AS customer_id, MIN(order_ts) AS order_ts, SUM(amount) AS amount
    FROM lines GROUP BY order_id
),
as_of AS (
    SELECT CAST(CAST(MAX(order_ts) AS DATE) + 1 AS TIMESTAMP) AS ts FROM orders
)
SELECT COUNT(*) AS customers, SUM(frequency) AS orders_in_window, SUM(monetary) AS monetary
FROM (
    SELECT customer_id,
        date_diff('day', MAX(order_ts) FILTER (WHERE amount > 0), MAX(a.ts)) AS recency_days,
        COUNT(*) FILTER (WHERE amount > 0 AND order_ts > a.ts - INTERVAL 365 DAY AND order_ts < a.ts) AS frequency,
        GREATEST(0, COALESCE(SUM(amount) FILTER (WHERE order_ts > a.ts - INTERVAL 365 DAY AND order_ts < a.ts), 0)) AS monetary
    FROM orders, as_of a
    GROUP BY customer_id
)
