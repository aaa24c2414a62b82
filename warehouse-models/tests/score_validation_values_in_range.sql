-- invariant: in score_validation scores are 1-5 (segment rows have a segment instead), rates are
-- fractions 0-1; in score_validation_summary AUC is in [0, 1], Spearman in [-1, 1], and every
-- dimension's rows of score_validation, the segments' too, count the summary's customers
WITH v AS MATERIALIZED (
    SELECT * FROM score_validation
),
totals AS (
    SELECT as_of, horizon_days, dimension, SUM(customers) AS customers
    FROM v
    GROUP BY as_of, horizon_days, dimension
)
SELECT v.as_of, v.horizon_days, v.dimension, v.score, v.segment
FROM v
WHERE v.retention_rate < 0 OR v.retention_rate > 1
   OR v.retained > v.customers
   OR (v.dimension = 'segment') <> (v.score IS NULL)
   OR (v.dimension = 'segment') <> (v.segment IS NOT NULL)
   OR v.score < 1 OR v.score > 5
UNION ALL
SELECT s.as_of, s.horizon_days, s.dimension, NULL, NULL
FROM score_validation_summary s
LEFT JOIN totals t ON t.as_of = s.as_of AND t.horizon_days = s.horizon_days AND t.dimension = s.dimension
LEFT JOIN totals g ON g.as_of = s.as_of AND g.horizon_days = s.horizon_days AND g.dimension = 'segment'
WHERE s.auc < 0 OR s.auc > 1
   OR s.spearman_revenue < -1 OR s.spearman_revenue > 1
   OR s.retention_rate < 0 OR s.retention_rate > 1
   OR s.retained > s.customers
   OR t.customers IS NULL OR s.customers <> t.customers
   OR g.customers IS NULL OR s.customers <> g.customers
