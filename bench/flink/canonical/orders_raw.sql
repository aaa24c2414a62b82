-- The canonical orders CSV (./segments generate) as a Flink table, every column as text: the csv
-- format cannot skip the header line and rejects the T of ISO timestamps, so order_lines converts.
-- One row per line of the file.
CREATE TEMPORARY TABLE orders_raw (
  order_id STRING,
  customer_id STRING,
  order_ts STRING,
  amount STRING,
  line_no STRING,
  category STRING,
  channel STRING,
  discount STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${orders}',
  'format' = 'csv'
)
