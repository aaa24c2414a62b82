-- Accepted program entries per UTC day of treated_ts, each (program_id, customer_id, treated_ts)
-- once: the earliest copy; later copies are duplicates. They reach the refresh, which stamps each
-- with the customer's segment at that time, when the watermark passes the day's end (day_time,
-- the day's last millisecond).
CREATE TEMPORARY VIEW treatments_daily AS
SELECT program_id, customer_id, treated_ts, arm, channel, cost, window_time AS day_time
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, program_id, customer_id, treated_ts
      ORDER BY rowtime) AS copy_no
  FROM TABLE(TUMBLE(TABLE treatments_on_time, DESCRIPTOR(rowtime), INTERVAL '1' DAY))
)
WHERE copy_no = 1
