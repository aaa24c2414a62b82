-- grain: one row per kept snapshot (as_of), horizon_days (30, 60 and 90) and signal, for the
-- snapshots whose horizon has passed
-- Which signals still tell, inside a segment, who buys again: over the trials of score_validation
-- (customers with a purchase history at a kept snapshot; _score_validation_trials, joined to their
-- segment_snapshot row), each signal's ROC AUC for retention (a positive order in
-- [as_of, as_of + horizon_days)) counted only over pairs of one retained and one not retained
-- customer of the SAME segment at the same snapshot. The segment alone sorts no such pair, so a
-- signal that adds nothing to the segments scores 0.5, whatever it scores over all customers.
-- Method: in each segment the Mann-Whitney count U = R1 - n1 (n1 + 1) / 2 (Hanley & McNeil 1982,
--   Radiology 143:29-36; R1 the retained customers' sum of average ranks of the signal, ties 1/2),
--   pooled over segments as sum U / sum n1 n0: every within-segment pair weighs the same (the
--   stratified Wilcoxon count of van Elteren 1960, Bull. Int. Stat. Inst. 37:351-361, without its
--   weights). Segments where all or none bought again have no pair and drop out.
-- Signals: recency, frequency, monetary (the 1-5 scores), composite (to 6 decimals); engagement_30d
--   and engagement_90d (engagement events before as_of: the warehouse keeps engagement by window,
--   not by event type); lifecycle_stage as an order of purchase-cycle recency (lapsed 1, lapsing 2,
--   new, active or reactivated 3); the flags high_return_rate, single_channel, discount_dependent,
--   email_unengaged (1 = flagged); top_category_share (customers without a share in 0-1, e.g. no
--   category, left out of that signal); tenure (days from the first order to as_of).
-- columns:
-- as_of: the kept snapshot day (UTC)
-- horizon_days: length of the outcome window in days (30, 60 or 90)
-- signal: the signal's name (see Signals above)
-- customers: customers with a purchase history at the snapshot and a value of the signal, a count
-- retained: those with a positive order in the window, a count
-- segments_compared: segments with both retained and not retained customers, a count
-- pairs: within-segment pairs of a retained and a not retained customer, a count
-- auc_within: pooled within-segment ROC AUC of the signal for retention, 0-1 (0.5 = adds nothing
--   to the segment; below 0.5 = lower values buy again more); NULL without a pair
-- auc_overall: the signal's ROC AUC over all those customers, segments ignored, 0-1; NULL when all
--   or none were retained
-- strength: auc_within read in the signal's better direction, GREATEST(auc_within, 1 - auc_within),
--   0.5-1; NULL without a pair
-- direction: higher (higher values buy again more within segments), lower, or none (0.5 or no pair)
-- same_for_all: true when every one of those customers has the same value (the input does not carry
--   the signal, e.g. no engagement events): it cannot separate anyone
-- signal_rank: rank of the signal by strength at that snapshot and horizon, 1 = separates most
--   (ties share a rank; signals without a pair last)
WITH signals AS (
    SELECT signal FROM (VALUES ('recency'), ('frequency'), ('monetary'), ('composite'), ('engagement_30d'),
        ('engagement_90d'), ('lifecycle_stage'), ('high_return_rate'), ('single_channel'), ('discount_dependent'),
        ('email_unengaged'), ('top_category_share'), ('tenure')) AS g (signal)
),
valued AS (
    SELECT t.as_of, t.horizon_days, t.segment, t.retained, g.signal,
        CAST(CASE g.signal
            WHEN 'recency' THEN t.r_score
            WHEN 'frequency' THEN t.f_score
            WHEN 'monetary' THEN t.m_score
            WHEN 'composite' THEN t.composite_score
            WHEN 'engagement_30d' THEN s.engagement_30d
            WHEN 'engagement_90d' THEN s.engagement_90d
            WHEN 'lifecycle_stage' THEN CASE s.lifecycle_stage WHEN 'lapsed' THEN 1 WHEN 'lapsing' THEN 2 ELSE 3 END
            WHEN 'high_return_rate' THEN CASE WHEN s.high_return_rate THEN 1 ELSE 0 END
            WHEN 'single_channel' THEN CASE WHEN s.single_channel THEN 1 ELSE 0 END
            WHEN 'discount_dependent' THEN CASE WHEN s.discount_dependent THEN 1 ELSE 0 END
            WHEN 'email_unengaged' THEN CASE WHEN s.email_unengaged THEN 1 ELSE 0 END
            WHEN 'top_category_share' THEN CASE WHEN s.top_category_share BETWEEN 0 AND 1
                THEN s.top_category_share END
            WHEN 'tenure' THEN t.as_of - s.first_order_date
        END AS DOUBLE PRECISION) AS value
    FROM _score_validation_trials t
    JOIN segment_snapshot s ON s.customer_id = t.customer_id AND s.as_of = t.as_of
    CROSS JOIN signals g
),
ranked AS (
    SELECT v.*,
        CAST(RANK() OVER (PARTITION BY v.as_of, v.horizon_days, v.signal, v.segment ORDER BY v.value) AS DOUBLE PRECISION)
            + CAST(COUNT(*) OVER (PARTITION BY v.as_of, v.horizon_days, v.signal, v.segment, v.value) - 1
                   AS DOUBLE PRECISION) / 2 AS rank_within,
        CAST(RANK() OVER (PARTITION BY v.as_of, v.horizon_days, v.signal ORDER BY v.value) AS DOUBLE PRECISION)
            + CAST(COUNT(*) OVER (PARTITION BY v.as_of, v.horizon_days, v.signal, v.value) - 1
                   AS DOUBLE PRECISION) / 2 AS rank_all
    FROM valued v
    WHERE v.value IS NOT NULL
),
strata AS (
    SELECT as_of, horizon_days, signal, segment,
        COUNT(*) AS customers,
        SUM(retained) AS r1,
        COUNT(*) - SUM(retained) AS r0,
        CAST(SUM(retained) AS DOUBLE PRECISION) AS n1,
        CAST(COUNT(*) - SUM(retained) AS DOUBLE PRECISION) AS n0,
        SUM(CASE WHEN retained = 1 THEN rank_within ELSE 0 END) AS rank_sum_within,
        SUM(CASE WHEN retained = 1 THEN rank_all ELSE 0 END) AS rank_sum_all,
        MIN(value) AS low,
        MAX(value) AS high
    FROM ranked
    GROUP BY as_of, horizon_days, signal, segment
),
pooled AS (
    SELECT as_of, horizon_days, signal,
        SUM(customers) AS customers,
        SUM(r1) AS retained,
        SUM(CAST(r1 AS BIGINT) * CAST(r0 AS BIGINT)) AS pair_count,
        SUM(n1) AS n1,
        SUM(n0) AS n0,
        SUM(rank_sum_all) AS rank_sum_all,
        SUM(CASE WHEN n1 > 0 AND n0 > 0 THEN 1 ELSE 0 END) AS segments_compared,
        SUM(n1 * n0) AS pairs,
        SUM(rank_sum_within - n1 * (n1 + 1) / 2) AS u,
        MIN(low) AS low,
        MAX(high) AS high
    FROM strata
    GROUP BY as_of, horizon_days, signal
),
measured AS (
    SELECT as_of, horizon_days, signal, customers, retained, pair_count, segments_compared, low = high AS same_for_all,
        CASE WHEN pairs > 0 THEN u / pairs END AS auc_within,
        CASE WHEN n1 > 0 AND n0 > 0 THEN (rank_sum_all - n1 * (n1 + 1) / 2) / (n1 * n0) END AS auc_overall
    FROM pooled
)
SELECT
    as_of,
    horizon_days,
    signal,
    customers,
    retained,
    segments_compared,
    pair_count AS pairs,
    auc_within,
    auc_overall,
    GREATEST(auc_within, 1 - auc_within) AS strength,
    CASE WHEN auc_within > 0.5 THEN 'higher' WHEN auc_within < 0.5 THEN 'lower' ELSE 'none' END AS direction,
    same_for_all,
    RANK() OVER (PARTITION BY as_of, horizon_days ORDER BY GREATEST(auc_within, 1 - auc_within) DESC NULLS LAST)
        AS signal_rank
FROM measured
