-- One row per customer known from the customers input, on the day they signed up, with the
-- e-mail consent, country and hashed email and phone it gives. Customers without a signup_ts are known through their
-- orders and engagement only.
CREATE TEMPORARY VIEW customer_day_signups AS
SELECT customer_id, CAST(signup_ts AS DATE) AS activity_date,
  CAST(CASE WHEN email_consent THEN 1 WHEN NOT email_consent THEN 0 END AS INT) AS email_consent,
  NULLIF(TRIM(country), '') AS country, email_sha256, phone_sha256
FROM customers_accepted
WHERE copy_no = 1 AND signup_ts IS NOT NULL
