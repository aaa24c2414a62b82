-- grain: one row per as_of, from_segment and to_segment
-- From segment_snapshot: a customer's segment at a kept refresh (to_segment) against their segment
-- at their previous kept refresh. Customers who stay put form the diagonal. segment_transition
-- keeps the moves of every refresh, kept or not; this matrix needs the stayers too, hence the
-- snapshots.
-- columns:
-- as_of: the kept refresh day (UTC)
-- from_segment: the customer's segment at their previous kept refresh; '(new)' when the customer
--   is seen for the first time
-- to_segment: the customer's segment at this kept refresh
-- customers: customers who made that move, a count
-- share_of_from_segment: their share of the from_segment's customers at this as_of, a fraction 0-1
--   (the rows of one as_of and from_segment sum to 1)
WITH moves AS (
    SELECT
        as_of,
        segment AS to_segment,
        LAG(segment) OVER (PARTITION BY customer_id ORDER BY as_of) AS previous_segment
    FROM segment_snapshot
),
cells AS (
    SELECT
        as_of,
        COALESCE(previous_segment, '(new)') AS from_segment,
        to_segment,
        COUNT(*) AS customers
    FROM moves
    GROUP BY as_of, COALESCE(previous_segment, '(new)'), to_segment
)
SELECT
    as_of,
    from_segment,
    to_segment,
    customers,
    CAST(customers AS DOUBLE PRECISION)
        / SUM(CAST(customers AS DOUBLE PRECISION)) OVER (PARTITION BY as_of, from_segment)
        AS share_of_from_segment
FROM cells
