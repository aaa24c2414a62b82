-- grain: one row per kept snapshot (as_of), horizon_days (30, 60 and 90) and dimension (recency,
-- frequency, monetary, composite), for the snapshots whose horizon has passed
-- How well each score sorts the customers who buy again, in one figure, over the trials of
-- score_validation (customers with a purchase history at the snapshot; _score_validation_trials).
-- auc: the ROC AUC of the score for retention (a positive order in [as_of, as_of + horizon_days)),
--   by the rank-sum (Mann-Whitney U) formula of Hanley & McNeil (1982, Radiology 143:29-36):
--   (R1 - n1 (n1 + 1) / 2) / (n1 n0), R1 the sum of the retained customers' ranks of the score,
--   ranks ascending, tied scores given their average rank. It equals exactly the probability that
--   a random retained customer scores higher than a random not retained one, ties counting 1/2.
-- spearman_revenue: Spearman's rank correlation (Spearman 1904, Am. J. Psychol. 15:72-101) of the
--   score with the net revenue in the window: the Pearson correlation of the two average ranks
--   (ties: average rank).
-- Ranks are average ranks (half-integers): up to about 300,000 customers a snapshot every sum is
-- exact in double precision, so both engines give the same figures (above, they may differ in the
-- last digits); the correlation is held in [-1, 1] against the last bit of the square root. The
-- composite is ranked unrounded (to 6 decimals).
-- columns:
-- as_of: the kept snapshot day (UTC)
-- horizon_days: length of the outcome window in days (30, 60 or 90)
-- dimension: the score: recency, frequency, monetary or composite
-- customers: customers with a purchase history at the snapshot, a count
-- retained: those with a positive order in the window, a count
-- retention_rate: retained / customers, a fraction 0-1
-- auc: ROC AUC of the score for retention, 0-1 (0.5 = no better than a coin toss, 1 = every
--   retained customer scored above every other); NULL when all or none were retained
-- spearman_revenue: Spearman rank correlation of the score with net revenue in the window, -1 to 1;
--   NULL when either is the same for every customer
WITH dimensions AS (
    SELECT dimension FROM (VALUES ('recency'), ('frequency'), ('monetary'), ('composite')) AS d (dimension)
),
revenue_ranked AS (
    SELECT
        t.*,
        COUNT(*) OVER (PARTITION BY t.as_of, t.horizon_days) AS n,
        CAST(RANK() OVER (PARTITION BY t.as_of, t.horizon_days ORDER BY t.revenue) AS DOUBLE PRECISION)
            + CAST(COUNT(*) OVER (PARTITION BY t.as_of, t.horizon_days, t.revenue) - 1 AS DOUBLE PRECISION) / 2
            AS revenue_rank
    FROM _score_validation_trials t
),
valued AS (
    SELECT
        r.as_of,
        r.horizon_days,
        d.dimension,
        r.retained,
        r.n,
        r.revenue_rank,
        CASE d.dimension
            WHEN 'recency' THEN CAST(r.r_score AS DECIMAL(12, 6))
            WHEN 'frequency' THEN CAST(r.f_score AS DECIMAL(12, 6))
            WHEN 'monetary' THEN CAST(r.m_score AS DECIMAL(12, 6))
            ELSE r.composite_score
        END AS score
    FROM revenue_ranked r
    CROSS JOIN dimensions d
),
ranked AS (
    SELECT
        v.*,
        CAST(RANK() OVER (PARTITION BY v.as_of, v.horizon_days, v.dimension ORDER BY v.score) AS DOUBLE PRECISION)
            + CAST(COUNT(*) OVER (PARTITION BY v.as_of, v.horizon_days, v.dimension, v.score) - 1
                   AS DOUBLE PRECISION) / 2 AS score_rank,
        CAST(v.n + 1 AS DOUBLE PRECISION) / 2 AS mean_rank
    FROM valued v
),
sums AS (
    SELECT
        as_of,
        horizon_days,
        dimension,
        COUNT(*) AS customers,
        SUM(retained) AS retained,
        CAST(SUM(retained) AS DOUBLE PRECISION) AS n1,
        CAST(COUNT(*) - SUM(retained) AS DOUBLE PRECISION) AS n0,
        SUM(CASE WHEN retained = 1 THEN score_rank ELSE 0 END) AS rank_sum,
        SUM((score_rank - mean_rank) * (revenue_rank - mean_rank)) AS co,
        SUM((score_rank - mean_rank) * (score_rank - mean_rank)) AS score_ss,
        SUM((revenue_rank - mean_rank) * (revenue_rank - mean_rank)) AS revenue_ss
    FROM ranked
    GROUP BY as_of, horizon_days, dimension
)
SELECT
    as_of,
    horizon_days,
    dimension,
    customers,
    retained,
    n1 / customers AS retention_rate,
    CASE WHEN n1 > 0 AND n0 > 0 THEN (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0) END AS auc,
    CASE WHEN score_ss > 0 AND revenue_ss > 0
         THEN GREATEST(-1.0, LEAST(1.0, co / SQRT(score_ss * revenue_ss))) END AS spearman_revenue
FROM sums
