-- review: the purchase cycle of the latest refresh. One row, or none.
SELECT as_of, cycle_days, measured, repeat_customers
FROM purchase_cycle
WHERE as_of = (SELECT MAX(as_of) FROM purchase_cycle)
