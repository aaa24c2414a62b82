-- Every on-time record (on_time = 1) and every record kept after deduplication (kept = 1) of the
-- four inputs, at its time: input_counts_daily counts them per source and day in one window.
CREATE TEMPORARY VIEW counted_records AS
SELECT 'orders' AS source, rowtime AS counted_at, CAST(1 AS BIGINT) AS on_time, CAST(0 AS BIGINT) AS kept
FROM orders_on_time
UNION ALL
SELECT 'orders', day_time, CAST(0 AS BIGINT), CAST(1 AS BIGINT) FROM order_lines_daily
UNION ALL
SELECT 'engagement', rowtime, CAST(1 AS BIGINT), CAST(0 AS BIGINT) FROM engagement_on_time
UNION ALL
SELECT 'engagement', day_time, CAST(0 AS BIGINT), CAST(1 AS BIGINT) FROM engagement_daily
UNION ALL
SELECT 'treatments', rowtime, CAST(1 AS BIGINT), CAST(0 AS BIGINT) FROM treatments_on_time
UNION ALL
SELECT 'treatments', day_time, CAST(0 AS BIGINT), CAST(1 AS BIGINT) FROM treatments_daily
UNION ALL
SELECT 'customers', rowtime, CAST(1 AS BIGINT), CAST(0 AS BIGINT) FROM customers_on_time
UNION ALL
SELECT 'customers', day_time, CAST(0 AS BIGINT), CAST(1 AS BIGINT) FROM customers_daily
