-- invariant: segment_summary has one row per as_of and segment
SELECT as_of, segment, COUNT(*) AS rows_of_key
FROM segment_summary
GROUP BY as_of, segment
HAVING COUNT(*) > 1
