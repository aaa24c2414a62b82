-- invariant: holdout_lift_cuped has holdout_lift's rows, customers and unadjusted lift (CUPED only
-- adjusts it), and its interval is a proper interval around lift_cuped
SELECT COALESCE(c.program_id, l.program_id) AS program_id, COALESCE(c.segment, l.segment) AS segment,
       c.lift, l.lift AS holdout_lift_lift, c.treated_customers, l.treated_customers AS holdout_lift_treated
FROM holdout_lift_cuped c
FULL JOIN holdout_lift l
  ON l.program_id = c.program_id AND l.segment = c.segment AND l.horizon_days = c.horizon_days
WHERE c.program_id IS NULL OR l.program_id IS NULL
   OR c.treated_customers <> l.treated_customers OR c.holdout_customers <> l.holdout_customers
   OR (c.lift IS NULL) <> (l.lift IS NULL) OR ABS(c.lift - l.lift) > 1e-9
   OR (c.lift_cuped IS NULL) <> (c.lift IS NULL)
   OR c.lift_cuped_ci_low > c.lift_cuped OR c.lift_cuped > c.lift_cuped_ci_high
