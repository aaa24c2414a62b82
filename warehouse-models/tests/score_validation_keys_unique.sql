-- invariant: score_validation has one row per as_of, horizon_days, dimension, score and segment
SELECT as_of, horizon_days, dimension, score, segment, COUNT(*) AS rows_of_key
FROM score_validation
GROUP BY as_of, horizon_days, dimension, score, segment
HAVING COUNT(*) > 1
