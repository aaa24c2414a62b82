-- Order lines from the orders topic with the reason each bad one is rejected (NULL = accepted),
-- late ones included: an accepted line whose time is not after the watermark when it arrives
-- would miss the day it belongs to (that day's rollup has gone to the refresh), so it is
-- rejected as late, never dropped silently. rowtime is the topic's time attribute; event_day the
-- record's day for the accounting (input_count_daily).
CREATE TEMPORARY VIEW orders_timed AS
SELECT input_file, input_line, raw_line, order_id, customer_id, order_ts, amount, line_no, category,
  channel, discount,
  CASE
    WHEN reject_reason IS NOT NULL THEN reject_reason
    WHEN rowtime <= CURRENT_WATERMARK(rowtime) THEN 'late: order_ts ' || CAST(order_ts AS STRING)
      || ' is not after the watermark ' || CAST(CAST(CURRENT_WATERMARK(rowtime) AS TIMESTAMP(3)) AS STRING)
      || ' when it arrived (its day was already refreshed; stream.allowed_lateness in pipeline.yaml)'
  END AS reject_reason,
  rowtime, event_day
FROM orders_checked
