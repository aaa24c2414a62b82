-- review: the segments whose customers changed by more than a share between the two latest kept
-- refreshes (segment_summary). Bind: the threshold, a fraction (0.25 = 25 %). A segment empty
-- at one of the two counts as changed. One row per segment, largest change first.
WITH days AS (
    SELECT as_of, ROW_NUMBER() OVER (ORDER BY as_of DESC) AS n FROM (SELECT DISTINCT as_of FROM segment_summary) d
),
pair AS (
    SELECT MAX(CASE WHEN n = 2 THEN as_of END) AS before_day, MAX(CASE WHEN n = 1 THEN as_of END) AS now_day
    FROM days WHERE n <= 2
),
sizes AS (
    SELECT p.before_day, p.now_day, s.segment,
        SUM(CASE WHEN s.as_of = p.before_day THEN s.customers ELSE 0 END) AS before_customers,
        SUM(CASE WHEN s.as_of = p.now_day THEN s.customers ELSE 0 END) AS now_customers
    FROM pair p
    JOIN segment_summary s ON s.as_of IN (p.before_day, p.now_day)
    WHERE p.before_day IS NOT NULL
    GROUP BY p.before_day, p.now_day, s.segment
)
SELECT before_day, now_day, segment, before_customers, now_customers,
    CAST(now_customers - before_customers AS DOUBLE PRECISION) / NULLIF(before_customers, 0) AS change
FROM sizes
WHERE before_customers = 0 OR now_customers = 0
   OR ABS(now_customers - before_customers) > CAST(? AS DOUBLE PRECISION) * before_customers
ORDER BY ABS(CAST(now_customers - before_customers AS DOUBLE PRECISION)) / (before_customers + 1) DESC, segment
