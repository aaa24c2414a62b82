-- grain: one row per _holdout_entry row (program_id, customer_id, treated_ts)
-- Helper of holdout_lift_cuped (applied after _holdout_entry): each entry's pre-treatment covariate
-- for CUPED (Deng, Xu, Kohavi & Walker 2013, "Improving the Sensitivity of Online Controlled
-- Experiments by Utilizing Pre-Experiment Data", WSDM).
-- Pre-period: the 4 * horizon_days calendar days before the treatment day, activity_date in
--   [treated day - 4 horizon_days, treated day). The treatment day itself is left out, as in the
--   outcome window: activity_daily is daily, so an order that day may follow the contact, and a
--   covariate the treatment can move would bias the adjusted lift (CUPED needs X independent of
--   the arm). Why 4 horizons, not 1: a winback program targets customers silent for about a
--   horizon, so a pre-period of one horizon is empty for every one of them (the generated program:
--   no order in the 60 days before treatment) and removes no variance. On the demo's winback
--   program (the generator's planted lift) the correlation of the retained flag with the covariate
--   was 0.24 over 2 horizons, 0.24 over 3, 0.24 over 4, 0.20 over 6 or 365 days; with ln(1 + orders)
--   over 4 horizons 0.28 (also the best within segments), with revenue 0.14, with a bought-before
--   flag 0.22. So covariate = ln(1 + pre_orders): the log tames the few heavy buyers.
-- pre_orders: positive orders in the pre-period, a count (0 without activity).
-- covariate: LN(1 + pre_orders), dimensionless.
-- Other columns: _holdout_entry's (retained: 1 or 0).
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
    LN(1 + CAST(p.pre_orders AS DOUBLE PRECISION)) AS covariate
FROM _holdout_entry e
CROSS JOIN LATERAL (
    SELECT COALESCE(SUM(a.orders), 0) AS pre_orders
    FROM activity_daily a
    WHERE a.customer_id = e.customer_id
      AND a.activity_date < CAST(e.treated_ts AS DATE)
      AND CAST(e.treated_ts AS DATE) - a.activity_date <= 4 * e.horizon_days
) p
