-- The parts of each customer's day, per UTC day: orders per channel (counts and money, and the
-- part placed at exactly midnight, which leaves the open window one day earlier), spend per
-- category, events per type, and sign-ups (with the e-mail consent, the hashed email and phone, and
-- the country as the name), each closed day's parts once the watermark passes its end. The
-- rolling windows (CustomerWindowFunction) sum them into the customer's day: one keyed state
-- instead of a second aggregate over every open day here. Names lose ';' and '=' as the file
-- path's packed lists do.
CREATE TEMPORARY VIEW customer_day_parts AS
SELECT customer_id, 'o' AS kind, REGEXP_REPLACE(channel, '[;=]', '_') AS name,
  COUNT(CASE WHEN amount > 0 THEN 1 END) AS orders,
  COUNT(CASE WHEN amount < 0 THEN 1 END) AS return_orders,
  SUM(amount) AS revenue,
  SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS gross,
  SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS return_amount,
  SUM(CASE WHEN amount > 0 THEN discounted ELSE 0 END) AS discounted_orders,
  COUNT(CASE WHEN amount > 0 AND at_midnight THEN 1 END) AS midnight_orders,
  SUM(CASE WHEN at_midnight THEN amount ELSE 0 END) AS midnight_revenue,
  SUM(CASE WHEN at_midnight AND amount > 0 THEN amount ELSE 0 END) AS midnight_gross,
  SUM(CASE WHEN at_midnight AND amount < 0 THEN -amount ELSE 0 END) AS midnight_return_amount,
  CAST(0 AS DOUBLE) AS spend, CAST(0 AS BIGINT) AS events, 0 AS signed_up, CAST(NULL AS INT) AS email_consent,
  CAST(NULL AS STRING) AS email_sha256, CAST(NULL AS STRING) AS phone_sha256, window_time AS day_time
FROM (
  SELECT window_start, window_end, window_time, customer_id, channel, amount, discounted,
    order_ts = CAST(CAST(order_ts AS DATE) AS TIMESTAMP(3)) AS at_midnight
  FROM TABLE(TUMBLE(TABLE orders_daily, DESCRIPTOR(day_time), INTERVAL '1' DAY))
  WHERE customer_id = other_customer
)
GROUP BY window_start, window_end, window_time, customer_id, REGEXP_REPLACE(channel, '[;=]', '_')
UNION ALL
SELECT customer_id, 'c', REGEXP_REPLACE(category, '[;=]', '_'), 0, 0, 0e0, 0e0, 0e0, 0, 0, 0e0, 0e0, 0e0,
  SUM(amount), CAST(0 AS BIGINT), 0, CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS STRING), window_time
FROM TABLE(TUMBLE(TABLE order_lines_daily, DESCRIPTOR(day_time), INTERVAL '1' DAY))
WHERE amount > 0 AND category IS NOT NULL
GROUP BY window_start, window_end, window_time, customer_id, REGEXP_REPLACE(category, '[;=]', '_')
UNION ALL
SELECT customer_id, 'e', REGEXP_REPLACE(event_type, '[;=]', '_'), 0, 0, 0e0, 0e0, 0e0, 0, 0, 0e0, 0e0, 0e0, 0e0,
  COUNT(*), 0, CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS STRING), window_time
FROM TABLE(TUMBLE(TABLE engagement_daily, DESCRIPTOR(day_time), INTERVAL '1' DAY))
GROUP BY window_start, window_end, window_time, customer_id, REGEXP_REPLACE(event_type, '[;=]', '_')
UNION ALL
SELECT customer_id, 's', country, 0, 0, 0e0, 0e0, 0e0, 0, 0, 0e0, 0e0, 0e0, 0e0, CAST(0 AS BIGINT),
  1, email_consent, email_sha256, phone_sha256, window_time
FROM TABLE(TUMBLE(TABLE customers_daily, DESCRIPTOR(day_time), INTERVAL '1' DAY))
