-- One row per customer, day and event type (cleaned of the list separators ; and =) with its
-- number of events; customer_day sums them and lists them as "email_open=2;site_visit=5".
CREATE TEMPORARY VIEW customer_day_engagement AS
SELECT customer_id, CAST(event_ts AS DATE) AS activity_date,
  REGEXP_REPLACE(event_type, '[;=]', '_') AS event_type, COUNT(*) AS events
FROM engagement_events
WHERE copy_no = 1
GROUP BY customer_id, CAST(event_ts AS DATE), REGEXP_REPLACE(event_type, '[;=]', '_')
