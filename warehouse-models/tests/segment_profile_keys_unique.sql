-- segment_profile has one row per as_of and segment, matching segment_summary's rows.
SELECT p.as_of, p.segment, p.customers, s.customers AS summary_customers
FROM segment_profile p
FULL JOIN segment_summary s ON s.as_of = p.as_of AND s.segment = p.segment
WHERE s.segment IS NULL OR p.segment IS NULL OR s.customers <> p.customers
UNION ALL
SELECT as_of, segment, COUNT(*), NULL FROM segment_profile GROUP BY as_of, segment HAVING COUNT(*) > 1
