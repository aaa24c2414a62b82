-- One row per customer and UTC day with orders: counts and money, and the part placed at exactly
-- midnight, which leaves the open window (as_of - 365 days, as_of) one day earlier than the rest.
CREATE TEMPORARY VIEW customer_day_orders AS
SELECT
  customer_id,
  CAST(order_ts AS DATE) AS activity_date,
  CAST(COUNT(CASE WHEN amount > 0 THEN 1 END) AS INT) AS orders,
  CAST(COUNT(CASE WHEN amount < 0 THEN 1 END) AS INT) AS return_orders,
  SUM(amount) AS revenue,
  SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS gross,
  SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS return_amount,
  CAST(SUM(CASE WHEN amount > 0 THEN discounted ELSE 0 END) AS INT) AS discounted_orders,
  CAST(COUNT(CASE WHEN amount > 0 AND at_midnight THEN 1 END) AS INT) AS midnight_orders,
  SUM(CASE WHEN at_midnight THEN amount ELSE 0 END) AS midnight_revenue,
  SUM(CASE WHEN at_midnight AND amount > 0 THEN amount ELSE 0 END) AS midnight_gross,
  SUM(CASE WHEN at_midnight AND amount < 0 THEN -amount ELSE 0 END) AS midnight_return_amount
FROM (
  SELECT o.*, order_ts = CAST(CAST(order_ts AS DATE) AS TIMESTAMP(3)) AS at_midnight
  FROM orders AS o
)
GROUP BY customer_id, CAST(order_ts AS DATE)
