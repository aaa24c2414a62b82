-- One row per line of the customers input: CSV with a header, or JSON lines.
-- Parsed into fields by features/customers_fields.sql (or by an adapter that replaces that view).
CREATE TEMPORARY TABLE customers_lines (
  line STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${customers.path}',
  'format' = 'raw'
)
