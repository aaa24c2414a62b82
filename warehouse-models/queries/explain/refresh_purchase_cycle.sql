-- explain: the purchase cycle of one refresh and the lifecycle thresholds in days. One row, or none.
SELECT cycle_days, measured, new_within_days, active_within_days, lapsing_within_days
FROM purchase_cycle
WHERE as_of = CAST(? AS DATE)
