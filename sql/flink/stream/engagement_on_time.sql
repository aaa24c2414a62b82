-- The accepted engagement events of engagement_timed, as they arrive.
CREATE TEMPORARY VIEW engagement_on_time AS
SELECT input_file, input_line, customer_id, event_ts, event_type, channel, event_id, rowtime
FROM engagement_timed
WHERE reject_reason IS NULL
