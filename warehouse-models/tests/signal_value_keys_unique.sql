-- invariant: signal_value has one row per as_of, horizon_days and signal
SELECT as_of, horizon_days, signal, COUNT(*) AS rows_of_key
FROM signal_value
GROUP BY as_of, horizon_days, signal
HAVING COUNT(*) > 1
