-- grain: one row per as_of and segment (from segment_snapshot, the refreshes kept)
-- Size, revenue and average R/F/M of each segment at every kept refresh. Window figures cover the
-- rolling window (window_days in pipeline.yaml, 365 days by default); lifetime figures the whole
-- history. Money in the input's currency; shares are fractions 0-1.
-- columns:
-- as_of: the kept refresh day (UTC)
-- segment: the segment (labels and order in segment_dim)
-- customers: customers in the segment that day, a count
-- customer_share: their share of all customers that day, a fraction 0-1
-- revenue: sum of monetary (net revenue in the rolling window, floored at 0) of the segment's
--   customers; money
-- revenue_share: its share of all revenue that day, a fraction 0-1 (NULL when that day's revenue is 0)
-- avg_recency_days: average days since the last order, over the customers who ever bought
--   (prospects skipped)
-- avg_frequency: average orders in the window
-- avg_monetary: average monetary (window net revenue, floored at 0); money
-- avg_r_score, avg_f_score, avg_m_score: average window scores 1-5 (prospects skipped)
-- revenue_at_risk: the revenue of customers whose lifecycle_stage is 'lapsing' or 'lapsed', or whose
--   segment the configuration marks at risk (at_risk in strategies.yaml, kept in segment_config; a
--   segment without a row there is not): window revenue that leaves unless they return; money
-- avg_lifetime_orders: average positive orders ever (lifetime; the window's figures forget a
--   customer who has gone quiet, these do not); NULL on snapshots written before V0018
-- avg_lifetime_revenue: average net amount ever (lifetime); money; NULL before V0018
-- avg_peak_window_value: average highest window monetary value ever; money; NULL before V0018
-- avg_lifetime_f_score, avg_lifetime_m_score: average lifetime scores 1-5 (prospects skipped);
--   NULL before V0018
-- top_lifetime_customers: customers scored 5 on lifetime monetary value, the big spenders of all
--   time (a suppressed segment should hold few of them), a count
-- criteria: the segment's rule in words with its score ranges in days, orders and money at that
--   refresh's boundaries (segment_criteria, written with each kept refresh since V0019; NULL before)
WITH per_segment AS (
    SELECT
        s.as_of,
        s.segment,
        COUNT(*) AS customers,
        SUM(s.monetary) AS revenue,
        AVG(CAST(s.recency_days AS DOUBLE PRECISION)) AS avg_recency_days,
        AVG(CAST(s.frequency AS DOUBLE PRECISION)) AS avg_frequency,
        AVG(CAST(s.monetary AS DOUBLE PRECISION)) AS avg_monetary,
        AVG(CAST(s.r_score AS DOUBLE PRECISION)) AS avg_r_score,
        AVG(CAST(s.f_score AS DOUBLE PRECISION)) AS avg_f_score,
        AVG(CAST(s.m_score AS DOUBLE PRECISION)) AS avg_m_score,
        SUM(CASE
                WHEN s.lifecycle_stage IN ('lapsing', 'lapsed') OR COALESCE(c.at_risk, FALSE)
                THEN s.monetary
                ELSE 0
            END) AS revenue_at_risk,
        AVG(CAST(s.lifetime_orders AS DOUBLE PRECISION)) AS avg_lifetime_orders,
        AVG(CAST(s.lifetime_revenue AS DOUBLE PRECISION)) AS avg_lifetime_revenue,
        AVG(CAST(s.peak_window_value AS DOUBLE PRECISION)) AS avg_peak_window_value,
        AVG(CAST(s.lifetime_f_score AS DOUBLE PRECISION)) AS avg_lifetime_f_score,
        AVG(CAST(s.lifetime_m_score AS DOUBLE PRECISION)) AS avg_lifetime_m_score,
        COUNT(CASE WHEN s.lifetime_m_score = 5 THEN 1 END) AS top_lifetime_customers
    FROM segment_snapshot s
    LEFT JOIN segment_config c ON c.segment = s.segment
    GROUP BY s.as_of, s.segment
),
day_totals AS (
    SELECT
        as_of,
        SUM(CAST(customers AS DOUBLE PRECISION)) AS all_customers,
        SUM(CAST(revenue AS DOUBLE PRECISION)) AS all_revenue
    FROM per_segment
    GROUP BY as_of
)
SELECT
    p.as_of,
    p.segment,
    p.customers,
    p.customers / NULLIF(t.all_customers, 0) AS customer_share,
    p.revenue,
    CAST(p.revenue AS DOUBLE PRECISION) / NULLIF(t.all_revenue, 0) AS revenue_share,
    p.avg_recency_days,
    p.avg_frequency,
    p.avg_monetary,
    p.avg_r_score,
    p.avg_f_score,
    p.avg_m_score,
    p.revenue_at_risk,
    p.avg_lifetime_orders,
    p.avg_lifetime_revenue,
    p.avg_peak_window_value,
    p.avg_lifetime_f_score,
    p.avg_lifetime_m_score,
    p.top_lifetime_customers,
    c.criteria
FROM per_segment p
JOIN day_totals t ON t.as_of = p.as_of
LEFT JOIN segment_criteria c ON c.as_of = p.as_of AND c.segment = p.segment
