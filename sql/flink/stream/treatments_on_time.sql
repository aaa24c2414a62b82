-- The accepted program entries of treatments_timed, as they arrive.
CREATE TEMPORARY VIEW treatments_on_time AS
SELECT program_id, customer_id, treated_ts, arm, channel, cost, rowtime
FROM treatments_timed
WHERE reject_reason IS NULL
