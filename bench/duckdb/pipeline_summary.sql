-- The pipeline's answer, read back from its DuckDB warehouse: customers with orders (any order,
-- a return-only customer included, from activity_daily: one row per customer and day), and from
-- customer_segment (one row per customer, the latest refresh) orders in the window and monetary.
-- Its scores follow other rules (equal values, equal scores), so no checksum.
SELECT
  (SELECT COUNT(DISTINCT customer_id) FROM activity_daily WHERE orders > 0 OR return_orders > 0) AS customers,
  SUM(frequency) AS orders_in_window,
  SUM(monetary) AS monetary,
  CAST(NULL AS DECIMAL(18, 2)) AS checksum
FROM customer_segment
