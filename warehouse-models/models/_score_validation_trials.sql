-- grain: one row per kept snapshot (as_of), horizon_days (30, 60 and 90) and customer scored at
-- it, for the snapshots whose horizon has passed
-- Helper of score_validation and score_validation_summary (applied before them): each customer
-- with a purchase history at a kept snapshot (segment_snapshot with R, F and M scores; prospects,
-- who have none, are left out) is one trial per horizon.
-- Outcome window: the horizon_days calendar days from the refresh day, activity_date in
--   [as_of, as_of + horizon_days), as in lead_scoring_validation: a snapshot as of D holds the
--   events before D, so the window starts on D.
-- A snapshot counts only once its window has ended by the last activity_date in the warehouse.
-- columns:
-- as_of: the kept snapshot day (UTC)
-- horizon_days: length of the outcome window in days (30, 60 or 90)
-- customer_id: the customer
-- segment: the customer's segment at the snapshot
-- r_score, f_score, m_score: the window scores 1-5 at the snapshot
-- composite_score: the composite score at the snapshot (weighted mean of R, F and M, 1-5),
--   rounded to 6 decimals so that equal composites tie on both engines
-- retained: 1 when the customer placed a positive order in the window, else 0
-- revenue: net revenue in the window (returns subtracted), in the input's currency
WITH horizons AS (
    SELECT horizon_days FROM (VALUES (30), (60), (90)) AS h (horizon_days)
),
observed AS (
    SELECT MAX(activity_date) AS last_day FROM activity_daily
)
SELECT
    s.as_of,
    h.horizon_days,
    s.customer_id,
    s.segment,
    s.r_score,
    s.f_score,
    s.m_score,
    CAST(s.composite_score AS DECIMAL(12, 6)) AS composite_score,
    MAX(CASE WHEN a.orders > 0 THEN 1 ELSE 0 END) AS retained,
    COALESCE(SUM(a.revenue), 0) AS revenue
FROM segment_snapshot s
CROSS JOIN horizons h
CROSS JOIN observed o
LEFT JOIN activity_daily a
    ON a.customer_id = s.customer_id
   AND a.activity_date >= s.as_of
   AND a.activity_date - s.as_of < h.horizon_days
WHERE s.r_score IS NOT NULL
  AND s.f_score IS NOT NULL
  AND s.m_score IS NOT NULL
  AND s.composite_score IS NOT NULL
  AND s.as_of + h.horizon_days - 1 <= o.last_day
GROUP BY s.as_of, h.horizon_days, s.customer_id, s.segment, s.r_score, s.f_score, s.m_score, s.composite_score
