-- invariant: holdout_lift_cuped has one row per program_id and segment
SELECT program_id, segment, COUNT(*) AS rows_of_key
FROM holdout_lift_cuped
GROUP BY program_id, segment
HAVING COUNT(*) > 1
