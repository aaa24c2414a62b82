-- Program entries from the treatments topic with the reason each bad one is rejected (NULL =
-- accepted), late ones included (see orders_timed).
CREATE TEMPORARY VIEW treatments_timed AS
SELECT input_file, input_line, raw_line, program_id, customer_id, treated_ts, arm, channel, cost,
  CASE
    WHEN reject_reason IS NOT NULL THEN reject_reason
    WHEN rowtime <= CURRENT_WATERMARK(rowtime) THEN 'late: treated_ts ' || CAST(treated_ts AS STRING)
      || ' is not after the watermark ' || CAST(CAST(CURRENT_WATERMARK(rowtime) AS TIMESTAMP(3)) AS STRING)
      || ' when it arrived (its day was already refreshed; stream.allowed_lateness in pipeline.yaml)'
  END AS reject_reason,
  rowtime, event_day
FROM treatments_checked
