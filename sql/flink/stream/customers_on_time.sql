-- The accepted sign-ups of customers_timed (records with a signup_ts), as they arrive.
CREATE TEMPORARY VIEW customers_on_time AS
SELECT customer_id, signup_ts, email_consent, country, email_sha256, phone_sha256, rowtime
FROM customers_timed
WHERE reject_reason IS NULL AND signup_ts IS NOT NULL
