-- grain: one row per prediction (as_of) and repeat-order bucket (0-6 repeat order days, 7 for 7 or
-- more), for the predictions whose horizon has passed
-- The calibration of ./segments predict on the period after it (Fader, Hardie and Lee 2005, the
-- "conditional expectations" figure): customers grouped by their repeat order days before as_of,
-- the order days and revenue the models expected of them in the horizon, and what they did.
-- A good model's expected and actual lie close in every bucket; prediction_validation_summary
-- gives the totals and the AUC of P(alive).
-- Outcomes: _prediction_outcomes (the horizon_days from as_of, once they have passed).
-- columns:
-- as_of: the day predicted at (prediction_fit.as_of)
-- horizon_days: length of the outcome window in days
-- repeat_orders: repeat order days before as_of (x); 7 stands for 7 or more
-- customers: customers in the bucket, a count
-- expected_orders_per_customer: mean order days the BG/NBD model expected in the window
-- actual_orders_per_customer: mean order days the customers had in the window (days with a positive order)
-- expected_value_per_customer: mean predicted_value, in the input's currency (NULL without a spend fit)
-- actual_revenue_per_customer: mean net revenue in the window, in the input's currency
-- mean_p_alive: mean P(alive) at as_of, 0-1
-- retention_rate: share of the bucket with a positive order in the window, a fraction 0-1
SELECT
    as_of,
    horizon_days,
    bucket AS repeat_orders,
    COUNT(*) AS customers,
    AVG(expected_orders) AS expected_orders_per_customer,
    AVG(CAST(actual_orders AS DOUBLE PRECISION)) AS actual_orders_per_customer,
    AVG(predicted_value) AS expected_value_per_customer,
    AVG(CAST(actual_revenue AS DOUBLE PRECISION)) AS actual_revenue_per_customer,
    AVG(CAST(p_alive AS DOUBLE PRECISION)) AS mean_p_alive,
    AVG(CASE WHEN actual_orders > 0 THEN 1.0 ELSE 0.0 END) AS retention_rate
FROM (
    SELECT o.*, CASE WHEN o.repeat_orders >= 7 THEN 7 ELSE o.repeat_orders END AS bucket
    FROM _prediction_outcomes o
) b
GROUP BY as_of, horizon_days, bucket
