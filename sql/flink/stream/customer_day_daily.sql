-- One row per customer and UTC day with any activity, once the watermark passes the day's end:
-- the rollup the keyed window operator consumes (and activity_daily in the warehouse), with the
-- columns of the file path's customer_day.
CREATE TEMPORARY VIEW customer_day_daily AS
SELECT
  customer_id, CAST(window_start AS DATE) AS activity_date,
  CAST(SUM(orders) AS INT) AS orders, CAST(SUM(return_orders) AS INT) AS return_orders,
  SUM(revenue) AS revenue, SUM(gross) AS gross, SUM(return_amount) AS return_amount,
  CAST(SUM(discounted_orders) AS INT) AS discounted_orders,
  CAST(SUM(midnight_orders) AS INT) AS midnight_orders, SUM(midnight_revenue) AS midnight_revenue,
  SUM(midnight_gross) AS midnight_gross, SUM(midnight_return_amount) AS midnight_return_amount,
  LISTAGG(CASE WHEN kind = 'o' AND name IS NOT NULL AND orders > 0 THEN name || '=' || CAST(orders AS STRING) END, ';')
    AS channel_orders,
  LISTAGG(CASE WHEN kind = 'c' THEN name || '=' || CAST(spend AS STRING) END, ';') AS category_spend,
  CAST(SUM(events) AS INT) AS engagement_events,
  LISTAGG(CASE WHEN kind = 'e' THEN name || '=' || CAST(events AS STRING) END, ';') AS event_counts,
  CAST(MAX(signed_up) AS INT) AS signed_up, CAST(MAX(email_consent) AS INT) AS email_consent,
  MAX(CASE WHEN kind = 's' THEN name END) AS country,
  MAX(email_sha256) AS email_sha256, MAX(phone_sha256) AS phone_sha256
FROM TABLE(TUMBLE(TABLE customer_day_parts, DESCRIPTOR(day_time), INTERVAL '1' DAY))
GROUP BY window_start, window_end, customer_id
