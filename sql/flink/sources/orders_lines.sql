-- One row per line of the orders input: CSV with a header, or JSON lines.
-- Parsed into fields by features/orders_fields.sql (or by an adapter that replaces that view).
CREATE TEMPORARY TABLE orders_lines (
  line STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${orders.path}',
  'format' = 'raw'
)
