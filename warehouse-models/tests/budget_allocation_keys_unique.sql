-- invariant: One row per segment; funding ranks 1, 2, ... without gaps or repeats.
SELECT segment, COUNT(*) AS n FROM budget_allocation GROUP BY segment HAVING COUNT(*) > 1
UNION ALL
SELECT 'funding_rank', COUNT(*) FROM budget_allocation
HAVING COUNT(funding_rank) > 0 AND (COUNT(DISTINCT funding_rank) <> COUNT(funding_rank) OR MAX(funding_rank) <> COUNT(funding_rank))
