-- One row per customer and UTC day with any activity: the daily rollup the keyed window operator
-- consumes (and activity_daily in the warehouse). Channel, category and engagement detail are
-- packed as "name=value;..." lists. The inputs come per name (channel, category, event type) and
-- are summed and listed here in one aggregation, so that the rows are sorted once.
CREATE TEMPORARY VIEW customer_day AS
SELECT
  customer_id, activity_date,
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
FROM (
  SELECT customer_id, activity_date, 'o' AS kind, channel AS name, orders, return_orders, revenue, gross,
    return_amount, discounted_orders, midnight_orders, midnight_revenue, midnight_gross, midnight_return_amount,
    0e0 AS spend, CAST(0 AS BIGINT) AS events, 0 AS signed_up, CAST(NULL AS INT) AS email_consent,
    CAST(NULL AS STRING) AS email_sha256, CAST(NULL AS STRING) AS phone_sha256
  FROM customer_day_orders
  UNION ALL
  SELECT customer_id, activity_date, 'c', category, 0, 0, 0e0, 0e0, 0e0, 0, 0, 0e0, 0e0, 0e0, spend,
    CAST(0 AS BIGINT), 0, CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS STRING)
  FROM customer_day_categories
  UNION ALL
  SELECT customer_id, activity_date, 'e', event_type, 0, 0, 0e0, 0e0, 0e0, 0, 0, 0e0, 0e0, 0e0, 0e0, events, 0,
    CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS STRING)
  FROM customer_day_engagement
  UNION ALL
  SELECT customer_id, activity_date, 's', country, 0, 0, 0e0, 0e0, 0e0, 0, 0, 0e0, 0e0, 0e0, 0e0,
    CAST(0 AS BIGINT), 1, email_consent, email_sha256, phone_sha256
  FROM customer_day_signups
)
GROUP BY customer_id, activity_date
