-- One row per customer with a positive order before the refresh (bind: as_of): the first and last
-- order day, the order days, and the revenue of the order days after the first.
WITH days AS (
    SELECT customer_id, activity_date, revenue,
           MIN(activity_date) OVER (PARTITION BY customer_id) AS first_day
    FROM activity_daily
    WHERE orders > 0 AND activity_date < CAST(? AS DATE)
)
SELECT customer_id,
       MIN(activity_date) AS first_day,
       MAX(activity_date) AS last_day,
       COUNT(*) AS order_days,
       SUM(CASE WHEN activity_date > first_day THEN revenue ELSE 0 END) AS repeat_revenue
FROM days
GROUP BY customer_id
