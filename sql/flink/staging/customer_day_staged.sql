-- The daily rollup handed from the batch stage (parse, validate, dedupe, roll up) to the
-- streaming stage (rolling windows, scores, segments), sorted by day.
CREATE TEMPORARY TABLE customer_day_staged (
  customer_id STRING,
  activity_date DATE,
  orders INT,
  return_orders INT,
  revenue DOUBLE,
  gross DOUBLE,
  return_amount DOUBLE,
  discounted_orders INT,
  midnight_orders INT,
  midnight_revenue DOUBLE,
  midnight_gross DOUBLE,
  midnight_return_amount DOUBLE,
  channel_orders STRING,
  category_spend STRING,
  engagement_events INT,
  event_counts STRING,
  signed_up INT,
  email_consent INT,
  country STRING,
  email_sha256 STRING,
  phone_sha256 STRING
) WITH (
  'connector' = 'filesystem',
  'path' = ${staging.customer_day},
  'format' = 'json',
  'sink.parallelism' = '1'
)
