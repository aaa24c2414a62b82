-- invariant: lead_scoring_validation has one row per as_of, horizon_days and lead_class
SELECT as_of, horizon_days, lead_class, COUNT(*) AS rows_of_key
FROM lead_scoring_validation
GROUP BY as_of, horizon_days, lead_class
HAVING COUNT(*) > 1
