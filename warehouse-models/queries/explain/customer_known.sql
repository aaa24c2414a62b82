-- explain: whether the warehouse knows the customer at all (a current row or a kept snapshot). One row.
SELECT
    (SELECT count(*) FROM customer_segment WHERE customer_id = ?)
    + (SELECT count(*) FROM segment_snapshot WHERE customer_id = ?) AS rows_found
