-- One row per customer and day with a positive order before a day (bind: the day), in customer
-- and day order: the day's net revenue. ./segments predict and a run's predictions build each
-- customer's first and last order day, order days and repeat revenue before each refresh from it
-- (core.predict.OrderDayLog), reading the warehouse once for all refreshes.
SELECT customer_id, activity_date, revenue
FROM activity_daily
WHERE orders > 0 AND activity_date < CAST(? AS DATE)
ORDER BY customer_id, activity_date
