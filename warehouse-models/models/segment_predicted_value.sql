-- grain: one row per prediction (as_of) and segment
-- Retention upside by segment, from ./segments predict: each customer's segment at the refresh
-- predicted (segment_snapshot, or customer_segment for the latest refresh), what the BG/NBD and
-- Gamma-Gamma models expect of the segment in the horizon, and the value at risk: what the
-- customers who have probably stopped buying would bring if they had not.
-- value_at_risk: the sum over the segment's customers of (1 - P(alive)) x predicted_value /
--   P(alive). The BG/NBD expectation is P(alive) times the expectation of a customer still buying
--   (Fader, Hardie and Lee 2005, equation 10), so predicted_value / P(alive) is the customer's value
--   if still buying and (1 - P(alive)) the chance it is lost; a customer with P(alive) = 0 adds 0.
-- Customers who never ordered (prospects) have no prediction and are not counted.
-- columns:
-- as_of: the day predicted at (prediction_fit.as_of)
-- horizon_days: the horizon of the predictions in days
-- segment: the customers' segment at as_of
-- customers: customers of the segment with a prediction, a count
-- mean_p_alive: their mean P(alive), 0-1
-- likely_lost: those with P(alive) below 0.5, a count
-- expected_orders: order days expected in the horizon, summed
-- predicted_value: revenue expected in the horizon, in the input's currency (NULL without a spend fit)
-- value_at_risk: revenue in the horizon lost if the likely-stopped customers have stopped, in the
--   input's currency (NULL without a spend fit); the segment's retention upside
-- value_at_risk_share: the segment's value_at_risk over all segments' at that as_of, a fraction 0-1
WITH segments AS (
    SELECT as_of, customer_id, segment FROM segment_snapshot
    UNION
    SELECT as_of, customer_id, segment FROM customer_segment
),
valued AS (
    SELECT
        p.as_of,
        f.horizon_days,
        s.segment,
        p.p_alive,
        p.expected_orders,
        p.predicted_value,
        CASE WHEN p.p_alive > 0 THEN (1 - p.p_alive) * p.predicted_value / p.p_alive ELSE 0 END AS at_risk
    FROM customer_prediction p
    JOIN prediction_fit f ON f.as_of = p.as_of
    JOIN segments s ON s.as_of = p.as_of AND s.customer_id = p.customer_id
),
by_segment AS (
    SELECT
        as_of,
        horizon_days,
        segment,
        COUNT(*) AS customers,
        AVG(p_alive) AS mean_p_alive,
        SUM(CASE WHEN p_alive < 0.5 THEN 1 ELSE 0 END) AS likely_lost,
        SUM(expected_orders) AS expected_orders,
        SUM(predicted_value) AS predicted_value,
        SUM(at_risk) AS value_at_risk
    FROM valued
    GROUP BY as_of, horizon_days, segment
)
SELECT
    b.*,
    CASE WHEN SUM(b.value_at_risk) OVER (PARTITION BY b.as_of) > 0
         THEN b.value_at_risk / SUM(b.value_at_risk) OVER (PARTITION BY b.as_of) END AS value_at_risk_share
FROM by_segment b
