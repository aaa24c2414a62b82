-- segment_persona has one row per segment, all at the latest as_of of customer_segment, and
-- counts every current customer of the segment once.
SELECT p.segment, p.customers, c.customers AS current_customers
FROM segment_persona p
FULL JOIN (
    SELECT segment, COUNT(*) AS customers
    FROM customer_segment
    WHERE as_of = (SELECT MAX(as_of) FROM customer_segment)
    GROUP BY segment
) c ON c.segment = p.segment
WHERE p.segment IS NULL OR c.segment IS NULL OR p.customers <> c.customers
UNION ALL
SELECT segment, COUNT(*), NULL FROM segment_persona GROUP BY segment HAVING COUNT(*) > 1
UNION ALL
SELECT segment, customers, NULL FROM segment_persona
WHERE as_of <> (SELECT MAX(as_of) FROM customer_segment)
