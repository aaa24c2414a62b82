-- One row per customer and UTC day with any activity: the daily rollup the keyed window operator
-- consumes (and activity_daily in the warehouse). Channel, category and engagement detail are
-- packed as "name=value;..." lists.
CREATE TEMPORARY VIEW customer_day AS
SELECT
  customer_id, activity_date,
  CAST(SUM(orders) AS INT) AS orders, CAST(SUM(return_orders) AS INT) AS return_orders,
  SUM(revenue) AS revenue, SUM(gross) AS gross, SUM(return_amount) AS return_amount,
  CAST(SUM(discounted_orders) AS INT) AS discounted_orders,
  CAST(SUM(midnight_orders) AS INT) AS midnight_orders, SUM(midnight_revenue) AS midnight_revenue,
  SUM(midnight_gross) AS midnight_gross, SUM(midnight_return_amount) AS midnight_return_amount,
  MAX(channel_orders) AS channel_orders, MAX(category_spend) AS category_spend,
  CAST(SUM(engagement_events) AS INT) AS engagement_events, MAX(event_counts) AS event_counts,
  CAST(MAX(signed_up) AS INT) AS signed_up, CAST(MAX(email_consent) AS INT) AS email_consent
FROM (
  SELECT customer_id, activity_date, orders, return_orders, revenue, gross, return_amount,
    discounted_orders, midnight_orders, midnight_revenue, midnight_gross, midnight_return_amount,
    channel_orders, CAST(NULL AS STRING) AS category_spend,
    0 AS engagement_events, CAST(NULL AS STRING) AS event_counts, 0 AS signed_up,
    CAST(NULL AS INT) AS email_consent
  FROM customer_day_orders
  UNION ALL
  SELECT customer_id, activity_date, 0, 0, 0e0, 0e0, 0e0, 0, 0, 0e0, 0e0, 0e0, CAST(NULL AS STRING),
    category_spend, 0, CAST(NULL AS STRING), 0, CAST(NULL AS INT)
  FROM customer_day_categories
  UNION ALL
  SELECT customer_id, activity_date, 0, 0, 0e0, 0e0, 0e0, 0, 0, 0e0, 0e0, 0e0, CAST(NULL AS STRING),
    CAST(NULL AS STRING), engagement_events, event_counts, 0, CAST(NULL AS INT)
  FROM customer_day_engagement
  UNION ALL
  SELECT customer_id, activity_date, 0, 0, 0e0, 0e0, 0e0, 0, 0, 0e0, 0e0, 0e0, CAST(NULL AS STRING),
    CAST(NULL AS STRING), 0, CAST(NULL AS STRING), 1, email_consent
  FROM customer_day_signups
)
GROUP BY customer_id, activity_date
