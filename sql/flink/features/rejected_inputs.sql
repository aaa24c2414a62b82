-- Every rejected input row with its source and reason: the dead letter.
CREATE TEMPORARY VIEW rejected_inputs AS
SELECT 'orders' AS source, raw_line, reject_reason FROM orders_numbered WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'engagement', raw_line, reject_reason FROM engagement_numbered WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'treatments', raw_line, reject_reason FROM treatments_numbered WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'customers', raw_line, reject_reason FROM customers_numbered WHERE reject_reason IS NOT NULL
