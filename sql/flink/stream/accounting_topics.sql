-- What the job tells the warehouse about its input, in one stream: the rejected records (with
-- their place, text and reason, for rejected_input) and the counts of input_counts_daily; the
-- counts of both are summed per source and day into input_count_daily.
CREATE TEMPORARY VIEW accounting_topics AS
SELECT source, input_file, input_line, raw_line, reject_reason, event_day, CAST(0 AS BIGINT) AS on_time,
  CAST(0 AS BIGINT) AS kept, line_count AS rejected,
  CAST(CASE WHEN reject_reason LIKE 'late: %' THEN 1 ELSE 0 END AS BIGINT) AS late, accepted_lines
FROM rejected_topics
UNION ALL
SELECT source, CAST(NULL AS STRING), CAST(NULL AS BIGINT), CAST(NULL AS STRING), CAST(NULL AS STRING), event_day,
  on_time, kept, CAST(0 AS BIGINT), late, CAST(0 AS BIGINT)
FROM input_counts_daily
