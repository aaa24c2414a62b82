-- One row per customer and day with orders through a known channel: "web=2;app=1".
CREATE TEMPORARY VIEW customer_day_channels AS
SELECT customer_id, activity_date, LISTAGG(channel || '=' || CAST(orders AS STRING), ';') AS channel_orders
FROM (
  SELECT customer_id, CAST(order_ts AS DATE) AS activity_date,
    REGEXP_REPLACE(channel, '[;=]', '_') AS channel, COUNT(*) AS orders
  FROM orders
  WHERE amount > 0 AND channel IS NOT NULL
  GROUP BY customer_id, CAST(order_ts AS DATE), REGEXP_REPLACE(channel, '[;=]', '_')
)
GROUP BY customer_id, activity_date
