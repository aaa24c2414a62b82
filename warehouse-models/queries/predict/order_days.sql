-- One row per customer and day with a positive order before a day (bind: the day), a customer's
-- days together and in day order: the day as days since 1970-01-01 and its net revenue in cents
-- (revenue is DECIMAL(18, 2)). ./segments predict and a run's predictions build each customer's
-- first and last order day, order days and repeat revenue before each refresh from it
-- (core.predict.OrderDayLog), reading the warehouse once for all refreshes.
SELECT customer_id,
       activity_date - DATE '1970-01-01' AS epoch_day,
       CAST(revenue * 100 AS BIGINT) AS revenue_cents
FROM activity_daily
WHERE orders > 0 AND activity_date < CAST(? AS DATE)
ORDER BY customer_id, activity_date
