-- invariant: segment_validation has one row per configured segment; shares are fractions 0-1;
-- criteria_met counts the five flags; size_ok matches customers against the minimum
SELECT segment, 'duplicate' AS problem FROM segment_validation GROUP BY segment HAVING COUNT(*) > 1
UNION ALL
SELECT c.segment, 'missing' FROM segment_config c
LEFT JOIN segment_validation v ON v.segment = c.segment
WHERE COALESCE(c.in_config, FALSE) AND v.segment IS NULL
UNION ALL
SELECT segment, 'out of range' FROM segment_validation
WHERE reachable_share < 0 OR reachable_share > 1 OR email_reachable_share > reachable_share
   OR phone_reachable_share > reachable_share OR criteria_met < 0 OR criteria_met > 5
   OR size_ok <> (customers >= min_segment_size)
   OR criteria_met <> CASE WHEN size_ok THEN 1 ELSE 0 END + CASE WHEN measurable THEN 1 ELSE 0 END
        + CASE WHEN accessible THEN 1 ELSE 0 END + CASE WHEN differentiable THEN 1 ELSE 0 END
        + CASE WHEN actionable THEN 1 ELSE 0 END
