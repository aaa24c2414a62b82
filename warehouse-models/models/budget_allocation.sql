-- grain: one row per segment the latest configuration defines (segment_config.in_config)
-- The ranking a retention budget is allocated by (./segments budget binds the amount in
-- queries/budget/allocation.sql): each segment's measured lift, shrunk toward the pooled lift,
-- turned into incremental revenue per unit of cost, and the money the segment can absorb.
-- Measured lift: the segment's row of holdout_lift (segment rows, not 'ALL'; delivered programs only:
--   an assigned program contacted nobody, so its lift measures no contact) of its best-measured
--   program (most customers in both arms; ties by program_id); the CTE measured is the one place
--   that reads holdout_lift. se = (lift_ci_high - lift_ci_low) / (2 x 1.959964), the standard
--   error the 95 % interval implies.
-- Empirical Bayes shrinkage (normal-normal model; Efron & Morris 1975, JASA 70:311-319): lift_s ~
--   N(theta_s, se_s^2), theta_s ~ N(mu, tau^2). tau^2, the between-segment variance, by
--   DerSimonian & Laird (1986, Controlled Clinical Trials 7:177-188): w_s = 1 / se_s^2, Cochran's
--   Q = sum w_s (lift_s - mu_fixed)^2 with mu_fixed = sum w_s lift_s / sum w_s, tau^2 = max(0,
--   (Q - (k - 1)) / (sum w_s - sum w_s^2 / sum w_s)) over the k measured segments; pooled lift mu
--   = sum lift_s / (se_s^2 + tau^2) / sum 1 / (se_s^2 + tau^2) (random-effects mean).
--   B_s = se_s^2 / (se_s^2 + tau^2); shrunk lift = B_s mu + (1 - B_s) lift_s: a small or noisy
--   segment (large se) borrows most from the pooled lift. Its standard error: sqrt((1 - B_s) se_s^2
--   + B_s^2 var(mu)), var(mu) = 1 / sum 1 / (se_s^2 + tau^2) (Morris 1983, JASA 78:47-55, without
--   the term for the uncertainty of tau^2, so slightly narrow with few segments); 95 % interval
--   +- 1.959964 of it.
-- Value: incremental revenue per treated customer = shrunk lift x revenue per retained customer
--   (the treated arm's outcome-window revenue per retained treated customer), not the measured
--   incremental revenue per customer, which is noisier than the lift.
-- Never funded (reason, the first that holds): suppressed (the strategy suppresses the segment),
--   not_measured (no lift with an interval), negative_lift (lift_ci_high < 0: the whole measured
--   interval below zero), no_gain (shrunk lift or revenue per retained customer not above 0),
--   no_cost (no cost per treated customer recorded: nothing to spend), no_customers.
-- Capacity: each reachable customer treated once per budget period: current customers
--   (customer_segment) times (1 - holdout_share), the holdout kept; times cost per customer.
-- Greedy by value per unit of cost (the fractional knapsack: optimal when value is linear in
--   spend up to the capacity).
-- columns:
-- segment: the segment (labels and order in segment_dim)
-- program_id: the program whose holdout measured the lift; NULL when not measured
-- horizon_days: that program's outcome window in days
-- treated_customers, holdout_customers: the customers measured in each arm, a count
-- lift, lift_ci_low, lift_ci_high: the measured lift and its 95 % interval (holdout_lift), in
--   rate points as a fraction (0.07 = 7 points)
-- lift_se: the standard error of lift the interval implies, same unit
-- pooled_lift: the random-effects mean lift over the measured segments, same unit
-- tau_squared: the DerSimonian-Laird between-segment variance of the lift, squared rate points
-- shrinkage: B, the weight on the pooled lift, a fraction 0-1
-- shrunk_lift, shrunk_lift_ci_low, shrunk_lift_ci_high: the shrunk lift and its 95 % interval,
--   in rate points as a fraction
-- shrunk_lift_se: its standard error, same unit
-- revenue_per_retained: outcome-window revenue per retained treated customer; money
-- cost_per_customer: cost per treated customer (holdout_lift cost / treated_customers); money
-- value_per_customer: shrunk_lift x revenue_per_retained, incremental revenue per treated
--   customer; money
-- value_per_cost: value_per_customer / cost_per_customer, incremental revenue per unit of cost,
--   a ratio
-- current_customers: customers in the segment now (customer_segment), a count
-- reachable_customers: current_customers x (1 - holdout_share), customers
-- capacity: reachable_customers x cost_per_customer, the most the segment can absorb per
--   period; money
-- reason: why the segment is never funded (see above); NULL when it can be
-- funding_rank: 1, 2, ... over the fundable segments by value_per_cost (highest first, ties by
--   segment); NULL when not fundable
-- cumulative_capacity: sum of capacity over the fundable segments up to this rank; money
WITH measured AS (
    SELECT * FROM holdout_lift
    WHERE segment <> 'ALL' AND measured_as = 'delivered' AND lift IS NOT NULL AND lift_ci_high > lift_ci_low
),
picked AS (
    SELECT m.*, (m.lift_ci_high - m.lift_ci_low) / (2 * 1.959963984540054) AS se,
        ROW_NUMBER() OVER (PARTITION BY m.segment
                           ORDER BY m.treated_customers + m.holdout_customers DESC, m.program_id) AS pick
    FROM measured m
),
fixed AS (
    SELECT SUM(lift / (se * se)) / SUM(1 / (se * se)) AS mu_fixed, SUM(1 / (se * se)) AS sw,
        SUM(1 / (se * se * se * se)) AS sw2, COUNT(*) AS k
    FROM picked WHERE pick = 1
),
heterogeneity AS (
    SELECT CASE WHEN f.k > 1
        THEN GREATEST(0.0, (SUM((p.lift - f.mu_fixed) * (p.lift - f.mu_fixed) / (p.se * p.se)) - (f.k - 1))
                           / (f.sw - f.sw2 / f.sw))
        ELSE 0.0 END AS tau2
    FROM picked p CROSS JOIN fixed f
    WHERE p.pick = 1
    GROUP BY f.mu_fixed, f.sw, f.sw2, f.k
),
pooled AS (
    SELECT b.tau2, SUM(p.lift / (p.se * p.se + b.tau2)) / SUM(1 / (p.se * p.se + b.tau2)) AS mu,
        1 / SUM(1 / (p.se * p.se + b.tau2)) AS mu_var
    FROM picked p CROSS JOIN heterogeneity b
    WHERE p.pick = 1
    GROUP BY b.tau2
),
shrunk AS (
    SELECT p.*, o.mu, o.tau2, p.se * p.se / (p.se * p.se + o.tau2) AS b, o.mu_var
    FROM picked p CROSS JOIN pooled o
    WHERE p.pick = 1
),
members AS (
    SELECT segment, COUNT(*) AS customers FROM customer_segment GROUP BY segment
),
valued AS (
    SELECT
        c.segment, s.program_id, s.horizon_days, s.treated_customers, s.holdout_customers,
        s.lift, s.lift_ci_low, s.lift_ci_high, s.se AS lift_se, s.mu AS pooled_lift, s.tau2 AS tau_squared,
        s.b AS shrinkage,
        s.b * s.mu + (1 - s.b) * s.lift AS shrunk_lift,
        SQRT((1 - s.b) * s.se * s.se + s.b * s.b * s.mu_var) AS shrunk_lift_se,
        CAST(s.treated_revenue AS DOUBLE PRECISION) / NULLIF(s.treated_retained, 0) AS revenue_per_retained,
        CAST(s.cost AS DOUBLE PRECISION) / NULLIF(s.treated_customers, 0) AS cost_per_customer,
        COALESCE(m.customers, 0) AS current_customers,
        COALESCE(m.customers, 0) * (1 - COALESCE(c.holdout_share, 0.0)) AS reachable_customers,
        COALESCE(c.suppress, FALSE) AS suppress
    FROM segment_config c
    LEFT JOIN shrunk s ON s.segment = c.segment
    LEFT JOIN members m ON m.segment = c.segment
    WHERE COALESCE(c.in_config, FALSE)
),
reasoned AS (
    SELECT v.*,
        v.shrunk_lift * v.revenue_per_retained AS value_per_customer,
        v.shrunk_lift * v.revenue_per_retained / NULLIF(v.cost_per_customer, 0) AS value_per_cost,
        v.reachable_customers * v.cost_per_customer AS capacity,
        CASE
            WHEN v.suppress THEN 'suppressed'
            WHEN v.lift IS NULL THEN 'not_measured'
            WHEN v.lift_ci_high < 0 THEN 'negative_lift'
            WHEN v.shrunk_lift <= 0 OR COALESCE(v.revenue_per_retained, 0) <= 0 THEN 'no_gain'
            WHEN COALESCE(v.cost_per_customer, 0) <= 0 THEN 'no_cost'
            WHEN v.reachable_customers <= 0 THEN 'no_customers'
        END AS reason
    FROM valued v
),
ranked AS (
    SELECT r.*,
        ROW_NUMBER() OVER (PARTITION BY CASE WHEN r.reason IS NULL THEN 1 ELSE 0 END
                           ORDER BY r.value_per_cost DESC, r.segment) AS place
    FROM reasoned r
)
SELECT
    segment, program_id, horizon_days, treated_customers, holdout_customers,
    lift, lift_ci_low, lift_ci_high, lift_se, pooled_lift, tau_squared, shrinkage,
    shrunk_lift,
    shrunk_lift - 1.959963984540054 * shrunk_lift_se AS shrunk_lift_ci_low,
    shrunk_lift + 1.959963984540054 * shrunk_lift_se AS shrunk_lift_ci_high,
    shrunk_lift_se, revenue_per_retained, cost_per_customer, value_per_customer, value_per_cost,
    current_customers, reachable_customers, capacity, reason,
    CASE WHEN reason IS NULL THEN place END AS funding_rank,
    CASE WHEN reason IS NULL
         THEN SUM(capacity) OVER (PARTITION BY CASE WHEN reason IS NULL THEN 1 ELSE 0 END
                                  ORDER BY place ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    END AS cumulative_capacity
FROM ranked
