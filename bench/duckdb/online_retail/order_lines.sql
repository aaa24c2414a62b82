-- A file in the UCI "Online Retail" layout, one row per invoice line with a CustomerID:
-- amount = Quantity x UnitPrice, InvoiceDate M/d/yyyy H:mm, CustomerID 17850.0 read as 17850.
CREATE VIEW order_lines AS
SELECT
  InvoiceNo AS order_id,
  CAST(CAST(CAST(CustomerID AS DECIMAL(12, 1)) AS BIGINT) AS VARCHAR) AS customer_id,
  strptime(InvoiceDate, '%m/%d/%Y %H:%M') AS order_ts,
  CAST(Quantity AS INTEGER) * CAST(UnitPrice AS DECIMAL(12, 2)) AS amount
FROM read_csv('${orders}', header = true, all_varchar = true)
WHERE CustomerID IS NOT NULL AND CustomerID <> ''
