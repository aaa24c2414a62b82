-- Engagement events from the engagement topic with the reason each bad one is rejected (NULL =
-- accepted), late ones included (see orders_timed).
CREATE TEMPORARY VIEW engagement_timed AS
SELECT input_file, input_line, raw_line, customer_id, event_ts, event_type, channel, event_id,
  CASE
    WHEN reject_reason IS NOT NULL THEN reject_reason
    WHEN rowtime <= CURRENT_WATERMARK(rowtime) THEN 'late: event_ts ' || CAST(event_ts AS STRING)
      || ' is not after the watermark ' || CAST(CAST(CURRENT_WATERMARK(rowtime) AS TIMESTAMP(3)) AS STRING)
      || ' when it arrived (its day was already refreshed; stream.allowed_lateness in pipeline.yaml)'
  END AS reject_reason,
  rowtime, event_day
FROM engagement_checked
