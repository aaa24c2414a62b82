-- grain: one row per segment at the latest snapshot score_validation validated over 90 days
-- Helper of segment_validation (applied before it): does a segment's later retention differ from
-- its neighbours'? Segments are ordered by engagement_rank (segments.yaml; ties and segments
-- without one by name, after); the neighbours are the segments just below and just above in that
-- order. From score_validation's segment rows at the latest as_of with a 90-day horizon: p = the
-- share retained (a positive order in the 90 days after the snapshot).
-- difference = p - p_neighbour with Newcombe's hybrid score interval (Newcombe 1998, Statistics
--   in Medicine 17:873-890, method 10; as in _holdout_strata): from the Wilson score intervals
--   (l, u) of the two rates (z = 1.959964), margin_low = sqrt((p - l)^2 + (u_n - p_n)^2),
--   margin_high = sqrt((u - p)^2 + (p_n - l_n)^2), the interval [d - margin_low, d + margin_high].
-- columns:
-- as_of: the snapshot day (UTC)
-- horizon_days: the outcome window in days (90)
-- segment: the segment at the snapshot
-- customers, retained: its customers with a purchase history, and those who ordered again, a count
-- retention_rate: retained / customers, a fraction 0-1
-- lower_segment, upper_segment: the neighbours below and above by engagement_rank; NULL at an end
-- lower_difference, upper_difference: retention_rate minus the neighbour's, in rate points as a
--   fraction (0.07 = 7 points)
-- lower_difference_ci_low, lower_difference_ci_high, upper_difference_ci_low, upper_difference_ci_high:
--   their 95 % intervals, same unit
WITH validation AS MATERIALIZED (
    -- The segments' 90-day rows are read once (MATERIALIZED): PostgreSQL would otherwise plan
    -- score_validation, and so _score_validation_trials, for each of the two places that read them.
    SELECT * FROM score_validation WHERE dimension = 'segment' AND horizon_days = 90
),
latest AS (
    SELECT MAX(as_of) AS as_of FROM validation
),
rates AS (
    SELECT
        v.as_of, v.horizon_days, v.segment, v.customers, v.retained,
        CAST(v.retained AS DOUBLE PRECISION) / v.customers AS p,
        (v.retained + 1.920729410347062) / (v.customers + 3.841458820694124) AS center,
        1.959963984540054 / (v.customers + 3.841458820694124)
            * SQRT(CAST(v.retained AS DOUBLE PRECISION) * (v.customers - v.retained) / v.customers
                   + 0.960364705173531) AS half,
        c.engagement_rank
    FROM validation v
    JOIN latest l ON l.as_of = v.as_of
    LEFT JOIN segment_config c ON c.segment = v.segment
    WHERE v.customers > 0
),
ordered AS (
    SELECT
        r.*,
        LAG(r.segment) OVER w AS lower_segment, LAG(r.p) OVER w AS lower_p,
        LAG(r.center - r.half) OVER w AS lower_l, LAG(r.center + r.half) OVER w AS lower_u,
        LEAD(r.segment) OVER w AS upper_segment, LEAD(r.p) OVER w AS upper_p,
        LEAD(r.center - r.half) OVER w AS upper_l, LEAD(r.center + r.half) OVER w AS upper_u
    FROM rates r
    WINDOW w AS (ORDER BY CASE WHEN r.engagement_rank IS NULL THEN 1 ELSE 0 END, r.engagement_rank, r.segment)
)
SELECT
    as_of, horizon_days, segment, customers, retained, p AS retention_rate,
    lower_segment,
    p - lower_p AS lower_difference,
    p - lower_p - SQRT((p - (center - half)) * (p - (center - half)) + (lower_u - lower_p) * (lower_u - lower_p))
        AS lower_difference_ci_low,
    p - lower_p + SQRT((center + half - p) * (center + half - p) + (lower_p - lower_l) * (lower_p - lower_l))
        AS lower_difference_ci_high,
    upper_segment,
    p - upper_p AS upper_difference,
    p - upper_p - SQRT((p - (center - half)) * (p - (center - half)) + (upper_u - upper_p) * (upper_u - upper_p))
        AS upper_difference_ci_low,
    p - upper_p + SQRT((center + half - p) * (center + half - p) + (upper_p - upper_l) * (upper_p - upper_l))
        AS upper_difference_ci_high
FROM ordered
