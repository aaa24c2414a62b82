-- grain: one row per kept snapshot (as_of), horizon_days (30, 60 and 90) and lead_class, for the
-- snapshots whose horizon has passed
-- How the lead classes of lead_scoring.yaml went on to buy, so that its points can be tuned: a
-- good model's hotter classes convert more. Each customer scored at a kept snapshot
-- (segment_snapshot with a lead_class; prospects unless lead_scoring.yaml scores everyone) is
-- one trial. Over several snapshots, weight by scored: a prospect cold in January and again in
-- February is two trials.
-- Outcome window: the horizon_days calendar days from the refresh day, activity_date in
--   [as_of, as_of + horizon_days). A snapshot as of D holds the events before D, so the window
--   starts on D. For a prospect the order in it is the first.
-- A snapshot counts only once its window has ended by the last activity_date in the warehouse.
-- columns:
-- as_of: the kept snapshot day (UTC)
-- horizon_days: length of the outcome window in days (30, 60 or 90)
-- lead_class: cold, warm, hot or sales_ready
-- scored: customer-snapshots scored in the class, a count
-- converted: those with a positive order in the window, a count
-- conversion_rate: converted / scored, a fraction 0-1
-- avg_lead_score: average lead score, 0-100 points
-- lift_vs_all: conversion_rate over the conversion rate of every class together at that snapshot
--   and horizon, a ratio (1 = average; NULL when nobody converted)
-- revenue_per_scored: net revenue in the window per customer scored, in the input's currency
WITH horizons AS (
    SELECT horizon_days FROM (VALUES (30), (60), (90)) AS h (horizon_days)
),
observed AS (
    SELECT MAX(activity_date) AS last_day FROM activity_daily
),
trials AS (
    SELECT
        h.horizon_days,
        s.customer_id,
        s.as_of,
        s.lead_class,
        s.lead_score,
        MAX(CASE WHEN a.orders > 0 THEN 1 ELSE 0 END) AS converted,
        COALESCE(SUM(a.revenue), 0) AS revenue
    FROM segment_snapshot s
    CROSS JOIN horizons h
    CROSS JOIN observed o
    LEFT JOIN activity_daily a
        ON a.customer_id = s.customer_id
       AND a.activity_date >= s.as_of
       AND a.activity_date - s.as_of < h.horizon_days
    WHERE s.lead_class IS NOT NULL
      AND s.as_of + h.horizon_days - 1 <= o.last_day
    GROUP BY h.horizon_days, s.customer_id, s.as_of, s.lead_class, s.lead_score
),
overall AS (
    SELECT as_of, horizon_days, CAST(SUM(converted) AS DOUBLE PRECISION) / COUNT(*) AS rate
    FROM trials
    GROUP BY as_of, horizon_days
)
SELECT
    t.as_of,
    t.horizon_days,
    t.lead_class,
    COUNT(*) AS scored,
    SUM(t.converted) AS converted,
    CAST(SUM(t.converted) AS DOUBLE PRECISION) / COUNT(*) AS conversion_rate,
    AVG(CAST(t.lead_score AS DOUBLE PRECISION)) AS avg_lead_score,
    CASE WHEN MAX(v.rate) > 0
         THEN CAST(SUM(t.converted) AS DOUBLE PRECISION) / COUNT(*) / MAX(v.rate) END AS lift_vs_all,
    CAST(SUM(t.revenue) AS DOUBLE PRECISION) / COUNT(*) AS revenue_per_scored
FROM trials t
JOIN overall v ON v.as_of = t.as_of AND v.horizon_days = t.horizon_days
GROUP BY t.as_of, t.horizon_days, t.lead_class
