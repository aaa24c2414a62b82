-- Typed customer rows with the reason each bad one is rejected (NULL = accepted), and the email
-- and phone as their SHA-256 (a value that is not an address or a number is absent, never a
-- reason to reject; the phone read in the customer's country unless written with +CC). The
-- record_time placeholder passes a continuous job's time attribute through (empty for files).
CREATE TEMPORARY VIEW customers_checked AS
SELECT
  input_file, input_line, raw_line, customer_id, ts AS signup_ts, consent AS email_consent, country,
  EMAIL_SHA256(email) AS email_sha256, PHONE_SHA256(phone, country) AS phone_sha256,
  CASE
    WHEN parse_error IS NOT NULL THEN parse_error
    WHEN customer_id IS NULL THEN 'missing customer_id'
    WHEN text_problem IS NOT NULL THEN text_problem
    WHEN signup_ts IS NOT NULL AND ts IS NULL
      THEN 'signup_ts is not a valid ISO-8601 timestamp: ' || signup_ts
    WHEN ts < TIMESTAMP '${earliest} 00:00:00' THEN 'signup_ts is before the earliest accepted date ${earliest}: ' || signup_ts
    WHEN ts > TIMESTAMP '${future_cutoff}' THEN 'signup_ts is in the future (beyond ${future_cutoff} UTC): ' || signup_ts
    WHEN email_consent IS NOT NULL AND consent IS NULL
      THEN 'email_consent is not a boolean: ' || email_consent
  END AS reject_reason${record_time}
FROM (
  SELECT f.*, PARSE_TS(signup_ts, '${timezone}') AS ts, PARSE_BOOL(email_consent) AS consent,
    COALESCE(ID_PROBLEM('customer_id', customer_id), TEXT_PROBLEM('country', country)) AS text_problem
  FROM customers_fields AS f
)
