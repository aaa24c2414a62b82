-- grain: one row per as_of, from_segment and to_segment
-- From segment_snapshot: a customer's segment at a kept refresh (to_segment) against their segment
-- at their previous kept refresh (from_segment; '(new)' when the customer is seen for the first
-- time). Customers who stay put form the diagonal. customers: how many made that move;
-- share_of_from_segment: their share of the from_segment's customers at this as_of (the rows of
-- one as_of and from_segment sum to 1). segment_transition keeps the moves of every refresh, kept
-- or not; this matrix needs the stayers too, hence the snapshots.
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
