-- invariant: score_validation_summary has one row per as_of, horizon_days and dimension
SELECT as_of, horizon_days, dimension, COUNT(*) AS rows_of_key
FROM score_validation_summary
GROUP BY as_of, horizon_days, dimension
HAVING COUNT(*) > 1
