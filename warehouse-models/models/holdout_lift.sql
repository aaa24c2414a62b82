-- grain: one row per program_id and segment at treatment time, plus one with segment 'ALL' per program
-- Treated vs holdout retention over each program's horizon (see _holdout_entry for the window,
-- the retained flag and the segment; _holdout_arms for the counts; _holdout_strata for the estimates).
-- Each customer counts once per row: a segment row at the customer's first entry in the program
--   while in that segment, the 'ALL' row at the customer's first entry in the program. An always-on
--   program re-enters customers as they move between segments; counting every entry would treat one
--   customer's overlapping windows as independent trials and understate the standard error.
--   Entries after the first may follow an earlier contact of the same program, so a segment row of
--   an always-on program measures the program's effect on customers entering that segment, some of
--   whom it already touched; the 'ALL' row is free of that (first contacts only).
-- Segment rows: lift = treated_retention_rate - holdout_retention_rate (absolute, in rate points).
-- 'ALL' rows are post-stratified by segment at treatment, not pooled: holdout shares differ by
--   segment, so pooling would weigh the arms' segment mixes differently (Simpson's paradox). Over the
--   segments with both arms non-empty, w_s = treated_customers_s / their sum, lift = sum w_s lift_s;
--   counts, revenue and cost are the sums over every segment; treated_retention_rate is the pooled
--   treated rate; holdout_retention_rate = sum w_s holdout rate_s, the holdout rate standardised to
--   the treated segment mix (= treated_retention_rate - lift whenever every segment with treated
--   customers has a holdout); incremental_revenue: the sum of the segments'.
-- lift_ci_low/high: 95 % interval. Segment rows: Newcombe's hybrid score interval (from the arms'
--   Wilson intervals; sound for small arms and rates near 0 % or 100 %, where the Wald interval
--   collapses); 'ALL' rows: its MOVER extension to the weighted sum of the segments' lifts.
-- p_value: two-sided z-test of no effect, z = lift / se0, se0 the standard error under no effect:
--   segment sqrt(p (1 - p) (1/n1 + 1/n2)) with p both arms pooled (the pooled two-proportion z-test),
--   'ALL' sqrt(sum w_s^2 se0_s^2) (the same test, stratified). One test for both kinds of row, so a
--   program with one segment gets an 'ALL' row equal to that segment's row in every column.
--   p = 2 (1 - PHI(|z|)) with PHI by Abramowitz & Stegun 26.2.17 (absolute error < 7.5e-8);
--   NULL when z is undefined (no segment with both arms, or se0 = 0: every arm at 0 % or 100 %).
-- incremental_retained = lift * treated customers of the segments in the lift (all of them for a
--   segment row); cost = contact_cost + incentive_cost of the treated arm: contact cost from
--   treatment.cost, incentive cost by the redemption rule of _holdout_entry (the first order in the
--   window redeems the strategy's incentive, min(depth_pct / 100 x its value, cap); entries of the
--   pipeline's own programs only);
-- cost_per_retained_customer = cost / incremental_retained, NULL when incremental_retained <= 0.
-- incremental_revenue_ci_low/high: 95 % interval, incremental_revenue -+ 1.959964 se with Welch's
--   standard error (Welch 1947, Biometrika 34:28-35; unequal variances), se = n1 sqrt(v1 / n1 + v2 / n2),
--   v1, v2 the arms' sample variances of revenue per customer ('ALL': the strata's variances summed;
--   see _holdout_strata). A normal approximation: revenue is skewed (most customers spend 0), so
--   for small arms it is rough. NULL when an arm (for 'ALL': of any stratum in the lift) has fewer
--   than 2 customers.
-- cost_per_retained_ci_low/high: 95 % interval of cost_per_retained_customer by transforming the
--   lift interval's endpoints (an interval for a monotone function of a parameter is the function
--   of the interval's endpoints; Casella & Berger 2002, Statistical Inference, 2nd ed., ch. 9):
--   cost and the customers of the lift are fixed, so cost / (lift * n) falls as the lift rises, and the lift interval
--   [a, b] maps to [cost / (b n), cost / (a n)]. Low: NULL when b <= 0 (no retained customer is
--   bought at any lift in the interval); high: NULL (unbounded) when a <= 0.
-- p_value_adjusted: for a program tested in many segments, some segment rows look significant by
--   chance alone; segment rows carry the Benjamini-Hochberg adjusted p-value (Benjamini & Hochberg
--   1995, J. R. Stat. Soc. B 57:289-300) over the program's segment rows with a p-value: the m
--   p-values in ascending order, the i-th adjusted to min over j >= i of p_(j) m / j, at most 1.
--   Calling every segment with an adjusted p below 0.05 a success keeps the expected share of false
--   successes among them at 5 % at most. 'ALL' rows keep their p-value (one test per program).
-- measured_as: 'delivered' when the program's entries came from the treatments input, were
--   covered by an exported contact list of their segment, or were sent by the continuous job to
--   its transitions topic (topic_delivery; a treatment-arm send, a holdout message is no contact)
--   (only those entries are counted),
--   'assigned' when none was (the pipeline's own always_on assignments with nothing sent): every
--   column is still computed, for the holdout's design (holdout_power), but an assignment is not a
--   contact, so an 'assigned' row's lift is no measured effect and the report does not show it as
--   one. See _holdout_entry for the rule.
-- Every ratio is NULL where its denominator is 0.
-- Rates and lifts are fractions 0-1 (a lift of 0.07 is 7 percentage points); money in the input's
-- currency.
-- columns:
-- program_id: the retention program (treatment.program_id)
-- segment: the segment at treatment time ('unknown' when not known), or 'ALL' for the program's
--   post-stratified row
-- horizon_days: the outcome window in days after the treatment day (program_horizon, 60 by default)
-- treated_customers, holdout_customers: customers counted in the treatment and holdout arms (each
--   once per row, at their first entry), a count
-- treated_retained, holdout_retained: those of them with an order in their outcome window, a count
-- treated_retention_rate: treated_retained / treated_customers, a fraction 0-1 ('ALL': pooled)
-- holdout_retention_rate: holdout_retained / holdout_customers, a fraction 0-1 ('ALL': standardised
--   to the treated segment mix)
-- lift: treated minus holdout retention rate, in rate points as a fraction (0.07 = 7 points)
-- lift_ci_low, lift_ci_high: the 95 % interval of lift, same unit
-- p_value: two-sided p-value of no effect, 0-1
-- p_value_adjusted: segment rows: the Benjamini-Hochberg adjusted p-value over the program's
--   segments, 0-1; 'ALL' rows: p_value
-- incremental_retained: lift times the treated customers of the segments in the lift, customers
-- treated_revenue, holdout_revenue: the arms' total net revenue in their outcome windows; money
-- incremental_revenue: (treated_revenue / treated - holdout_revenue / holdout) * treated; money
-- contact_cost: the treated arm's treatment.cost of the entries counted (missing: 0); money
-- incentive_cost: the treated arm's incentive cost (see _holdout_entry); money
-- cost: contact_cost + incentive_cost; money
-- incremental_revenue_ci_low, incremental_revenue_ci_high: its 95 % interval (Welch); money; NULL
--   when an arm has fewer than 2 customers
-- cost_per_retained_customer: cost / incremental_retained; money; NULL when incremental_retained <= 0
-- cost_per_retained_ci_low, cost_per_retained_ci_high: its 95 % interval from the lift interval's
--   endpoints; money; low NULL when lift_ci_high <= 0, high NULL (unbounded) when lift_ci_low <= 0
-- measured_as: 'delivered' (a measured effect of contacts made) or 'assigned' (entries only, nothing
--   recorded as sent: no lift is claimed), the program's
WITH tests AS (
    SELECT s.*, ABS(lift) / NULLIF(se0, 0) AS z FROM _holdout_strata s
),
normal AS (
    SELECT t.*, 1.0 / (1.0 + 0.2316419 * z) AS k, lift * strata_treated AS incremental FROM tests t
),
lifted AS (
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
        lift - margin_low AS lift_ci_low,
        lift + margin_high AS lift_ci_high,
        CASE WHEN z IS NOT NULL
             THEN LEAST(1.0, 2 * EXP(-z * z / 2) / 2.5066282746310002
                  * k * (0.319381530 + k * (-0.356563782 + k * (1.781477937
                  + k * (-1.821255978 + k * 1.330274429)))))
        END AS p_value,
        incremental AS incremental_retained,
        treated_revenue,
        holdout_revenue,
        incremental_revenue,
        incremental_revenue - 1.959963984540054 * SQRT(revenue_variance) AS incremental_revenue_ci_low,
        incremental_revenue + 1.959963984540054 * SQRT(revenue_variance) AS incremental_revenue_ci_high,
        contact_cost,
        incentive_cost,
        cost,
        CASE WHEN incremental > 0 THEN CAST(cost AS DOUBLE PRECISION) / incremental END AS cost_per_retained_customer,
        CASE WHEN lift + margin_high > 0
             THEN CAST(cost AS DOUBLE PRECISION) / ((lift + margin_high) * strata_treated) END AS cost_per_retained_ci_low,
        CASE WHEN lift - margin_low > 0
             THEN CAST(cost AS DOUBLE PRECISION) / ((lift - margin_low) * strata_treated) END AS cost_per_retained_ci_high,
        measured_as
    FROM normal
),
tested AS (
    SELECT
        program_id,
        segment,
        horizon_days,
        p_value,
        ROW_NUMBER() OVER (PARTITION BY program_id, horizon_days ORDER BY p_value, segment) AS p_rank,
        COUNT(*) OVER (PARTITION BY program_id, horizon_days) AS tests
    FROM lifted
    WHERE segment <> 'ALL' AND p_value IS NOT NULL
),
adjusted AS (
    SELECT
        program_id,
        segment,
        horizon_days,
        LEAST(1.0, MIN(p_value * tests / p_rank) OVER (
            PARTITION BY program_id, horizon_days
            ORDER BY p_rank DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS p_value_adjusted
    FROM tested
)
SELECT
    l.*,
    CASE WHEN l.segment = 'ALL' THEN l.p_value ELSE a.p_value_adjusted END AS p_value_adjusted
FROM lifted l
LEFT JOIN adjusted a
    ON a.program_id = l.program_id AND a.segment = l.segment AND a.horizon_days = l.horizon_days
