-- Every orders row, accepted or rejected, with copy_no: 1 for the first accepted copy of its
-- (order_id, line_no) (the earliest; without line_no every row is a line of its own), 2 for any
-- later accepted copy, which is a duplicate. This one view feeds the dedupe, the dead letter and
-- the counts, so that each input line is parsed once (the planner would otherwise repeat the
-- parsing for every consumer); one sort by order_id serves both checks below.
-- An order whose accepted lines name more than one customer is rejected as a whole: summing it
-- under one of them would move money between customers. Input position and raw_line are kept for
-- rejected rows only.
CREATE TEMPORARY VIEW orders_numbered AS
SELECT
  CASE WHEN reject_reason IS NULL THEN CAST(NULL AS STRING) ELSE input_file END AS input_file,
  CASE WHEN reject_reason IS NULL THEN CAST(NULL AS BIGINT) ELSE input_line END AS input_line,
  CASE WHEN reject_reason IS NULL THEN CAST(NULL AS STRING) ELSE raw_line END AS raw_line,
  order_id, customer_id, order_ts, amount, line_no, category, channel, discount, reject_reason, copy_no
FROM (
  SELECT input_file, input_line, raw_line, order_id, customer_id, order_ts, amount, line_no, category,
    channel, discount,
    CASE WHEN reject_reason IS NULL AND first_customer <> last_customer
      THEN 'order_id ' || order_id || ' has lines for different customers (' || first_customer || ', '
        || last_customer || '): the whole order is rejected'
      ELSE reject_reason
    END AS reject_reason,
    -- accepted copies sort first within their line_no, so an accepted row that follows a row with
    -- the same line_no is a later copy
    CASE WHEN reject_reason IS NULL AND line_no = previous_line_no THEN 2 ELSE 1 END AS copy_no
  FROM (
    SELECT c.*,
      MIN(CASE WHEN reject_reason IS NULL THEN customer_id END) OVER (PARTITION BY order_id
        ORDER BY line_no, reject_reason NULLS FIRST, order_ts
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS first_customer,
      MAX(CASE WHEN reject_reason IS NULL THEN customer_id END) OVER (PARTITION BY order_id
        ORDER BY line_no, reject_reason NULLS FIRST, order_ts
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_customer,
      LAG(line_no) OVER (PARTITION BY order_id ORDER BY line_no, reject_reason NULLS FIRST, order_ts)
        AS previous_line_no
    FROM orders_checked AS c
  )
)
