-- Accepted orders rows with copy_no, their number among the copies of their (order_id, line_no).
-- copy_no > 1 on an accepted row is a duplicate (a producer retry) when line_no is given; without
-- line_no every row is a line of its own, as rows without a line number cannot be told from a
-- retry.
CREATE TEMPORARY VIEW order_lines AS
SELECT order_id, customer_id, order_ts, amount, line_no, category, channel, discount, copy_no
FROM orders_numbered
WHERE reject_reason IS NULL
