-- grain: one row per program_id and segment at treatment time, plus one with segment 'ALL' per program
-- Treated vs holdout retention over each program's horizon (see _holdout_entry for the window,
-- the retained flag and the segment; _holdout_arms for the counts).
-- lift = treated_retention_rate - holdout_retention_rate (absolute, in rate points);
-- lift_ci_low/high: 95 % interval, normal approximation, unpooled standard error
--   sqrt(p1 (1 - p1) / n1 + p2 (1 - p2) / n2);
-- p_value: two-sided, pooled two-proportion z-test, z = lift / sqrt(p (1 - p) (1/n1 + 1/n2)),
--   p = 2 (1 - PHI(|z|)) with PHI by Abramowitz & Stegun 26.2.17 (absolute error < 7.5e-8);
--   NULL when z is undefined (an empty arm, or both arms at 0 % or 100 %);
-- incremental_retained = lift * treated_customers;
-- incremental_revenue = (treated_revenue / treated_customers - holdout_revenue / holdout_customers)
--   * treated_customers; cost: treated arm's cost;
-- cost_per_retained_customer = cost / incremental_retained, NULL when incremental_retained <= 0.
-- Every ratio is NULL where its denominator is 0.
WITH rates AS (
    SELECT
        a.*,
        CAST(treated_retained AS DOUBLE PRECISION) / NULLIF(treated_customers, 0) AS p1,
        CAST(holdout_retained AS DOUBLE PRECISION) / NULLIF(holdout_customers, 0) AS p2,
        CAST(treated_retained + holdout_retained AS DOUBLE PRECISION)
            / NULLIF(treated_customers + holdout_customers, 0) AS pooled,
        1.0 / NULLIF(treated_customers, 0) + 1.0 / NULLIF(holdout_customers, 0) AS inverse_sizes
    FROM _holdout_arms a
),
tests AS (
    SELECT
        r.*,
        p1 - p2 AS lift,
        SQRT(p1 * (1 - p1) / NULLIF(treated_customers, 0)
             + p2 * (1 - p2) / NULLIF(holdout_customers, 0)) AS se,
        ABS(p1 - p2) / NULLIF(SQRT(pooled * (1 - pooled) * inverse_sizes), 0) AS z
    FROM rates r
),
normal AS (
    SELECT t.*, 1.0 / (1.0 + 0.2316419 * z) AS k FROM tests t
)
SELECT
    program_id,
    segment,
    horizon_days,
    treated_customers,
    treated_retained,
    holdout_customers,
    holdout_retained,
    p1 AS treated_retention_rate,
    p2 AS holdout_retention_rate,
    lift,
    lift - 1.959963984540054 * se AS lift_ci_low,
    lift + 1.959963984540054 * se AS lift_ci_high,
    CASE WHEN z IS NOT NULL
         THEN LEAST(1.0, 2 * EXP(-z * z / 2) / 2.5066282746310002
              * k * (0.319381530 + k * (-0.356563782 + k * (1.781477937
              + k * (-1.821255978 + k * 1.330274429)))))
    END AS p_value,
    lift * treated_customers AS incremental_retained,
    treated_revenue,
    holdout_revenue,
    (CAST(treated_revenue AS DOUBLE PRECISION) / NULLIF(treated_customers, 0)
        - CAST(holdout_revenue AS DOUBLE PRECISION) / NULLIF(holdout_customers, 0))
        * treated_customers AS incremental_revenue,
    cost,
    CASE WHEN lift * treated_customers > 0
         THEN CAST(cost AS DOUBLE PRECISION) / (lift * treated_customers)
    END AS cost_per_retained_customer
FROM normal
