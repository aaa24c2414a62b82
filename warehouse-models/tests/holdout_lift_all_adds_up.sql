-- invariant: a program's 'ALL' row holds the sums of its segment rows
SELECT a.program_id, a.treated_customers, s.treated_customers AS segments_treated
FROM holdout_lift a
JOIN (SELECT program_id,
             SUM(treated_customers) AS treated_customers, SUM(treated_retained) AS treated_retained,
             SUM(holdout_customers) AS holdout_customers, SUM(holdout_retained) AS holdout_retained
        FROM holdout_lift WHERE segment <> 'ALL' GROUP BY program_id) s
  ON s.program_id = a.program_id
WHERE a.segment = 'ALL'
  AND (a.treated_customers <> s.treated_customers OR a.treated_retained <> s.treated_retained
    OR a.holdout_customers <> s.holdout_customers OR a.holdout_retained <> s.holdout_retained)
