-- grain: one row per program_id and segment at treatment time, plus one with segment 'ALL' per program
-- Helper of holdout_lift: each row's estimate, before the p-value (applied after _holdout_arms).
-- Segment rows (_holdout_arms scope 'segment') and the strata of 'ALL' rows (scope 'stratum'),
--   n1, n2 their treated_ and holdout_customers: p1, p2 the arms' retention rates;
--   lift = p1 - p2; its 95 % interval is Newcombe's hybrid score interval (method 10): with
--   (l1, u1), (l2, u2) the arms' Wilson score intervals (z = 1.959964),
--   margin_low = sqrt((p1 - l1)^2 + (u2 - p2)^2), margin_high = sqrt((u1 - p1)^2 + (p2 - l2)^2),
--   interval [lift - margin_low, lift + margin_high]. Unlike the Wald interval, it neither
--   collapses when an arm is at 0 % or 100 % nor claims significance the z-test below denies;
--   se0 = sqrt(p (1 - p) (1/n1 + 1/n2)), its standard error under no effect (p: both arms pooled);
--   incremental_revenue = (treated_revenue / n1 - holdout_revenue / n2) * n1;
--   strata_treated = n1 where the lift is defined (both arms non-empty), else NULL;
--   revenue_variance: the variance of incremental_revenue = n1 (mean1 - mean2), with v1, v2 the
--   arms' sample variances of revenue per customer, n1^2 (v1 / n1 + v2 / n2) (Welch 1947,
--   Biometrika 34:28-35: unequal variances); NULL when an arm has fewer than 2 customers.
-- measured_as: the program's 'delivered' or 'assigned' (_holdout_entry); cost = contact_cost +
--   incentive_cost (_holdout_arms).
-- 'ALL' rows (scope 'all'): post-stratified by segment, over the strata S of the program whose lift
--   is defined (each customer once, at their first entry, so the strata are disjoint),
--   w_s = n1_s / strata_treated with strata_treated = sum over S of n1_s:
--   lift = sum w_s lift_s; margin_low = sqrt(sum w_s^2 margin_low_s^2), margin_high alike (the
--   MOVER interval of Zou & Donner for a weighted sum; one segment: the segment's interval);
--   se0 = sqrt(sum w_s^2 se0_s^2);
--   p2 = sum w_s p2_s, the holdout rate standardised to the treated segment mix;
--   p1 = the pooled treated rate over every segment (counts, revenue, cost: _holdout_arms' sums);
--   incremental_revenue = the sum of the strata's; revenue_variance = the sum of the strata's (the
--   strata are disjoint, so independent), NULL when any stratum in S has none. All NULL when S is
--   empty.
WITH arms AS MATERIALIZED (
    -- The arms are read once (MATERIALIZED): PostgreSQL would otherwise plan _holdout_arms, and so
    -- _holdout_entry, for each of the two places that read them.
    SELECT * FROM _holdout_arms
),
rates AS (
    SELECT
        a.*,
        CAST(treated_retained AS DOUBLE PRECISION) / NULLIF(treated_customers, 0) AS p1,
        CAST(holdout_retained AS DOUBLE PRECISION) / NULLIF(holdout_customers, 0) AS p2,
        CAST(treated_retained + holdout_retained AS DOUBLE PRECISION)
            / NULLIF(treated_customers + holdout_customers, 0) AS pooled,
        1.0 / NULLIF(treated_customers, 0) + 1.0 / NULLIF(holdout_customers, 0) AS inverse_sizes
    FROM arms a
    WHERE a.scope <> 'all'
),
wilson AS (
    SELECT
        r.*,
        (treated_retained + 1.920729410347062) / NULLIF(treated_customers + 3.841458820694124, 0)
            AS center1,
        1.959963984540054 / NULLIF(treated_customers + 3.841458820694124, 0)
            * SQRT(CAST(treated_retained AS DOUBLE PRECISION) * (treated_customers - treated_retained)
                   / NULLIF(treated_customers, 0) + 0.960364705173531) AS half1,
        (holdout_retained + 1.920729410347062) / NULLIF(holdout_customers + 3.841458820694124, 0)
            AS center2,
        1.959963984540054 / NULLIF(holdout_customers + 3.841458820694124, 0)
            * SQRT(CAST(holdout_retained AS DOUBLE PRECISION) * (holdout_customers - holdout_retained)
                   / NULLIF(holdout_customers, 0) + 0.960364705173531) AS half2
    FROM rates r
),
segments AS (
    SELECT
        scope, program_id, segment, horizon_days, measured_as, treated_customers, treated_retained, holdout_customers,
        holdout_retained, treated_revenue, holdout_revenue, cost, contact_cost, incentive_cost, p1, p2,
        p1 - p2 AS lift,
        SQRT((p1 - (center1 - half1)) * (p1 - (center1 - half1))
             + (center2 + half2 - p2) * (center2 + half2 - p2)) AS margin_low,
        SQRT((center1 + half1 - p1) * (center1 + half1 - p1)
             + (p2 - (center2 - half2)) * (p2 - (center2 - half2))) AS margin_high,
        SQRT(pooled * (1 - pooled) * inverse_sizes) AS se0,
        (CAST(treated_revenue AS DOUBLE PRECISION) / NULLIF(treated_customers, 0)
            - CAST(holdout_revenue AS DOUBLE PRECISION) / NULLIF(holdout_customers, 0))
            * treated_customers AS incremental_revenue,
        CASE WHEN p1 - p2 IS NOT NULL
             THEN CAST(treated_customers AS DOUBLE PRECISION) END AS strata_treated,
        CAST(treated_customers AS DOUBLE PRECISION) * treated_customers
            * (treated_revenue_var / NULLIF(treated_customers, 0)
               + holdout_revenue_var / NULLIF(holdout_customers, 0)) AS revenue_variance
    FROM wilson
),
strata AS (
    SELECT
        program_id,
        horizon_days,
        SUM(strata_treated) AS strata_treated,
        SUM(strata_treated * p2) AS weighted_p2,
        SUM(strata_treated * lift) AS weighted_lift,
        SUM(strata_treated * strata_treated * margin_low * margin_low) AS weighted_margin_low,
        SUM(strata_treated * strata_treated * margin_high * margin_high) AS weighted_margin_high,
        SUM(strata_treated * strata_treated * se0 * se0) AS weighted_variance0,
        SUM(incremental_revenue) AS incremental_revenue,
        CASE WHEN COUNT(CASE WHEN strata_treated IS NOT NULL AND revenue_variance IS NULL THEN 1 END) = 0
             THEN SUM(CASE WHEN strata_treated IS NOT NULL THEN revenue_variance END) END AS revenue_variance
    FROM segments
    WHERE scope = 'stratum'
    GROUP BY program_id, horizon_days
)
SELECT
    program_id, segment, horizon_days, treated_customers, treated_retained, holdout_customers,
    holdout_retained, treated_revenue, holdout_revenue, cost, p1, p2, lift, margin_low,
    margin_high, se0, incremental_revenue, strata_treated, revenue_variance, measured_as, contact_cost,
    incentive_cost
FROM segments
WHERE scope = 'segment'
UNION ALL
SELECT
    a.program_id, a.segment, a.horizon_days, a.treated_customers, a.treated_retained,
    a.holdout_customers, a.holdout_retained, a.treated_revenue, a.holdout_revenue, a.cost,
    CAST(a.treated_retained AS DOUBLE PRECISION) / NULLIF(a.treated_customers, 0) AS p1,
    s.weighted_p2 / s.strata_treated AS p2,
    s.weighted_lift / s.strata_treated AS lift,
    SQRT(s.weighted_margin_low) / s.strata_treated AS margin_low,
    SQRT(s.weighted_margin_high) / s.strata_treated AS margin_high,
    SQRT(s.weighted_variance0) / s.strata_treated AS se0,
    s.incremental_revenue,
    s.strata_treated,
    s.revenue_variance,
    a.measured_as,
    a.contact_cost,
    a.incentive_cost
FROM arms a
JOIN strata s ON s.program_id = a.program_id AND s.horizon_days = a.horizon_days
WHERE a.scope = 'all'
