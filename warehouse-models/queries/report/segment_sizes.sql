-- report: customers per segment at every kept refresh up to one (the sizes over time): one row per as_of and segment.
SELECT as_of, segment, COUNT(*) AS customers
FROM segment_snapshot
WHERE as_of <= CAST(? AS DATE)
GROUP BY as_of, segment
ORDER BY as_of, segment
