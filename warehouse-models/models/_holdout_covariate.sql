-- grain: one row per _holdout_entry row (program_id, customer_id, treated_ts)
-- Helper of holdout_lift_cuped (applied after _holdout_entry): each entry's pre-treatment covariate
-- for CUPED (Deng, Xu, Kohavi & Walker 2013, "Improving the Sensitivity of Online Controlled
-- Experiments by Utilizing Pre-Experiment Data", WSDM).
-- Pre-period: the horizon_days calendar days before the treatment day, activity_date in
--   [treated day - horizon_days, treated day), the outcome window mirrored. The treatment day itself
--   is left out, as in the outcome window: activity_daily is daily, so that day's activity may follow
--   the contact, and CUPED needs a covariate the arm cannot move. On the generated data it does move
--   it: the campaign's own opens and clicks fall on the treatment day (with that day, the demo
--   winback's treated arm averages 0.55 against 0.42 held out; without it 0.41 and 0.42).
-- covariate = LN(1 + pre_orders + pre_engagement): the customer's activity before treatment, logged
--   to tame the few very active customers. Chosen on the demo's winback program (the generator's
--   planted lift), by the correlation with the retained flag: orders alone over one horizon 0 (a
--   winback program targets customers with no order in that horizon, so they are all 0), ln(1 +
--   orders) over 4 horizons 0.28 (0.10 to 0.28 within the big segments), ln(1 + orders + engagement
--   events) over one horizon 0.41 (0.27 to 0.53 within them), over 4 horizons 0.32; revenue or a
--   bought-before flag did no better than orders.
-- pre_orders: positive orders in the pre-period, a count; pre_engagement: engagement events in it,
--   a count (0 without activity). Other columns: _holdout_entry's (retained: 1 or 0).
SELECT
    e.program_id,
    e.customer_id,
    e.treated_ts,
    e.arm,
    e.segment,
    e.horizon_days,
    e.first_in_program,
    e.first_in_segment,
    e.retained,
    p.pre_orders,
    p.pre_engagement,
    LN(1 + CAST(p.pre_orders + p.pre_engagement AS DOUBLE PRECISION)) AS covariate
FROM _holdout_entry e
CROSS JOIN LATERAL (
    SELECT COALESCE(SUM(a.orders), 0) AS pre_orders, COALESCE(SUM(a.engagement_events), 0) AS pre_engagement
    FROM activity_daily a
    WHERE a.customer_id = e.customer_id
      AND a.activity_date < CAST(e.treated_ts AS DATE)
      AND CAST(e.treated_ts AS DATE) - a.activity_date <= e.horizon_days
) p
