-- explain: the customer's row in the kept refresh as_of. One row, or none.
SELECT * FROM segment_snapshot WHERE customer_id = ? AND as_of = CAST(? AS DATE)
