-- One row per invoice line with a CustomerID: amount = Quantity x UnitPrice, InvoiceDate
-- M/d/yyyy H:mm, CustomerID 17850.0 read as 17850; the header line and anonymous lines dropped.
CREATE TEMPORARY VIEW order_lines AS
SELECT
  InvoiceNo AS order_id,
  CAST(CAST(CAST(CustomerID AS DECIMAL(12, 1)) AS BIGINT) AS STRING) AS customer_id,
  TO_TIMESTAMP(InvoiceDate, 'M/d/yyyy H:mm') AS order_ts,
  CAST(Quantity AS INT) * CAST(UnitPrice AS DECIMAL(12, 2)) AS amount
FROM orders_raw
WHERE InvoiceNo <> 'InvoiceNo' AND CustomerID IS NOT NULL AND CustomerID <> ''
