-- invariant: the moves out of each from_segment on each as_of sum to a share of 1
SELECT as_of, from_segment, SUM(share_of_from_segment) AS shares
FROM segment_transition_matrix
GROUP BY as_of, from_segment
HAVING ABS(SUM(share_of_from_segment) - 1) > 1e-9
