-- invariant: rates and p-values are probabilities, and the lift lies inside its interval
SELECT program_id, segment, treated_retention_rate, holdout_retention_rate, lift, p_value
FROM holdout_lift
WHERE treated_retention_rate NOT BETWEEN 0 AND 1
   OR holdout_retention_rate NOT BETWEEN 0 AND 1
   OR p_value NOT BETWEEN 0 AND 1
   OR lift < lift_ci_low - 1e-12 OR lift > lift_ci_high + 1e-12
   OR treated_retained > treated_customers OR holdout_retained > holdout_customers
