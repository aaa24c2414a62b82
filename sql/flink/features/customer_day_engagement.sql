-- One row per customer and day with engagement: total events and "email_open=2;site_visit=5".
CREATE TEMPORARY VIEW customer_day_engagement AS
SELECT
  customer_id, activity_date,
  CAST(SUM(events) AS INT) AS engagement_events,
  LISTAGG(event_type || '=' || CAST(events AS STRING), ';') AS event_counts
FROM (
  SELECT customer_id, CAST(event_ts AS DATE) AS activity_date,
    REGEXP_REPLACE(event_type, '[;=]', '_') AS event_type, COUNT(*) AS events
  FROM engagement_events
  WHERE copy_no = 1
  GROUP BY customer_id, CAST(event_ts AS DATE), REGEXP_REPLACE(event_type, '[;=]', '_')
)
GROUP BY customer_id, activity_date
