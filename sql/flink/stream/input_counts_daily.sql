-- Per source and UTC day of event time: the records that were on time (accepted by the checks,
-- copies included: on_time) and the ones kept after deduplication (kept), counted by one
-- daily window when the watermark passes the day's end (duplicates = on_time - kept); sign-ups
-- without a signup_ts (accepted, on no day: they count on their Kafka timestamp's day), one row
-- each as they come; and late records applied on a later day than their own (late_records:
-- next_refresh), one row each, on the day they were applied.
CREATE TEMPORARY VIEW input_counts_daily AS
SELECT source, CAST(window_start AS DATE) AS event_day, SUM(on_time) AS on_time, SUM(kept) AS kept,
  CAST(0 AS BIGINT) AS late
FROM TABLE(TUMBLE(TABLE counted_records, DESCRIPTOR(counted_at), INTERVAL '1' DAY))
GROUP BY window_start, window_end, source
UNION ALL
SELECT 'customers', event_day, CAST(1 AS BIGINT), CAST(1 AS BIGINT), CAST(0 AS BIGINT)
FROM customers_timed
WHERE reject_reason IS NULL AND signup_ts IS NULL
UNION ALL
SELECT 'orders', CAST(rowtime AS DATE), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(1 AS BIGINT)
FROM orders_timed
WHERE reject_reason IS NULL AND CAST(rowtime AS DATE) > event_day
UNION ALL
SELECT 'engagement', CAST(rowtime AS DATE), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(1 AS BIGINT)
FROM engagement_timed
WHERE reject_reason IS NULL AND CAST(rowtime AS DATE) > event_day
UNION ALL
SELECT 'treatments', CAST(rowtime AS DATE), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(1 AS BIGINT)
FROM treatments_timed
WHERE reject_reason IS NULL AND CAST(rowtime AS DATE) > event_day
UNION ALL
SELECT 'customers', CAST(rowtime AS DATE), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(1 AS BIGINT)
FROM customers_timed
WHERE reject_reason IS NULL AND CAST(rowtime AS DATE) > event_day
