-- review: the holdouts that cannot see their target lift (holdout_power.underpowered), segment rows
-- then the programs' 'ALL' rows. One row per program and segment.
SELECT program_id, segment, treated_customers, holdout_customers, holdout_share, minimum_detectable_lift,
    target_lift, holdout_share_needed, detectable_at_any_share
FROM holdout_power
WHERE underpowered
ORDER BY CASE WHEN segment = 'ALL' THEN 1 ELSE 0 END, program_id, segment
