-- grain: one row per program_id and segment at treatment time, plus one with segment 'ALL' per program
-- holdout_lift's lift adjusted by CUPED, Controlled-experiment Using Pre-Experiment Data (Deng, Xu,
-- Kohavi & Walker 2013, "Improving the Sensitivity of Online Controlled Experiments by Utilizing
-- Pre-Experiment Data", WSDM): the retained flag Y minus theta (X - mean X), X the customer's
-- activity before treatment, ln(1 + orders + engagement events in the horizon_days before the
-- treatment day, that day excluded; see _holdout_covariate for the choice), theta = cov(Y, X) /
-- var(X) over both arms. X is fixed before the arm is drawn, so the adjusted lift estimates the same effect,
-- with a variance smaller by about the squared correlation of Y and X. Same rows, entries and lift
-- as holdout_lift (see _holdout_cuped_arms). Segment rows: the 95 % Wald interval
-- lift_cuped +- 1.959964 lift_cuped_se. 'ALL' rows: post-stratified like holdout_lift over the
-- segments S with both arms non-empty, w_s = treated_s / sum over S of treated_s; each segment
-- adjusted with its own theta, lift_cuped = sum w_s lift_cuped_s, variance sum w_s^2 var_s (likewise
-- the unadjusted lift and its se); theta and correlation NULL (one per segment).
-- variance_reduction = 1 - lift_cuped_se^2 / lift_se^2 (about correlation^2 on a segment row); 0
-- when the covariate is constant (nothing to adjust with), NULL when lift_se is 0 or undefined.
-- columns:
-- program_id: the retention program (treatment.program_id)
-- segment: the segment at treatment time ('unknown' when not known), or 'ALL'
-- horizon_days: the outcome window in days after the treatment day (as holdout_lift)
-- treated_customers, holdout_customers: customers counted in the arms (as holdout_lift), a count
-- treated_covariate, holdout_covariate: the arms' mean covariate, ln(1 + orders + engagement events)
--   (segment rows; 'ALL': NULL), dimensionless; alike in both arms unless the draw was unlucky
-- lift: treated minus holdout retention rate, unadjusted (= holdout_lift.lift), fraction 0-1 of
--   rate points (0.07 = 7 points)
-- lift_se: its standard error, sqrt(p1 (1 - p1) / n1 + p2 (1 - p2) / n2) ('ALL': stratified), same unit
-- lift_cuped: the CUPED-adjusted lift, same unit
-- lift_cuped_se: its standard error, same unit
-- lift_cuped_ci_low, lift_cuped_ci_high: its 95 % Wald interval, same unit
-- theta: the CUPED coefficient cov(Y, X) / var(X), retention per unit of the covariate (segment
--   rows; NULL on 'ALL' rows and when the covariate is constant)
-- covariate_correlation: the correlation of the retained flag with the covariate over both arms,
--   -1 to 1 (segment rows; NULL on 'ALL' rows or when either is constant)
-- variance_reduction: the share of the lift's variance the covariate removed, fraction 0-1 (below 0 only
--   by chance, in a tiny segment whose arms differ in the covariate)
WITH arms AS MATERIALIZED (
    -- The arms are read once (MATERIALIZED): PostgreSQL would otherwise plan _holdout_cuped_arms,
    -- and so _holdout_entry, for each of the two places that read them.
    SELECT * FROM _holdout_cuped_arms
),
strata AS (
    SELECT
        program_id, horizon_days,
        SUM(CASE WHEN lift IS NOT NULL THEN CAST(treated_customers AS DOUBLE PRECISION) END) AS w,
        SUM(CASE WHEN lift IS NOT NULL THEN treated_customers * lift END) AS w_lift,
        SUM(CASE WHEN lift IS NOT NULL THEN treated_customers * lift_cuped END) AS w_cuped,
        SUM(CASE WHEN lift IS NOT NULL THEN CAST(treated_customers AS DOUBLE PRECISION) * treated_customers
            * var_lift END) AS w_var_lift,
        SUM(CASE WHEN lift IS NOT NULL THEN CAST(treated_customers AS DOUBLE PRECISION) * treated_customers
            * var_cuped END) AS w_var_cuped,
        SUM(treated_customers) AS treated_customers,
        SUM(holdout_customers) AS holdout_customers
    FROM arms
    WHERE scope = 'stratum'
    GROUP BY program_id, horizon_days
),
estimates AS (
    SELECT program_id, segment, horizon_days, treated_customers, holdout_customers,
        treated_covariate, holdout_covariate, lift, var_lift, lift_cuped, var_cuped, theta, correlation
    FROM arms
    WHERE scope = 'segment'
    UNION ALL
    SELECT program_id, 'ALL', horizon_days, treated_customers, holdout_customers, NULL, NULL,
        w_lift / w, w_var_lift / (w * w), w_cuped / w, w_var_cuped / (w * w), NULL, NULL
    FROM strata
)
SELECT
    program_id, segment, horizon_days, treated_customers, holdout_customers,
    treated_covariate,
    holdout_covariate,
    lift,
    SQRT(var_lift) AS lift_se,
    lift_cuped,
    SQRT(var_cuped) AS lift_cuped_se,
    lift_cuped - 1.959963984540054 * SQRT(var_cuped) AS lift_cuped_ci_low,
    lift_cuped + 1.959963984540054 * SQRT(var_cuped) AS lift_cuped_ci_high,
    theta,
    correlation AS covariate_correlation,
    1 - var_cuped / NULLIF(var_lift, 0) AS variance_reduction
FROM estimates
