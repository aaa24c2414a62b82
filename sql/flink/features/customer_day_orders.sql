-- One row per customer, UTC day and channel (cleaned of the list separators ; and =, null when
-- unknown) with orders: counts and money, and the part placed at exactly midnight, which leaves
-- the open window (as_of - 365 days, as_of) one day earlier than the rest. customer_day sums the
-- channels of a day and lists the orders per known channel.
CREATE TEMPORARY VIEW customer_day_orders AS
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
