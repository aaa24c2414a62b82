-- explain: how the latest run configured one segment (rule position, strategy, program, holdout). One row, or none.
SELECT segment, segment_order, strategy, program_id, holdout_share, always_on, in_config
FROM segment_config
WHERE segment = ?
