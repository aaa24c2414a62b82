-- grain: one row per as_of and segment (from segment_snapshot, the refreshes kept)
-- The behaviour behind each segment, for profiles (the SEGMENTATION STRATEGY report reads it
-- beside segment_summary, which has the sizes, revenue and average R/F/M).
-- columns:
-- as_of: the kept refresh day (UTC)
-- segment: the segment
-- customers: customers in the segment that day, a count
-- high_return_rate_share, single_channel_share, discount_dependent_share, email_unengaged_share:
--   share of them with the behaviour flag set, a fraction 0-1
-- avg_engagement_30d: average engagement events in the last 30 days
-- avg_engagement_90d: average engagement events in the last 90 days
-- top_category: the category that is the top category of most of them (ties: alphabetical first;
--   NULL when none has a category)
-- top_category_share: share of the segment's customers (all of them, also those without a
--   category) whose top category it is, a fraction 0-1
WITH flags AS (
    SELECT
        as_of,
        segment,
        COUNT(*) AS customers,
        CAST(SUM(CASE WHEN high_return_rate THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*)
            AS high_return_rate_share,
        CAST(SUM(CASE WHEN single_channel THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*)
            AS single_channel_share,
        CAST(SUM(CASE WHEN discount_dependent THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*)
            AS discount_dependent_share,
        CAST(SUM(CASE WHEN email_unengaged THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*)
            AS email_unengaged_share,
        AVG(CAST(engagement_30d AS DOUBLE PRECISION)) AS avg_engagement_30d,
        AVG(CAST(engagement_90d AS DOUBLE PRECISION)) AS avg_engagement_90d
    FROM segment_snapshot
    GROUP BY as_of, segment
),
categories AS (
    SELECT
        as_of,
        segment,
        top_category,
        COUNT(*) AS customers,
        ROW_NUMBER() OVER (PARTITION BY as_of, segment ORDER BY COUNT(*) DESC, top_category)
            AS category_rank
    FROM segment_snapshot
    WHERE top_category IS NOT NULL
    GROUP BY as_of, segment, top_category
)
SELECT
    f.as_of,
    f.segment,
    f.customers,
    f.high_return_rate_share,
    f.single_channel_share,
    f.discount_dependent_share,
    f.email_unengaged_share,
    f.avg_engagement_30d,
    f.avg_engagement_90d,
    c.top_category,
    CAST(c.customers AS DOUBLE PRECISION) / f.customers AS top_category_share
FROM flags f
LEFT JOIN categories c
    ON c.as_of = f.as_of
   AND c.segment = f.segment
   AND c.category_rank = 1
