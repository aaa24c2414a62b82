-- Accepted order lines per UTC day of order_ts, each (order_id, line_no) once: the earliest copy;
-- later copies of that day are duplicates (producer retries). Without line_no every record is a
-- line of its own. A day's lines leave when the watermark passes its end. day_time (the day's
-- last millisecond) is the time attribute of the daily views that follow.
CREATE TEMPORARY VIEW order_lines_daily AS
SELECT input_file, input_line, raw_line, order_id, customer_id, order_ts, amount, line_no, category, channel,
  discount, window_time AS day_time
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, order_id,
      COALESCE(CAST(line_no AS STRING), input_file || '@' || CAST(input_line AS STRING))
      ORDER BY rowtime) AS copy_no
  FROM TABLE(TUMBLE(TABLE orders_on_time, DESCRIPTOR(rowtime), INTERVAL '1' DAY))
)
WHERE copy_no = 1
