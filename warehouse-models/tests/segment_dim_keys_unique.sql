-- segment_dim has one row per segment_config row; the segments the latest configuration defines
-- are numbered 1, 2, ... in report_order without a gap or a repeat, the others have none; a
-- segment runs a program exactly when it names one.
SELECT d.segment, 'not one row per segment_config row' AS problem
FROM segment_dim d
FULL JOIN segment_config c ON c.segment = d.segment
WHERE d.segment IS NULL OR c.segment IS NULL
UNION ALL
SELECT segment, 'repeated' FROM segment_dim GROUP BY segment HAVING COUNT(*) > 1
UNION ALL
SELECT segment, 'report_order out of place' FROM segment_dim
WHERE (in_config AND (report_order IS NULL OR report_order < 1
        OR report_order > (SELECT COUNT(*) FROM segment_dim WHERE in_config)))
    OR (NOT in_config AND report_order IS NOT NULL)
UNION ALL
SELECT MIN(segment), 'report_order repeated' FROM segment_dim WHERE in_config
GROUP BY report_order HAVING COUNT(*) > 1
UNION ALL
SELECT segment, 'program without always_on' FROM segment_dim
WHERE in_config AND strategy IS NOT NULL AND has_program <> (program_id IS NOT NULL)
