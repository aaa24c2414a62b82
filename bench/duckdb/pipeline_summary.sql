-- The pipeline's answer, read back from its DuckDB warehouse (customer_segment, one row per
-- customer, the latest refresh): customers with orders (not prospects), orders in the window,
-- monetary. Its scores follow other rules (equal values, equal scores), so no checksum.
SELECT
  COUNT(*) AS customers,
  SUM(frequency) AS orders_in_window,
  SUM(monetary) AS monetary,
  CAST(NULL AS DECIMAL(18, 2)) AS checksum
FROM customer_segment
WHERE lifecycle_stage <> 'prospect'
