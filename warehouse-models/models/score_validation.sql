-- grain: one row per kept snapshot (as_of), horizon_days (30, 60 and 90), dimension and value:
-- dimension recency, frequency, monetary or composite with score 1-5, or dimension segment with
-- segment; for the snapshots whose horizon has passed
-- Whether the scores sort the customers who buy again: of the customers with a purchase history
-- at a kept snapshot (prospects, who have no scores, left out), how many of each score value, and
-- of each segment, placed a positive order in the following horizon_days and what they spent. A
-- good score's higher values retain more. The composite (a weighted mean) is rounded half up to a
-- whole score. score_validation_summary measures the same trials in one figure per score (ROC AUC
-- and Spearman correlation); both read _score_validation_trials. Over several snapshots, weight
-- by customers: a customer scored in January and again in February is two trials.
-- Outcome window: activity_date in [as_of, as_of + horizon_days), as in lead_scoring_validation;
-- a snapshot counts only once that window has ended by the last activity_date in the warehouse.
-- columns:
-- as_of: the kept snapshot day (UTC)
-- horizon_days: length of the outcome window in days (30, 60 or 90)
-- dimension: recency, frequency, monetary, composite (scores) or segment
-- score: the score 1-5 (composite rounded half up); NULL on segment rows
-- segment: the segment at the snapshot; NULL on score rows
-- customers: customers with a purchase history at the snapshot with that score or segment, a count
-- retained: those with a positive order in the window, a count
-- retention_rate: retained / customers, a fraction 0-1
-- lift_vs_all: retention_rate over the retention rate of every customer at that snapshot and
--   horizon, a ratio (1 = average; NULL when nobody was retained)
-- revenue_per_customer: net revenue in the window per customer, in the input's currency
WITH dimensions AS (
    SELECT dimension FROM (VALUES ('recency'), ('frequency'), ('monetary'), ('composite'), ('segment'))
        AS d (dimension)
),
valued AS (
    SELECT
        t.as_of,
        t.horizon_days,
        d.dimension,
        CASE d.dimension
            WHEN 'recency' THEN t.r_score
            WHEN 'frequency' THEN t.f_score
            WHEN 'monetary' THEN t.m_score
            WHEN 'composite' THEN CAST(FLOOR(t.composite_score + 0.5) AS INTEGER)
        END AS score,
        CASE WHEN d.dimension = 'segment' THEN t.segment END AS segment,
        t.retained,
        t.revenue
    FROM _score_validation_trials t
    CROSS JOIN dimensions d
),
overall AS (
    SELECT as_of, horizon_days, CAST(SUM(retained) AS DOUBLE PRECISION) / COUNT(*) AS rate
    FROM _score_validation_trials
    GROUP BY as_of, horizon_days
)
SELECT
    v.as_of,
    v.horizon_days,
    v.dimension,
    v.score,
    v.segment,
    COUNT(*) AS customers,
    SUM(v.retained) AS retained,
    CAST(SUM(v.retained) AS DOUBLE PRECISION) / COUNT(*) AS retention_rate,
    CASE WHEN MAX(o.rate) > 0
         THEN CAST(SUM(v.retained) AS DOUBLE PRECISION) / COUNT(*) / MAX(o.rate) END AS lift_vs_all,
    CAST(SUM(v.revenue) AS DOUBLE PRECISION) / COUNT(*) AS revenue_per_customer
FROM valued v
JOIN overall o ON o.as_of = v.as_of AND o.horizon_days = v.horizon_days
GROUP BY v.as_of, v.horizon_days, v.dimension, v.score, v.segment
