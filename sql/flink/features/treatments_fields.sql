-- The canonical treatment columns as text, one row per input record.
CREATE TEMPORARY VIEW treatments_fields AS
SELECT
  line AS raw_line,
  ${treatments.parse_error} AS parse_error,
  ${treatments.col.program_id} AS program_id,
  ${treatments.col.customer_id} AS customer_id,
  ${treatments.col.treated_ts} AS treated_ts,
  ${treatments.col.arm} AS arm,
  ${treatments.col.channel} AS channel,
  ${treatments.col.cost} AS cost
FROM (
  SELECT line, ${treatments.split} AS f
  FROM treatments_lines
  WHERE IS_RECORD(line, ${treatments.header})
)
