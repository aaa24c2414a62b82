-- review: the rows of segment_validation, in the report's order (segment_dim). One row per segment.
SELECT v.*
FROM segment_validation v
LEFT JOIN segment_dim d ON d.segment = v.segment
ORDER BY d.report_order, v.segment
