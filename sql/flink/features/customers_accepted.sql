-- Accepted customers, numbered among copies of their customer_id (copy_no > 1 is a duplicate).
CREATE TEMPORARY VIEW customers_accepted AS
SELECT customer_id, signup_ts, email_consent, country, copy_no
FROM (
  SELECT c.*, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY signup_ts) AS copy_no
  FROM customers_checked AS c
  WHERE reject_reason IS NULL
)
