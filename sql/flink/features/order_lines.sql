-- Accepted order lines, each numbered among the copies of its (order_id, line_no).
-- copy_no > 1 is a duplicate (a producer retry) when line_no is given; without line_no every row
-- is a line of its own, as rows without a line number cannot be told from a retry.
CREATE TEMPORARY VIEW order_lines AS
SELECT
  order_id, customer_id, order_ts, amount, line_no, category, channel, discount,
  CASE WHEN line_no IS NULL THEN 1 ELSE copy_no END AS copy_no
FROM (
  SELECT
    c.*,
    ROW_NUMBER() OVER (PARTITION BY order_id, line_no ORDER BY order_ts) AS copy_no
  FROM orders_checked AS c
  WHERE reject_reason IS NULL
)
