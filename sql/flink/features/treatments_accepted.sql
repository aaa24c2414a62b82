-- Accepted treatments rows with copy_no, their number among the copies of their (program_id, customer_id, treated_ts).
-- copy_no > 1 on an accepted row is a duplicate.
CREATE TEMPORARY VIEW treatments_accepted AS
SELECT program_id, customer_id, treated_ts, arm, channel, cost, copy_no
FROM treatments_numbered
WHERE reject_reason IS NULL
