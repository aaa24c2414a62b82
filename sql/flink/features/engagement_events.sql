-- Accepted engagement rows with copy_no, their number among the copies of their event_id.
-- copy_no > 1 on an accepted row is a duplicate; events without an event_id are all kept.
CREATE TEMPORARY VIEW engagement_events AS
SELECT customer_id, event_ts, event_type, channel, copy_no
FROM engagement_numbered
WHERE reject_reason IS NULL
