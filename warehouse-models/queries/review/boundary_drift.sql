-- review: the score boundaries (lower bound of each score) that moved by more than a share between
-- the latest refresh with boundaries and the kept refresh before it (segment_snapshot). Bind: the
-- threshold, a fraction (0.2 = 20 %). One row per dimension and score that moved.
WITH latest AS (
    SELECT MAX(as_of) AS now_day FROM score_boundary
),
compared AS (
    SELECT l.now_day, MAX(s.as_of) AS before_day
    FROM latest l
    JOIN segment_snapshot s ON s.as_of < l.now_day
    WHERE EXISTS (SELECT 1 FROM score_boundary b WHERE b.as_of = s.as_of)
    GROUP BY l.now_day
)
SELECT c.before_day, c.now_day, b.dimension, b.score, p.lower_bound AS before_bound, b.lower_bound AS now_bound,
    (b.lower_bound - p.lower_bound) / ABS(p.lower_bound) AS change
FROM compared c
JOIN score_boundary b ON b.as_of = c.now_day
JOIN score_boundary p ON p.as_of = c.before_day AND p.dimension = b.dimension AND p.score = b.score
WHERE b.lower_bound IS NOT NULL AND p.lower_bound IS NOT NULL AND p.lower_bound <> 0
  AND ABS(b.lower_bound - p.lower_bound) > CAST(? AS DOUBLE PRECISION) * ABS(p.lower_bound)
ORDER BY b.dimension, b.score
