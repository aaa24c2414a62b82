-- One row per input: rows read, rejected and duplicate (accepted = read - rejected - duplicates),
-- and the time of the last accepted event (the default as_of is the day after it).
CREATE TEMPORARY VIEW input_counts AS
SELECT source, SUM(read_rows) AS read_rows, SUM(rejected) AS rejected,
  SUM(duplicates) AS duplicates, MAX(last_ts) AS last_ts
FROM (
  SELECT 'orders' AS source, 1 AS read_rows, CASE WHEN reject_reason IS NULL THEN 0 ELSE 1 END AS rejected,
    0 AS duplicates, CASE WHEN reject_reason IS NULL THEN order_ts END AS last_ts
  FROM orders_checked
  UNION ALL
  SELECT 'orders', 0, 0, 1, CAST(NULL AS TIMESTAMP(3)) FROM order_lines WHERE copy_no > 1
  UNION ALL
  SELECT 'engagement', 1, CASE WHEN reject_reason IS NULL THEN 0 ELSE 1 END, 0,
    CASE WHEN reject_reason IS NULL THEN event_ts END
  FROM engagement_checked
  UNION ALL
  SELECT 'engagement', 0, 0, 1, CAST(NULL AS TIMESTAMP(3)) FROM engagement_events WHERE copy_no > 1
  UNION ALL
  SELECT 'treatments', 1, CASE WHEN reject_reason IS NULL THEN 0 ELSE 1 END, 0, CAST(NULL AS TIMESTAMP(3))
  FROM treatments_checked
  UNION ALL
  SELECT 'treatments', 0, 0, 1, CAST(NULL AS TIMESTAMP(3)) FROM treatments_accepted WHERE copy_no > 1
  UNION ALL
  SELECT 'customers', 1, CASE WHEN reject_reason IS NULL THEN 0 ELSE 1 END, 0, CAST(NULL AS TIMESTAMP(3))
  FROM customers_checked
  UNION ALL
  SELECT 'customers', 0, 0, 1, CAST(NULL AS TIMESTAMP(3)) FROM customers_accepted WHERE copy_no > 1
)
GROUP BY source
