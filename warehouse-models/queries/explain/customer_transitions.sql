-- explain: the customer's last segment changes up to a refresh: one row per change, latest first, at most 5.
SELECT as_of, from_segment, to_segment
FROM segment_transition
WHERE customer_id = ? AND as_of <= CAST(? AS DATE)
ORDER BY as_of DESC
LIMIT 5
