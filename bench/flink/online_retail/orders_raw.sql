-- A file in the UCI "Online Retail" layout as a Flink table, every column as text (the csv format
-- cannot skip the header line). One row per line of the file.
CREATE TEMPORARY TABLE orders_raw (
  InvoiceNo STRING,
  StockCode STRING,
  Description STRING,
  Quantity STRING,
  InvoiceDate STRING,
  UnitPrice STRING,
  CustomerID STRING,
  Country STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${orders}',
  'format' = 'csv'
)
