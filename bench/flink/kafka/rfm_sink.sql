-- Where the naive streaming job's per-customer R/F/M go: nowhere (the cost of a real sink is left out).
CREATE TEMPORARY TABLE rfm_out (
  customer_id STRING,
  orders BIGINT,
  monetary DECIMAL(38, 2),
  last_order TIMESTAMP(0)
) WITH ('connector' = 'blackhole')
