-- grain: one row per program_id, scope and segment at treatment time
-- Helper of holdout_lift: the two arms side by side, from _holdout_entry (applied after it).
-- scope 'segment': a segment's row of holdout_lift, over each customer's first entry in the
--   program while in that segment (first_in_segment);
-- scope 'stratum': a stratum of the program's 'ALL' row, over each customer's first entry in the
--   program (first_in_program), by the segment of that entry;
-- scope 'all': the program's 'ALL' row, the same entries with every segment together (plain sums:
--   _holdout_strata takes its counts, revenue and cost, but estimates its lift by stratum).
-- measured_as: the program's 'delivered' or 'assigned' (see _holdout_entry).
-- treated_* count arm 'treatment', holdout_* arm 'holdout'; revenue is the arm's total net revenue
-- in the outcome windows; contact_cost: the treated arm's treatment.cost of the entries counted
-- (missing: 0); incentive_cost: their incentive_cost (_holdout_entry); cost: the two summed.
-- treated_revenue_var, holdout_revenue_var: the sample variance (n - 1 denominator) of the arm's
-- revenue per customer; NULL when the arm has fewer than 2 customers (_holdout_strata's Welch
-- interval of the incremental revenue).
WITH entries AS MATERIALIZED (
    -- The entries are read once (MATERIALIZED): PostgreSQL would otherwise plan _holdout_entry once
    -- for each scope.
    SELECT * FROM _holdout_entry
),
scoped AS (
    SELECT 'segment' AS scope, e.* FROM entries e WHERE first_in_segment
    UNION ALL
    SELECT 'stratum' AS scope, e.* FROM entries e WHERE first_in_program
)
SELECT
    program_id,
    CASE WHEN segment IS NULL THEN 'all' ELSE scope END AS scope,
    COALESCE(segment, 'ALL') AS segment,
    horizon_days,
    measured_as,
    COUNT(CASE WHEN arm = 'treatment' THEN 1 END) AS treated_customers,
    COUNT(CASE WHEN arm = 'treatment' AND retained = 1 THEN 1 END) AS treated_retained,
    COUNT(CASE WHEN arm = 'holdout' THEN 1 END) AS holdout_customers,
    COUNT(CASE WHEN arm = 'holdout' AND retained = 1 THEN 1 END) AS holdout_retained,
    SUM(CASE WHEN arm = 'treatment' THEN revenue ELSE 0 END) AS treated_revenue,
    SUM(CASE WHEN arm = 'holdout' THEN revenue ELSE 0 END) AS holdout_revenue,
    SUM(CASE WHEN arm = 'treatment' THEN COALESCE(cost, 0) + incentive_cost ELSE 0 END) AS cost,
    SUM(CASE WHEN arm = 'treatment' THEN COALESCE(cost, 0) ELSE 0 END) AS contact_cost,
    SUM(CASE WHEN arm = 'treatment' THEN incentive_cost ELSE 0 END) AS incentive_cost,
    VAR_SAMP(CASE WHEN arm = 'treatment' THEN CAST(revenue AS DOUBLE PRECISION) END) AS treated_revenue_var,
    VAR_SAMP(CASE WHEN arm = 'holdout' THEN CAST(revenue AS DOUBLE PRECISION) END) AS holdout_revenue_var
FROM scoped
GROUP BY GROUPING SETS ((program_id, horizon_days, measured_as, scope, segment),
    (program_id, horizon_days, measured_as, scope))
HAVING segment IS NOT NULL OR scope = 'stratum'
