-- grain: one row per program_id, scope and segment at treatment time
-- Helper of holdout_lift_cuped (applied after _holdout_covariate): CUPED (Deng, Xu, Kohavi & Walker
-- 2013, WSDM) for a segment row of holdout_lift (scope 'segment', first_in_segment entries) or a
-- stratum of its 'ALL' row (scope 'stratum', first_in_program entries, by segment), so each row
-- counts the same entries as holdout_lift's. Y = retained (0 or 1), X = covariate; arm 1 treatment,
-- arm 2 holdout; moments are population moments (divisor n, so var(Y)/n is the Wald p (1 - p) / n):
--   theta = cov(Y, X) / var(X) over both arms pooled; NULL when var(X) <= 1e-12 (X constant: nothing
--   to adjust with; the adjustment then uses theta = 0);
--   Y_cuped = Y - theta (X - mean X): lift_cuped = (y1 - y2) - theta (x1 - x2) with yk, xk the arms'
--   means; var_cuped = sum over arms of (var_k(Y) - 2 theta cov_k(Y, X) + theta^2 var_k(X)) / n_k,
--   the variance of the difference of the arms' means of Y_cuped; var_lift = var_1(Y)/n1 + var_2(Y)/n2.
-- correlation = cov(Y, X) / sqrt(var(Y) var(X)) over both arms, NULL when either variance is 0.
-- lift, lift_cuped, the variances: NULL unless both arms are non-empty.
WITH covariates AS MATERIALIZED (
    -- The entries are read once (MATERIALIZED): PostgreSQL would otherwise plan _holdout_covariate,
    -- and so _holdout_entry, once for each scope.
    SELECT * FROM _holdout_covariate
),
scoped AS (
    SELECT 'segment' AS scope, c.*, CAST(c.retained AS DOUBLE PRECISION) AS y FROM covariates c
    WHERE c.first_in_segment
    UNION ALL
    SELECT 'stratum' AS scope, c.*, CAST(c.retained AS DOUBLE PRECISION) AS y FROM covariates c
    WHERE c.first_in_program
),
moments AS (
    SELECT
        scope, program_id, segment, horizon_days,
        COUNT(CASE WHEN arm = 'treatment' THEN 1 END) AS n1,
        COUNT(CASE WHEN arm = 'holdout' THEN 1 END) AS n2,
        AVG(CASE WHEN arm = 'treatment' THEN y END) AS y1,
        AVG(CASE WHEN arm = 'holdout' THEN y END) AS y2,
        AVG(CASE WHEN arm = 'treatment' THEN covariate END) AS x1,
        AVG(CASE WHEN arm = 'holdout' THEN covariate END) AS x2,
        VAR_POP(CASE WHEN arm = 'treatment' THEN y END) AS vy1,
        VAR_POP(CASE WHEN arm = 'holdout' THEN y END) AS vy2,
        VAR_POP(CASE WHEN arm = 'treatment' THEN covariate END) AS vx1,
        VAR_POP(CASE WHEN arm = 'holdout' THEN covariate END) AS vx2,
        COVAR_POP(CASE WHEN arm = 'treatment' THEN y END, CASE WHEN arm = 'treatment' THEN covariate END) AS cxy1,
        COVAR_POP(CASE WHEN arm = 'holdout' THEN y END, CASE WHEN arm = 'holdout' THEN covariate END) AS cxy2,
        VAR_POP(y) AS vy,
        VAR_POP(covariate) AS vx,
        COVAR_POP(y, covariate) AS cxy
    FROM scoped
    WHERE arm IN ('treatment', 'holdout')
    GROUP BY scope, program_id, segment, horizon_days
),
adjusted AS (
    SELECT
        m.*,
        CASE WHEN vx > 1e-12 THEN cxy / vx END AS theta,
        CASE WHEN vx > 1e-12 THEN cxy / vx ELSE 0 END AS t
    FROM moments m
)
SELECT
    scope, program_id, segment, horizon_days, n1 AS treated_customers, n2 AS holdout_customers,
    x1 AS treated_covariate, x2 AS holdout_covariate, theta,
    CASE WHEN vx > 1e-12 AND vy > 0 THEN cxy / SQRT(vx * vy) END AS correlation,
    CASE WHEN n1 > 0 AND n2 > 0 THEN y1 - y2 END AS lift,
    CASE WHEN n1 > 0 AND n2 > 0 THEN y1 - y2 - t * (x1 - x2) END AS lift_cuped,
    CASE WHEN n1 > 0 AND n2 > 0 THEN vy1 / n1 + vy2 / n2 END AS var_lift,
    CASE WHEN n1 > 0 AND n2 > 0
         THEN GREATEST(0, vy1 - 2 * t * cxy1 + t * t * vx1) / n1
            + GREATEST(0, vy2 - 2 * t * cxy2 + t * t * vx2) / n2 END AS var_cuped
FROM adjusted
