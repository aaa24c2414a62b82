-- review: measured lifts that are negative (the whole interval below zero) or not distinguishable
-- from no effect (adjusted p-value 0.05 or more), segment rows of holdout_lift; the CTE measured
-- is the one place that reads holdout_lift (delivered programs only: an assigned program's lift
-- measures no contact). One row per program and segment.
WITH measured AS (
    SELECT * FROM holdout_lift WHERE segment <> 'ALL' AND measured_as = 'delivered'
)
SELECT program_id, segment, treated_customers, holdout_customers, lift, lift_ci_low, lift_ci_high, p_value_adjusted,
    CASE WHEN lift_ci_high < 0 THEN 'negative' ELSE 'insignificant' END AS verdict
FROM measured
WHERE lift_ci_high < 0 OR p_value_adjusted >= 0.05
ORDER BY CASE WHEN lift_ci_high < 0 THEN 0 ELSE 1 END, program_id, segment
