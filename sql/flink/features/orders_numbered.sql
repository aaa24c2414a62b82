-- Every orders row, accepted or rejected, numbered among the copies of its (order_id, line_no), accepted
-- rows first. This one view feeds the dedupe, the dead letter and the counts, so that each input
-- line is parsed once (the planner would otherwise repeat the parsing for every consumer).
-- An order whose accepted lines name more than one customer is rejected as a whole: summing it
-- under one of them would move money between customers. Input position and raw_line are kept for
-- rejected rows only.
CREATE TEMPORARY VIEW orders_numbered AS
SELECT
  CASE WHEN reject_reason IS NULL THEN CAST(NULL AS STRING) ELSE input_file END AS input_file,
  CASE WHEN reject_reason IS NULL THEN CAST(NULL AS BIGINT) ELSE input_line END AS input_line,
  CASE WHEN reject_reason IS NULL THEN CAST(NULL AS STRING) ELSE raw_line END AS raw_line,
  order_id, customer_id, order_ts, amount, line_no, category, channel, discount, reject_reason,
  CASE WHEN line_no IS NULL THEN 1 ELSE copy_no END AS copy_no
FROM (
  SELECT s.*,
    ROW_NUMBER() OVER (PARTITION BY order_id, line_no ORDER BY reject_reason NULLS FIRST, order_ts) AS copy_no
  FROM (
    SELECT input_file, input_line, raw_line, order_id, customer_id, order_ts, amount, line_no, category,
      channel, discount,
      CASE WHEN reject_reason IS NULL AND first_customer <> last_customer
        THEN 'order_id ' || order_id || ' has lines for different customers (' || first_customer || ', '
          || last_customer || '): the whole order is rejected'
        ELSE reject_reason
      END AS reject_reason
    FROM (
      SELECT c.*,
        MIN(CASE WHEN reject_reason IS NULL THEN customer_id END) OVER (PARTITION BY order_id) AS first_customer,
        MAX(CASE WHEN reject_reason IS NULL THEN customer_id END) OVER (PARTITION BY order_id) AS last_customer
      FROM orders_checked AS c
    )
  ) AS s
)
