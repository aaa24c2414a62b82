-- One row per line of the treatments input: CSV with a header, or JSON lines.
-- Parsed into fields by features/treatments_fields.sql (or by an adapter that replaces that view).
CREATE TEMPORARY TABLE treatments_lines (
  line STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${treatments.path}',
  'format' = 'raw'
)
