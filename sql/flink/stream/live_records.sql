-- The accepted order lines and engagement events as they arrive, for today's activity
-- (activity_live), each with the key its copies share: an order line's order_id and line_no (its
-- place when it has none), as order_lines_daily; an event's event_id (its place when it has none),
-- as engagement_daily. amount is NULL for an event.
CREATE TEMPORARY VIEW live_records AS
SELECT customer_id, order_id,
  'l' || order_id || '|' || COALESCE(CAST(line_no AS STRING), input_file || '@' || CAST(input_line AS STRING))
    AS copy_key,
  amount, rowtime
FROM orders_on_time
UNION ALL
SELECT customer_id, CAST(NULL AS STRING),
  'e' || COALESCE(event_id, input_file || '@' || CAST(input_line AS STRING)),
  CAST(NULL AS DOUBLE), rowtime
FROM engagement_on_time
