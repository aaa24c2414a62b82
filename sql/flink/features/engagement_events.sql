-- Accepted engagement events, each numbered among the copies of its event_id (copy_no > 1 is a
-- duplicate); events without an event_id are all kept.
CREATE TEMPORARY VIEW engagement_events AS
SELECT
  customer_id, event_ts, event_type, channel,
  CASE WHEN event_id IS NULL THEN 1 ELSE copy_no END AS copy_no
FROM (
  SELECT c.*, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY event_ts) AS copy_no
  FROM engagement_checked AS c
  WHERE reject_reason IS NULL
)
