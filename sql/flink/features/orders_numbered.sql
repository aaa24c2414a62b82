-- Every orders row, accepted or rejected, numbered among the copies of its (order_id, line_no), accepted
-- rows first. This one view feeds the dedupe, the dead letter and the counts, so that each input
-- line is parsed once (the planner would otherwise repeat the parsing for every consumer).
-- raw_line is kept for rejected rows only.
CREATE TEMPORARY VIEW orders_numbered AS
SELECT
  CASE WHEN reject_reason IS NULL THEN CAST(NULL AS STRING) ELSE raw_line END AS raw_line,
  order_id, customer_id, order_ts, amount, line_no, category, channel, discount, reject_reason,
  CASE WHEN line_no IS NULL THEN 1 ELSE copy_no END AS copy_no
FROM (
  SELECT c.*,
    ROW_NUMBER() OVER (PARTITION BY order_id, line_no ORDER BY reject_reason NULLS FIRST, order_ts) AS copy_no
  FROM orders_checked AS c
)
