-- Every rejected topic record with its source, place (topic/partition and offset), reason and
-- event_day (for the accounting): the dead letter of the continuous job. line_count is the
-- number of records the row stands for: an order whose lines name more than one customer is one
-- row, at the place of its first line, with the text of all its lines (accepted_lines of them
-- had been counted as accepted before the order was seen whole).
CREATE TEMPORARY VIEW rejected_topics AS
SELECT source, input_file, input_line, raw_line, reject_reason, event_day, CAST(1 AS BIGINT) AS line_count,
  CAST(0 AS BIGINT) AS accepted_lines
FROM unreadable_lines
UNION ALL
SELECT 'orders', input_file, input_line, raw_line, reject_reason, event_day, 1, 0 FROM orders_timed
WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'engagement', input_file, input_line, raw_line, reject_reason, event_day, 1, 0 FROM engagement_timed
WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'treatments', input_file, input_line, raw_line, reject_reason, event_day, 1, 0 FROM treatments_timed
WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'customers', input_file, input_line, raw_line, reject_reason, event_day, 1, 0 FROM customers_timed
WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'orders', input_file, input_line, raw_lines,
  'order_id ' || order_id || ' has lines for different customers (' || customer_id || ', ' || other_customer
    || '): the whole order is rejected',
  CAST(day_time AS DATE), line_count, line_count
FROM orders_daily
WHERE customer_id <> other_customer
