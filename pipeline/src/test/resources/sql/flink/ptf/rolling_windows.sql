-- The rolling windows as a process table function (RollingWindowsPtf, registered as
-- rolling_windows): each customer's day parts (customer_day_parts' columns), partitioned by
-- customer, on the day's time. Each output row carries one of facts, delta or activity. Tried
-- beside the continuous job's DataStream operator (CustomerWindowFunction), not part of the job:
-- see bench/HISTORY.md for the measurement.
CREATE TEMPORARY VIEW rolling_windows_ptf AS
SELECT * FROM rolling_windows(
  part => TABLE customer_day_parts PARTITION BY customer_id,
  on_time => DESCRIPTOR(day_time),
  uid => 'rolling-windows-ptf')
