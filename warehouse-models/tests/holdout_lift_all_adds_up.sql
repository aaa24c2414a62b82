-- invariant: a program's 'ALL' row holds the sums of its segment rows (counts, revenue, cost,
-- incremental retained and revenue), and its lift is the segments' lifts weighted by their treated
-- customers, over the segments whose lift is defined (post-stratified, not pooled). That holds for
-- programs that enter each customer once; with re-entries the 'ALL' row counts each customer at
-- their first entry only, and the segment rows each customer's first entry in that segment
-- (holdout_lift_reentry.yaml), so there the 'ALL' row holds no more customers than the segments.
SELECT a.program_id, a.lift, s.weighted_lift / s.strata_treated AS stratified_lift,
       a.treated_customers, s.treated_customers AS segments_treated
FROM holdout_lift a
JOIN (SELECT program_id,
             SUM(treated_customers) AS treated_customers, SUM(treated_retained) AS treated_retained,
             SUM(holdout_customers) AS holdout_customers, SUM(holdout_retained) AS holdout_retained,
             SUM(treated_revenue) AS treated_revenue, SUM(holdout_revenue) AS holdout_revenue,
             SUM(cost) AS cost, SUM(incremental_retained) AS incremental_retained,
             SUM(incremental_revenue) AS incremental_revenue,
             SUM(CASE WHEN lift IS NOT NULL THEN treated_customers END) AS strata_treated,
             SUM(treated_customers * lift) AS weighted_lift
        FROM holdout_lift WHERE segment <> 'ALL' GROUP BY program_id) s
  ON s.program_id = a.program_id
WHERE a.segment = 'ALL'
  AND ((a.treated_customers > s.treated_customers OR a.holdout_customers > s.holdout_customers)
    OR a.program_id NOT IN (SELECT program_id FROM treatment
                             GROUP BY program_id, customer_id HAVING COUNT(*) > 1)
   AND (a.treated_customers <> s.treated_customers OR a.treated_retained <> s.treated_retained
    OR a.holdout_customers <> s.holdout_customers OR a.holdout_retained <> s.holdout_retained
    OR a.treated_revenue <> s.treated_revenue OR a.holdout_revenue <> s.holdout_revenue
    OR a.cost <> s.cost
    OR (a.lift IS NULL) <> (s.strata_treated IS NULL)
    OR ABS(a.lift - s.weighted_lift / s.strata_treated) > 1e-9
    OR ABS(a.incremental_retained - s.incremental_retained) > 1e-6 * GREATEST(1, ABS(s.incremental_retained))
    OR (a.incremental_revenue IS NULL) <> (s.incremental_revenue IS NULL)
    OR ABS(a.incremental_revenue - s.incremental_revenue) > 1e-6 * GREATEST(1, ABS(s.incremental_revenue))))
