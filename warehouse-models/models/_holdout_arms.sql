-- grain: one row per program_id and segment at treatment time, plus one with segment 'ALL' per program
-- Helper of holdout_lift: the two arms side by side, from _holdout_entry (applied after it).
-- The 'ALL' row holds plain sums over the segments (the arms pooled): _holdout_strata takes its
-- counts, revenue and cost, but estimates its lift by segment.
-- treated_* count arm 'treatment', holdout_* arm 'holdout'; revenue is the arm's total net revenue
-- in the outcome windows; cost: the treated arm's treatment cost (missing cost counts as 0).
SELECT
    program_id,
    COALESCE(segment, 'ALL') AS segment,
    horizon_days,
    COUNT(CASE WHEN arm = 'treatment' THEN 1 END) AS treated_customers,
    COUNT(CASE WHEN arm = 'treatment' AND retained = 1 THEN 1 END) AS treated_retained,
    COUNT(CASE WHEN arm = 'holdout' THEN 1 END) AS holdout_customers,
    COUNT(CASE WHEN arm = 'holdout' AND retained = 1 THEN 1 END) AS holdout_retained,
    SUM(CASE WHEN arm = 'treatment' THEN revenue ELSE 0 END) AS treated_revenue,
    SUM(CASE WHEN arm = 'holdout' THEN revenue ELSE 0 END) AS holdout_revenue,
    SUM(CASE WHEN arm = 'treatment' THEN COALESCE(cost, 0) ELSE 0 END) AS cost
FROM _holdout_entry
GROUP BY GROUPING SETS ((program_id, horizon_days, segment), (program_id, horizon_days))
