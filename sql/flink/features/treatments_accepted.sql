-- Accepted treatment rows, numbered among copies of (program_id, customer_id, treated_ts).
CREATE TEMPORARY VIEW treatments_accepted AS
SELECT program_id, customer_id, treated_ts, arm, channel, cost, copy_no
FROM (
  SELECT c.*,
    ROW_NUMBER() OVER (PARTITION BY program_id, customer_id, treated_ts ORDER BY arm) AS copy_no
  FROM treatments_checked AS c
  WHERE reject_reason IS NULL
)
