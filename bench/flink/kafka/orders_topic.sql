-- The orders topic (JSON records, ./segments generate --kafka) as a Flink table read from the
-- earliest to the latest offset at the start, every column as text.
CREATE TEMPORARY TABLE orders_raw (
  order_id STRING,
  customer_id STRING,
  order_ts STRING,
  amount STRING
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic}',
  'properties.bootstrap.servers' = '${bootstrap}',
  'properties.group.id' = '${group}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'format' = 'json',
  'json.ignore-parse-errors' = 'true'
)
