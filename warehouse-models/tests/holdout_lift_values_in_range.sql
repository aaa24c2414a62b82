-- invariant: rates and p-values are probabilities, the lift lies inside its interval, and an
-- adjusted p-value is never below the raw one ('ALL' rows: equal to it)
SELECT program_id, segment, treated_retention_rate, holdout_retention_rate, lift, p_value
FROM holdout_lift
WHERE treated_retention_rate NOT BETWEEN 0 AND 1
   OR holdout_retention_rate NOT BETWEEN 0 AND 1
   OR p_value NOT BETWEEN 0 AND 1
   OR lift < lift_ci_low - 1e-12 OR lift > lift_ci_high + 1e-12
   OR treated_retained > treated_customers OR holdout_retained > holdout_customers
   OR p_value_adjusted NOT BETWEEN 0 AND 1 OR p_value_adjusted < p_value - 1e-12
   OR (segment = 'ALL' AND p_value_adjusted <> p_value)
   OR (p_value IS NULL) <> (p_value_adjusted IS NULL)
