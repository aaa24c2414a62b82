-- grain: one row per prediction (as_of) and customer predicted, for the predictions whose horizon
-- has passed
-- Helper of prediction_validation and prediction_validation_summary (applied before them): what
-- each customer of customer_prediction did in the horizon after the prediction.
-- Outcome window: activity_date in [as_of, as_of + horizon_days) (horizon_days of prediction_fit),
-- as in score_validation; a prediction counts only once that window has ended by the last
-- activity_date in the warehouse.
-- columns:
-- as_of: the day predicted at (prediction_fit.as_of)
-- horizon_days: length of the outcome window in days
-- customer_id: the customer
-- repeat_orders: repeat order days before as_of (x)
-- p_alive: P(alive) at as_of, rounded to 9 decimals so that equal values tie on both engines
-- expected_orders: order days the BG/NBD model expected in the window
-- predicted_value: revenue expected in the window, in the input's currency (NULL without a spend fit)
-- actual_orders: days with a positive order in the window, a count
-- actual_revenue: net revenue in the window (returns subtracted), in the input's currency
WITH observed AS (
    SELECT MAX(activity_date) AS last_day FROM activity_daily
)
SELECT
    p.as_of,
    f.horizon_days,
    p.customer_id,
    p.repeat_orders,
    CAST(p.p_alive AS DECIMAL(12, 9)) AS p_alive,
    p.expected_orders,
    p.predicted_value,
    COUNT(CASE WHEN a.orders > 0 THEN 1 END) AS actual_orders,
    COALESCE(SUM(a.revenue), 0) AS actual_revenue
FROM customer_prediction p
JOIN prediction_fit f ON f.as_of = p.as_of
CROSS JOIN observed o
LEFT JOIN activity_daily a
    ON a.customer_id = p.customer_id
   AND a.activity_date >= p.as_of
   AND a.activity_date - p.as_of < f.horizon_days
WHERE p.as_of + f.horizon_days - 1 <= o.last_day
GROUP BY p.as_of, f.horizon_days, p.customer_id, p.repeat_orders, p.p_alive, p.expected_orders, p.predicted_value
