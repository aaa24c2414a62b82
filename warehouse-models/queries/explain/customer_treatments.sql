-- explain: the customer's last program entries up to a refresh day: one row per entry, latest first, at most 5.
SELECT program_id, treated_ts, arm, segment, channel, cost, source
FROM treatment
WHERE customer_id = ? AND CAST(treated_ts AS DATE) <= CAST(? AS DATE)
ORDER BY treated_ts DESC, program_id
LIMIT 5
