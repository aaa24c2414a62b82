-- Every rejected topic record with its source, place (topic/partition and offset) and reason:
-- the dead letter of the continuous job. An order whose lines name more than one customer is
-- one row, at the place of its first line, with the text of all its lines.
CREATE TEMPORARY VIEW rejected_topics AS
SELECT source, input_file, input_line, raw_line, reject_reason FROM unreadable_lines
UNION ALL
SELECT 'orders', input_file, input_line, raw_line, reject_reason FROM orders_timed WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'engagement', input_file, input_line, raw_line, reject_reason FROM engagement_timed
WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'treatments', input_file, input_line, raw_line, reject_reason FROM treatments_timed
WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'customers', input_file, input_line, raw_line, reject_reason FROM customers_timed
WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'orders', input_file, input_line, raw_lines,
  'order_id ' || order_id || ' has lines for different customers (' || customer_id || ', ' || other_customer
    || '): the whole order is rejected'
FROM orders_daily
WHERE customer_id <> other_customer
