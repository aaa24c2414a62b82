-- invariant: segment_transition_matrix has one row per as_of, from_segment and to_segment
SELECT as_of, from_segment, to_segment, COUNT(*) AS rows_of_key
FROM segment_transition_matrix
GROUP BY as_of, from_segment, to_segment
HAVING COUNT(*) > 1
