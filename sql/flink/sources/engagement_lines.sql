-- One row per line of the engagement input: CSV with a header, or JSON lines.
-- Parsed into fields by features/engagement_fields.sql (or by an adapter that replaces that view).
CREATE TEMPORARY TABLE engagement_lines (
  line STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${engagement.path}',
  'format' = 'raw'
)
