-- One row per customer signed up on a UTC day (the earliest copy of the day's records of the
-- customer), with the e-mail consent as 1, 0 or NULL, the country and the hashed email and phone.
CREATE TEMPORARY VIEW customers_daily AS
SELECT customer_id, CAST(CASE WHEN email_consent THEN 1 WHEN NOT email_consent THEN 0 END AS INT) AS email_consent,
  NULLIF(TRIM(country), '') AS country, email_sha256, phone_sha256, window_time AS day_time
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, customer_id ORDER BY rowtime) AS copy_no
  FROM TABLE(TUMBLE(TABLE customers_on_time, DESCRIPTOR(rowtime), INTERVAL '1' DAY))
)
WHERE copy_no = 1
