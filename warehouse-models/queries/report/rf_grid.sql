-- report: the R x F grid of one kept refresh: one row per recency and frequency score with customers,
-- their average window monetary value (money); customers without an R or F score are left out.
SELECT
    r_score,
    f_score,
    COUNT(*) AS customers,
    CAST(AVG(monetary) AS DOUBLE PRECISION) AS avg_monetary
FROM segment_snapshot
WHERE as_of = CAST(? AS DATE) AND r_score IS NOT NULL AND f_score IS NOT NULL
GROUP BY r_score, f_score
ORDER BY r_score, f_score
