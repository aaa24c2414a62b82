-- invariant: one row per as_of and segment; P(alive) within 0-1, value at risk never negative
SELECT as_of, segment FROM segment_predicted_value GROUP BY as_of, segment HAVING COUNT(*) > 1
UNION ALL
SELECT as_of, segment FROM segment_predicted_value
WHERE mean_p_alive < 0 OR mean_p_alive > 1 OR value_at_risk < 0 OR likely_lost > customers
