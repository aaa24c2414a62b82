-- explain: the score boundaries of one refresh: one row per dimension and score.
SELECT dimension, score, method, lower_bound, upper_bound, customers
FROM score_boundary
WHERE as_of = CAST(? AS DATE)
ORDER BY dimension, score
