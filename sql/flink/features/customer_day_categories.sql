-- One row per customer, day and known category (cleaned of the list separators ; and =) with
-- spend; customer_day lists them as "apparel=12.5;home=3.0".
CREATE TEMPORARY VIEW customer_day_categories AS
SELECT customer_id, CAST(order_ts AS DATE) AS activity_date,
  REGEXP_REPLACE(category, '[;=]', '_') AS category, SUM(amount) AS spend
FROM order_lines
WHERE copy_no = 1 AND amount > 0 AND category IS NOT NULL
GROUP BY customer_id, CAST(order_ts AS DATE), REGEXP_REPLACE(category, '[;=]', '_')
