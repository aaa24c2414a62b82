-- report: the raw values behind the scores of one kept refresh: one row per dimension and value with
-- its customers. recency: days since the last order; frequency: orders in the window; monetary: net
-- spend in the window rounded to whole currency units. Only customers the dimension scored count.
WITH refresh AS (
    SELECT recency_days, frequency, monetary, r_score, f_score, m_score
    FROM segment_snapshot
    WHERE as_of = CAST(? AS DATE)
)
SELECT 'recency' AS dimension, CAST(recency_days AS DOUBLE PRECISION) AS value, COUNT(*) AS customers
FROM refresh WHERE r_score IS NOT NULL AND recency_days IS NOT NULL
GROUP BY recency_days
UNION ALL
SELECT 'frequency' AS dimension, CAST(frequency AS DOUBLE PRECISION) AS value, COUNT(*) AS customers
FROM refresh WHERE f_score IS NOT NULL
GROUP BY frequency
UNION ALL
SELECT 'monetary' AS dimension, CAST(ROUND(monetary, 0) AS DOUBLE PRECISION) AS value, COUNT(*) AS customers
FROM refresh WHERE m_score IS NOT NULL
GROUP BY ROUND(monetary, 0)
ORDER BY dimension, value
