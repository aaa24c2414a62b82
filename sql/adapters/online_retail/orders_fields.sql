-- Adapter for the "Online Retail" export layout (CSV with a header), and "Online Retail II" whose
-- columns are the same in the same order under other names:
--   InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
-- amount = Quantity * UnitPrice (computed as text here, parsed and validated downstream);
-- cancelled invoices (C...) carry negative quantities and so become returns. Rows without a
-- CustomerID are rejected downstream as "missing customer_id". InvoiceDate may be ISO
-- (2010-12-01 08:26:00) or the spreadsheet form M/D/YYYY H:MM[:SS], which ISO_FROM_SPREADSHEET
-- rewrites to ISO (digits untouched: validation downstream still rejects an impossible date).
-- Without a line number every row counts as its own line: nothing is dropped as a duplicate.
CREATE TEMPORARY VIEW orders_fields AS
SELECT
  input_file, input_line, line AS raw_line,
  CASE WHEN f IS NULL THEN 'unterminated quote in CSV line'
       WHEN CARDINALITY(f) <> 8 THEN 'expected 8 columns, found ' || CAST(CARDINALITY(f) AS STRING)
  END AS parse_error,
  f[1] AS order_id,
  REGEXP_REPLACE(f[7], '\.0+$', '') AS customer_id,
  ISO_FROM_SPREADSHEET(f[5]) AS order_ts,
  CASE WHEN quantity IS NULL OR unit_price IS NULL
    THEN COALESCE(f[4], '') || '*' || COALESCE(f[6], '')
    ELSE CAST(CAST(quantity * unit_price AS DECIMAL(18, 4)) AS STRING)
  END AS amount,
  CAST(NULL AS STRING) AS line_no,
  CAST(NULL AS STRING) AS category,
  CAST(NULL AS STRING) AS channel,
  CAST(NULL AS STRING) AS discount
FROM (
  -- each number parsed once per line (a select of its own, so that the planner keeps it apart)
  SELECT input_file, input_line, line, f, PARSE_NUMBER(f[4]) AS quantity, PARSE_NUMBER(f[6]) AS unit_price
  FROM (
    SELECT input_file, input_line, line, SPLIT_CSV(line) AS f
    FROM orders_lines
    WHERE TRIM(line) <> ''
  )
)
-- the header line (InvoiceNo,... or, in "Online Retail II", Invoice,...) is not a record; a line
-- with an empty Quantity is one (rejected downstream), not dropped
WHERE f IS NULL OR CARDINALITY(f) < 4 OR COALESCE(LOWER(f[4]), '') <> 'quantity'
