-- Accepted engagement events per UTC day of event_ts, each event_id once: the earliest copy;
-- later copies of that day are duplicates. Events without an event_id are all kept.
CREATE TEMPORARY VIEW engagement_daily AS
SELECT customer_id, event_type, window_time AS day_time
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end,
      COALESCE(event_id, input_file || '@' || CAST(input_line AS STRING)) ORDER BY rowtime) AS copy_no
  FROM TABLE(TUMBLE(TABLE engagement_on_time, DESCRIPTOR(rowtime), INTERVAL '1' DAY))
)
WHERE copy_no = 1
