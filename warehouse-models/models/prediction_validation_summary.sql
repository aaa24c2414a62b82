-- grain: one row per prediction (as_of) whose horizon has passed
-- How well ./segments predict foresaw the period after it, in a few figures, over the customers
-- of _prediction_outcomes (applied before it).
-- auc_p_alive, auc_expected_orders: the ROC AUC of P(alive), and of the expected order days, for
--   retention (a positive order in the window), by the rank-sum (Mann-Whitney U) formula of Hanley & McNeil (1982, Radiology 143:29-36), ties given
--   their average rank, as in score_validation_summary (P(alive) rounded to 9 decimals by
--   _prediction_outcomes, so that equal values tie on both engines).
-- columns:
-- as_of: the day predicted at
-- horizon_days: length of the outcome window in days
-- customers: customers predicted, a count
-- retained: those with a positive order in the window, a count
-- expected_orders: order days the BG/NBD model expected in the window, summed
-- actual_orders: order days the customers had in the window, summed
-- orders_ratio: expected_orders / actual_orders (1 = exact; below 1 the model under-forecast)
-- expected_value: predicted_value summed, in the input's currency (NULL without a spend fit)
-- actual_revenue: net revenue in the window, in the input's currency
-- auc_p_alive: ROC AUC of P(alive) for retention, 0-1 (0.5 = a coin toss); NULL when all or none
--   were retained. BG/NBD takes a customer without a repeat order as alive (P(alive) = 1), so where
--   one-time buyers rarely come back this AUC can fall below 0.5 while the model ranks well by
-- auc_expected_orders: ROC AUC of the expected order days for retention, the same way
WITH ranked AS (
    SELECT
        o.*,
        CASE WHEN o.actual_orders > 0 THEN 1 ELSE 0 END AS retained,
        CAST(RANK() OVER (PARTITION BY o.as_of ORDER BY o.p_alive) AS DOUBLE PRECISION)
            + CAST(COUNT(*) OVER (PARTITION BY o.as_of, o.p_alive) - 1 AS DOUBLE PRECISION) / 2 AS alive_rank,
        CAST(RANK() OVER (PARTITION BY o.as_of ORDER BY o.expected_orders) AS DOUBLE PRECISION)
            + CAST(COUNT(*) OVER (PARTITION BY o.as_of, o.expected_orders) - 1 AS DOUBLE PRECISION) / 2
            AS orders_rank
    FROM _prediction_outcomes o
),
sums AS (
    SELECT
        as_of,
        horizon_days,
        COUNT(*) AS customers,
        SUM(retained) AS retained,
        CAST(SUM(retained) AS DOUBLE PRECISION) AS n1,
        CAST(COUNT(*) - SUM(retained) AS DOUBLE PRECISION) AS n0,
        SUM(CASE WHEN retained = 1 THEN alive_rank ELSE 0 END) AS rank_sum,
        SUM(CASE WHEN retained = 1 THEN orders_rank ELSE 0 END) AS orders_rank_sum,
        SUM(expected_orders) AS expected_orders,
        SUM(actual_orders) AS actual_orders,
        SUM(predicted_value) AS expected_value,
        SUM(CAST(actual_revenue AS DOUBLE PRECISION)) AS actual_revenue
    FROM ranked
    GROUP BY as_of, horizon_days
)
SELECT
    as_of,
    horizon_days,
    customers,
    retained,
    expected_orders,
    actual_orders,
    CASE WHEN actual_orders > 0 THEN expected_orders / actual_orders END AS orders_ratio,
    expected_value,
    actual_revenue,
    CASE WHEN n1 > 0 AND n0 > 0 THEN (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0) END AS auc_p_alive,
    CASE WHEN n1 > 0 AND n0 > 0 THEN (orders_rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0) END AS auc_expected_orders
FROM sums
