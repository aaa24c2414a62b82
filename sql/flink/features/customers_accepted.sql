-- Accepted customers rows with copy_no, their number among the copies of their customer_id.
-- copy_no > 1 on an accepted row is a duplicate.
CREATE TEMPORARY VIEW customers_accepted AS
SELECT customer_id, signup_ts, email_consent, country, email_sha256, phone_sha256, copy_no
FROM customers_numbered
WHERE reject_reason IS NULL
