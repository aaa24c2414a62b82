-- One row per input: rows read, rejected and duplicate (accepted = read - rejected - duplicates),
-- and the time of the last accepted event (the default as_of is the day after it).
CREATE TEMPORARY VIEW input_counts AS
SELECT source, COUNT(*) AS read_rows, COUNT(reject_reason) AS rejected,
  COUNT(CASE WHEN reject_reason IS NULL AND copy_no > 1 THEN 1 END) AS duplicates,
  MAX(CASE WHEN reject_reason IS NULL THEN event_ts END) AS last_ts
FROM (
  SELECT source, reject_reason, 1 AS copy_no, CAST(NULL AS TIMESTAMP(3)) AS event_ts FROM unreadable_lines
  UNION ALL
  SELECT 'orders' AS source, reject_reason, copy_no, order_ts AS event_ts FROM orders_numbered
  UNION ALL
  SELECT 'engagement', reject_reason, copy_no, event_ts FROM engagement_numbered
  UNION ALL
  SELECT 'treatments', reject_reason, copy_no, CAST(NULL AS TIMESTAMP(3)) FROM treatments_numbered
  UNION ALL
  SELECT 'customers', reject_reason, copy_no, CAST(NULL AS TIMESTAMP(3)) FROM customers_numbered
)
GROUP BY source
