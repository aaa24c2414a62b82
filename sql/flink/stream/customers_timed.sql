-- Customer records from the customers topic with the reason each bad one is rejected (NULL =
-- accepted), late sign-ups included (see orders_timed). A record without signup_ts has no time:
-- it is accepted and, as in a file run, makes no day of its own.
CREATE TEMPORARY VIEW customers_timed AS
SELECT input_file, input_line, raw_line, customer_id, signup_ts, email_consent, country, email_sha256, phone_sha256,
  CASE
    WHEN reject_reason IS NOT NULL THEN reject_reason
    WHEN signup_ts IS NOT NULL AND rowtime <= CURRENT_WATERMARK(rowtime) THEN 'late: signup_ts '
      || CAST(signup_ts AS STRING) || ' is not after the watermark '
      || CAST(CAST(CURRENT_WATERMARK(rowtime) AS TIMESTAMP(3)) AS STRING)
      || ' when it arrived (its day was already refreshed; stream.allowed_lateness in pipeline.yaml)'
  END AS reject_reason,
  rowtime, event_day
FROM customers_checked
