-- Every rejected input row with its source, position and reason: the dead letter. Lines that
-- could not be read at all (encoding, NUL bytes, CSV or JSON structure) come from unreadable_lines.
CREATE TEMPORARY VIEW rejected_inputs AS
SELECT source, input_file, input_line, raw_line, reject_reason FROM unreadable_lines
UNION ALL
SELECT 'orders', input_file, input_line, raw_line, reject_reason FROM orders_numbered WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'engagement', input_file, input_line, raw_line, reject_reason FROM engagement_numbered WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'treatments', input_file, input_line, raw_line, reject_reason FROM treatments_numbered WHERE reject_reason IS NOT NULL
UNION ALL
SELECT 'customers', input_file, input_line, raw_line, reject_reason FROM customers_numbered WHERE reject_reason IS NOT NULL
