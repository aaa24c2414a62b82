-- explain: the customer's current row. One row, or none for a customer the warehouse does not know.
SELECT * FROM customer_segment WHERE customer_id = ?
