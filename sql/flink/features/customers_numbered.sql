-- Every customers row, accepted or rejected, numbered among the copies of its customer_id, accepted
-- rows first. This one view feeds the dedupe, the dead letter and the counts, so that each input
-- line is parsed once (the planner would otherwise repeat the parsing for every consumer).
-- Input position and raw_line are kept for rejected rows only, and dropped before the sort.
CREATE TEMPORARY VIEW customers_numbered AS
SELECT input_file, input_line, raw_line, customer_id, signup_ts, email_consent, country, email_sha256, phone_sha256,
  reject_reason, copy_no
FROM (
  SELECT
    CASE WHEN reject_reason IS NULL THEN CAST(NULL AS STRING) ELSE input_file END AS input_file,
    CASE WHEN reject_reason IS NULL THEN CAST(NULL AS BIGINT) ELSE input_line END AS input_line,
    CASE WHEN reject_reason IS NULL THEN CAST(NULL AS STRING) ELSE raw_line END AS raw_line,
    customer_id, signup_ts, email_consent, country, email_sha256, phone_sha256, reject_reason,
    ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY reject_reason NULLS FIRST, signup_ts) AS copy_no
  FROM customers_checked
)
