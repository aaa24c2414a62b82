-- invariant: on every as_of, the segments' customers add up to the distinct customers of the snapshot
SELECT s.as_of, s.customers, d.distinct_customers
FROM (SELECT as_of, SUM(customers) AS customers FROM segment_summary GROUP BY as_of) s
JOIN (SELECT as_of, COUNT(DISTINCT customer_id) AS distinct_customers
        FROM segment_snapshot GROUP BY as_of) d ON d.as_of = s.as_of
WHERE s.customers <> d.distinct_customers
