-- grain: one row per as_of and segment (from segment_snapshot, the refreshes kept)
-- customers, customer_share: customers in the segment, and their share of all customers that day
-- revenue, revenue_share: sum of monetary (net revenue in the rolling window, floored at 0) and its
--   share of all revenue that day (NULL when that day's revenue is 0)
-- avg_*: averages over the segment's customers; recency and scores skip prospects (NULL there)
-- revenue_at_risk: the revenue of customers whose lifecycle_stage is 'lapsing' or 'lapsed', or whose
--   segment the configuration marks at risk (at_risk in strategies.yaml, kept in segment_config; a
--   segment without a row there is not): window revenue that leaves unless they return.
-- avg_lifetime_orders, avg_lifetime_revenue, avg_peak_window_value: averages of the customers'
--   positive orders ever, net amount ever and highest window value ever (the window's figures
--   forget a customer who has gone quiet; these do not); avg_lifetime_f_score, avg_lifetime_m_score:
--   their lifetime scores (prospects skipped); top_lifetime_customers: customers scored 5 on lifetime
--   monetary value, the big spenders of all time (a suppressed segment should hold few of them).
--   Snapshots written before V0018 have no lifetime figures: NULL there.
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
