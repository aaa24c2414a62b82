-- One row per customer and UTC day with orders: counts and money, the part placed at exactly
-- midnight, which leaves the open window (as_of - 365 days, as_of) one day earlier than the rest,
-- and the orders per known channel as "web=2;app=1" (null when none). Summed per channel first, so
-- that the orders are read once for both.
CREATE TEMPORARY VIEW customer_day_orders AS
SELECT
  customer_id, activity_date,
  CAST(SUM(orders) AS INT) AS orders,
  CAST(SUM(return_orders) AS INT) AS return_orders,
  SUM(revenue) AS revenue,
  SUM(gross) AS gross,
  SUM(return_amount) AS return_amount,
  CAST(SUM(discounted_orders) AS INT) AS discounted_orders,
  CAST(SUM(midnight_orders) AS INT) AS midnight_orders,
  SUM(midnight_revenue) AS midnight_revenue,
  SUM(midnight_gross) AS midnight_gross,
  SUM(midnight_return_amount) AS midnight_return_amount,
  LISTAGG(CASE WHEN channel IS NOT NULL AND orders > 0 THEN channel || '=' || CAST(orders AS STRING) END, ';')
    AS channel_orders
FROM (
  SELECT
    customer_id,
    CAST(order_ts AS DATE) AS activity_date,
    REGEXP_REPLACE(channel, '[;=]', '_') AS channel,
    COUNT(CASE WHEN amount > 0 THEN 1 END) AS orders,
    COUNT(CASE WHEN amount < 0 THEN 1 END) AS return_orders,
    SUM(amount) AS revenue,
    SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS gross,
    SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS return_amount,
    SUM(CASE WHEN amount > 0 THEN discounted ELSE 0 END) AS discounted_orders,
    COUNT(CASE WHEN amount > 0 AND at_midnight THEN 1 END) AS midnight_orders,
    SUM(CASE WHEN at_midnight THEN amount ELSE 0 END) AS midnight_revenue,
    SUM(CASE WHEN at_midnight AND amount > 0 THEN amount ELSE 0 END) AS midnight_gross,
    SUM(CASE WHEN at_midnight AND amount < 0 THEN -amount ELSE 0 END) AS midnight_return_amount
  FROM (
    SELECT o.*, order_ts = CAST(CAST(order_ts AS DATE) AS TIMESTAMP(3)) AS at_midnight
    FROM orders AS o
  )
  GROUP BY customer_id, CAST(order_ts AS DATE), REGEXP_REPLACE(channel, '[;=]', '_')
)
GROUP BY customer_id, activity_date
